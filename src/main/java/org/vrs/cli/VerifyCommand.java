package org.vrs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
import org.vrs.ledger.VerifyStop;
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
        exitCodeList = {"0:the store agrees with its ledger", "1:a divergence was found (printed)", "2:verification could not run",
                "3:interrupted (with --state: the position is saved, run again with the same --state to continue)"})
public class VerifyCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int DIVERGED = 1;
    static final int CANNOT_RUN = 2;
    static final int INTERRUPTED = 3;

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

    @Option(names = "--state", paramLabel = "FILE",
            description = {"make the run resumable: save the position reached to FILE about every second and on Ctrl-C; "
                    + "if FILE exists, continue from it (it must belong to this log and these options); deleted when the "
                    + "run completes without divergence. Leaves before the resume point are not checked again."})
    Path state;

    @Option(names = "--progress", description = "draw a progress bar on stderr even when it is not a terminal")
    boolean progressBar;

    @Option(names = "--stop-after", hidden = true, paramLabel = "LEAVES", description = "stop (as on Ctrl-C) after this many leaves")
    Long stopAfter;

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
        quietLogging();
        Path keyFile = publicKey != null ? publicKey : keysDir.resolve(LedgerSigningKey.PUBLIC_KEY_FILE);
        ProgressBar bar = new ProgressBar(err, progressBar || System.console() != null);
        VerifyStop stop = stopAfter != null ? VerifyStop.afterLeaves(stopAfter) : VerifyStop.onRequest();
        StoreVerifier verifier;
        try {
            verifier = StoreVerifier.of(origin, LedgerSigningKey.readPublicKey(keyFile))
                    .withCheckpoints(readCheckpoints())
                    .withProgress(bar)
                    .withStop(stop);
            if (state != null) {
                verifier = verifier.withState(state);
            }
        } catch (IOException | CheckpointParseException | IllegalArgumentException e) {
            err.println("verify: " + e.getMessage());
            return CANNOT_RUN;
        }
        CountDownLatch done = new CountDownLatch(1);
        Thread onInterrupt = state == null ? null : new Thread(() -> saveOnInterrupt(stop, done, err), "verify-interrupted");
        try (DatabaseConnection db = DatabaseConnection.open(dbUrl, dbUser, dbPassword, dataDir, err)) {
            err.println("verifying " + db.description() + " against public key " + keyFile + ", origin " + origin);
            if (onInterrupt != null) {
                Runtime.getRuntime().addShutdownHook(onInterrupt);
            }
            VerificationReport report = verifier.verify(db.connection());
            bar.finish();
            err.flush();
            if (report instanceof VerificationReport.Interrupted interrupted) {
                return interrupted(interrupted, out);
            }
            return ReportPrinter.print(report, out);
        } catch (SQLException | IOException | IllegalStateException e) {
            bar.finish();
            if (e instanceof SQLException && stop.requested() && state != null && Files.exists(state)) {
                // Ctrl-C reaches the embedded PostgreSQL too, which may end the connection before the walk stops
                out.println("INTERRUPTED: the database closed the connection while stopping");
                out.println("  position saved in " + state + ": run again with --state " + state + " to continue");
                return INTERRUPTED;
            }
            err.println("verify: " + e.getMessage());
            return CANNOT_RUN;
        } finally {
            removeHook(onInterrupt);
            out.flush();
            err.flush();
            done.countDown();
        }
    }

    private int interrupted(VerificationReport.Interrupted report, PrintWriter out) {
        out.printf("INTERRUPTED after %,d of %,d leaves (all agreed so far, %.1f s)%n", report.leavesChecked(), report.leaves(),
                report.elapsed().toMillis() / 1000.0);
        out.println(report.saved() ? "  position saved in " + state + ": run again with --state " + state + " to continue"
                : "  nothing saved: give --state FILE to make a run resumable");
        return INTERRUPTED;
    }

    /**
     * On Ctrl-C (SIGINT) or SIGTERM: stop the walk at the next leaf, and hold the exit until the
     * command has saved the position, printed the outcome and closed the database.
     */
    private static void saveOnInterrupt(VerifyStop stop, CountDownLatch done, PrintWriter err) {
        stop.request();
        try {
            if (!done.await(30, TimeUnit.SECONDS)) {
                err.println();
                err.println("verify: could not save the position in time; the state file holds the last periodic save");
                err.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Outside the service nothing configures logging, and logback's default prints the embedded
     * PostgreSQL's INFO lines on stdout, into the report. Only those loggers, and only when nothing set them.
     */
    private static void quietLogging() {
        for (String name : List.of("io.zonky", "org.vrs.store.EmbeddedDatabase")) {
            if (org.slf4j.LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger && logger.getLevel() == null) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }

    private static void removeHook(Thread hook) {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook is running and saves the position
        }
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
