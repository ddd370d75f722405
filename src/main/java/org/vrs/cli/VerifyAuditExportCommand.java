package org.vrs.cli;

import java.util.concurrent.Callable;
import org.vrs.extract.AuditExportVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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

    @Mixin
    OfflineBundle bundle;

    @Override
    public Integer call() {
        return bundle.verify((zip, anchor) -> {
            var report = AuditExportVerifier.verify(zip, anchor);
            return new OfflineBundle.Outcome(report.verified(), report.lines());
        });
    }
}
