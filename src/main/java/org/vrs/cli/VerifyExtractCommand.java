package org.vrs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vrs.extract.ExtractVerifier;
import org.vrs.extract.VerificationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verify-extract bundle.zip [--anchor ca.pem]}: verifies a certified extract offline and
 * prints one line per check. Exit status 0 when every check passed, 1 when any failed, 2 on a
 * usage error or an unreadable anchor file. Needs no database, keys or network: it does not start the service.
 */
@Command(name = "verify-extract", mixinStandardHelpOptions = true,
        description = "Verifies a VRS certified extract (zip) offline: CMS signature and certificate chain, RFC 3161 "
                + "time-stamp, ledger checkpoint signature, every inclusion proof, the consistency proof, canonical form.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every check passed", "1:a check failed: do not rely on the extract", "2:usage error or unreadable anchor"})
public class VerifyExtractCommand implements Callable<Integer> {

    static final int VERIFIED = 0;
    static final int NOT_VERIFIED = 1;
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "the extract zip as the court received it")
    Path bundle;

    @Option(names = "--anchor", paramLabel = "CA_PEM",
            description = "the CA certificate the issuing service publishes; without it the bundle's own ca.pem is "
                    + "trusted and its fingerprint must be compared by hand")
    Path anchor;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        byte[] anchorPem;
        try {
            anchorPem = anchor == null ? null : Files.readAllBytes(anchor);
        } catch (IOException e) {
            spec.commandLine().getErr().println("cannot read the anchor " + anchor + ": " + e.getMessage());
            return USAGE;
        }
        VerificationReport report = ExtractVerifier.verify(bundle, anchorPem);
        report.lines().forEach(out::println);
        out.flush();
        return report.verified() ? VERIFIED : NOT_VERIFIED;
    }

    /** Runs the command alone (the service's own launcher dispatches to it by name). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new VerifyExtractCommand()).execute(args));
    }
}
