package org.vrs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.vrs.ledger.CheckpointParseException;
import org.vrs.ledger.LedgerSigningKey;
import org.vrs.ledger.SignedCheckpoint;
import org.vrs.ledger.StoreVerifier;
import org.vrs.ledger.VerificationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verify}: checks a VRS database against its tamper-evident ledger, for auditors. Exit code
 * 0 when everything agrees, 1 at the first divergence, 2 when it cannot run.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Recomputes every ledger leaf from the stored event rows, rebuilds the Merkle tree, checks every "
                + "stored node, every signed checkpoint (signature and root), each file's back-link chain, and that "
                + "every event the ledger has passed has a leaf. Prints OK with counts, or the first divergence by position.",
                "Reads the database directly; the service may be running or stopped."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the store agrees with its ledger", "1:a divergence was found (printed)", "2:verification could not run"})
public class VerifyCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int DIVERGED = 1;
    static final int CANNOT_RUN = 2;

    @Option(names = "--db-url", description = "JDBC URL of the database; default: the embedded database in --data-dir")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:VRS_DB_USER}",
            description = "database user with SELECT on the event, token and ledger tables; default for the embedded "
                    + "database: " + DatabaseConnection.EMBEDDED_APP_USER)
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:VRS_DB_PASSWORD}", description = "default: $VRS_DB_PASSWORD")
    String dbPassword;

    @Option(names = "--data-dir", defaultValue = "data",
            description = "the service's data folder (embedded database); default: ${DEFAULT-VALUE}")
    Path dataDir;

    @Option(names = "--keys-dir", defaultValue = "keys", description = "folder holding " + LedgerSigningKey.PUBLIC_KEY_FILE
            + "; default: ${DEFAULT-VALUE}")
    Path keysDir;

    @Option(names = "--public-key", description = "the log's Ed25519 public key (PEM); default: <keys-dir>/"
            + LedgerSigningKey.PUBLIC_KEY_FILE)
    Path publicKey;

    @Option(names = "--origin", defaultValue = StoreVerifier.DEFAULT_ORIGIN, description = "the log's origin line; default: ${DEFAULT-VALUE}")
    String origin;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "a signed checkpoint kept outside the database, to check the store against (repeatable)")
    List<Path> checkpoints = List.of();

    @Spec
    CommandSpec spec;

    /** Runs the command on its own, until {@code VrsApplication} dispatches {@code verify} to it. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new VerifyCommand()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path keyFile = publicKey != null ? publicKey : keysDir.resolve(LedgerSigningKey.PUBLIC_KEY_FILE);
        StoreVerifier verifier;
        try {
            verifier = StoreVerifier.of(origin, LedgerSigningKey.readPublicKey(keyFile))
                    .withCheckpoints(readCheckpoints())
                    .withProgress(progressTo(err));
        } catch (IOException | CheckpointParseException | IllegalArgumentException e) {
            err.println("verify: " + e.getMessage());
            return CANNOT_RUN;
        }
        try (DatabaseConnection db = DatabaseConnection.open(dbUrl, dbUser, dbPassword, dataDir, err)) {
            err.println("verifying " + db.description() + " against public key " + keyFile + ", origin " + origin);
            VerificationReport report = verifier.verify(db.connection());
            err.flush();
            return ReportPrinter.print(report, out);
        } catch (SQLException | IOException | IllegalStateException e) {
            err.println("verify: " + e.getMessage());
            return CANNOT_RUN;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static org.vrs.ledger.VerifyProgress progressTo(PrintWriter err) {
        return (checked, total, perSecond, remaining) -> {
            err.printf("  %,d / %,d leaves (%,.0f leaves/s, about %d s left)%n", checked, total, perSecond, remaining.toSeconds());
            err.flush();
        };
    }

    private Map<String, SignedCheckpoint> readCheckpoints() throws IOException, CheckpointParseException {
        Map<String, SignedCheckpoint> given = new LinkedHashMap<>();
        for (Path file : checkpoints) {
            try {
                given.put(file.toString(), SignedCheckpoint.parse(Files.readAllBytes(file)));
            } catch (CheckpointParseException e) {
                throw new CheckpointParseException(e.defect(), file + ": " + e.getMessage());
            }
        }
        return given;
    }
}
