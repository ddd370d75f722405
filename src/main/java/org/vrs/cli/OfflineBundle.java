package org.vrs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the offline verifiers share: the bundle, the trust anchor, the printed checks and the exit
 * status (0 verified, 1 not verified, 2 usage or unreadable anchor).
 */
final class OfflineBundle {
    static final int VERIFIED = 0;
    static final int NOT_VERIFIED = 1;
    static final int USAGE = 2;

    /** A verifier's outcome as the command prints it. */
    record Outcome(boolean verified, List<String> lines) {
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "the zip as it was received")
    Path bundle;

    @Option(names = "--anchor", paramLabel = "CA_PEM",
            description = "the CA certificate the issuing service publishes; without it the bundle's own ca.pem is "
                    + "trusted and its fingerprint must be compared by hand")
    Path anchor;

    int verify(BiFunction<Path, byte[], Outcome> verifier) {
        PrintWriter out = spec.commandLine().getOut();
        byte[] anchorPem;
        try {
            anchorPem = anchor == null ? null : Files.readAllBytes(anchor);
        } catch (IOException e) {
            spec.commandLine().getErr().println("cannot read the anchor " + anchor + ": " + e.getMessage());
            return USAGE;
        }
        Outcome outcome = verifier.apply(bundle, anchorPem);
        outcome.lines().forEach(out::println);
        out.flush();
        return outcome.verified() ? VERIFIED : NOT_VERIFIED;
    }
}
