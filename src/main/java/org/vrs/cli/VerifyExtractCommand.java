package org.vrs.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vrs.extract.ExtractVerifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code verify-extract bundle.zip [--anchor ca.pem] [--earlier earlier.zip ...]}: verifies a certified extract offline and
 * prints one line per check. Exit status 0 when every check passed, 1 when any failed, 2 on a
 * usage error or an unreadable anchor file. Needs no database, keys or network: it does not start the service.
 */
@Command(name = "verify-extract", mixinStandardHelpOptions = true,
        description = "Verifies a VRS certified extract (zip) offline: CMS signature and certificate chain, RFC 3161 "
                + "time-stamp, ledger checkpoint signature, every inclusion proof, the consistency proof, canonical form.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every check passed", "1:a check failed: do not rely on the extract", "2:usage error or unreadable anchor"})
public class VerifyExtractCommand implements Callable<Integer> {

    @Mixin
    OfflineBundle bundle;

    @Option(names = "--earlier", paramLabel = "EARLIER_ZIP",
            description = "an earlier extract of the same file that this one's order named (repeatable): it is verified "
                    + "too, and every field it withheld and this one discloses with a revealed salt is checked to be the same fact")
    List<Path> earlier = new ArrayList<>();

    @Override
    public Integer call() {
        return bundle.verify((zip, anchor) -> {
            var report = ExtractVerifier.verify(zip, anchor, earlier);
            return new OfflineBundle.Outcome(report.verified(), report.lines());
        });
    }

    /** Runs the command alone (the service's own launcher dispatches to it by name). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new VerifyExtractCommand()).execute(args));
    }
}
