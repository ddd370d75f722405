package org.vrs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vrs.extract.AuditExportReport;
import org.vrs.extract.AuditExportVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verify-audit-export bundle.zip [--anchor ca.pem]}: verifies an audit-trail export offline
 * and prints one line per check. Needs no database, keys or network.
 */
@Command(name = "verify-audit-export", mixinStandardHelpOptions = true,
        description = "Verifies a VRS audit-trail export (zip) offline: structure, RFC 8785 canonical form, CMS signature "
                + "and certificate chain, checkpoint signature, the period, every leaf and inclusion proof, the consistency proof.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every check passed", "1:a check failed: do not rely on the audit trail", "2:usage error or unreadable anchor"})
public class VerifyAuditExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "the audit-trail zip as exported")
    Path bundle;

    @Option(names = "--anchor", paramLabel = "CA_PEM",
            description = "the CA certificate the service publishes; without it the bundle's own ca.pem is trusted "
                    + "and its fingerprint must be compared by hand")
    Path anchor;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        byte[] anchorPem;
        try {
            anchorPem = anchor == null ? null : Files.readAllBytes(anchor);
        } catch (IOException e) {
            spec.commandLine().getErr().println("cannot read the anchor " + anchor + ": " + e.getMessage());
            return VerifyExtractCommand.USAGE;
        }
        AuditExportReport report = AuditExportVerifier.verify(bundle, anchorPem);
        report.lines().forEach(out::println);
        out.flush();
        return report.verified() ? VerifyExtractCommand.VERIFIED : VerifyExtractCommand.NOT_VERIFIED;
    }
}
