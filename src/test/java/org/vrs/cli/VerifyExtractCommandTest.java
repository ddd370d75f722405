package org.vrs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.extract.TestBundles;
import picocli.CommandLine;

/** {@code verify-extract} as a court runs it: one line per check, and an exit status a script can test. */
class VerifyExtractCommandTest {

    @TempDir
    static Path dir;
    static Path bundle;

    @BeforeAll
    static void writeABundle() {
        bundle = TestBundles.writeGenuine(dir);
    }

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new VerifyExtractCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exit = command.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aGenuineBundleVerifiesWithThePublishedAnchor() {
        Run run = run(bundle.toString(), "--anchor", dir.resolve("ca.pem").toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("[PASS] CMS signature over extract.json", "[PASS] leaves and inclusion proofs: 6 events",
                "[PASS] consistency with the earlier published checkpoint").endsWith("RESULT: VERIFIED\n");
    }

    @Test
    void withoutAnAnchorItWarnsButVerifies() {
        Run run = run(bundle.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("[WARN] trust anchor: trusting the bundle's own ca.pem");
    }

    @Test
    void aTamperedBundleExitsWithOne() throws Exception {
        byte[] zip = Files.readAllBytes(bundle);
        byte[] truncated = java.util.Arrays.copyOf(zip, zip.length / 2);
        Path broken = Files.write(dir.resolve("broken.zip"), truncated);

        Run run = run(broken.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("[FAIL] bundle structure: broken.zip is malformed (NOT_A_ZIP)")
                .contains("RESULT: NOT VERIFIED (1 check failed)");
    }

    @Test
    void givenAnEarlierExtractItComparesTheFieldsThatOneWithheld() {
        List<Path> bundles = TestBundles.writeNarrowThenWide(dir.resolve("earlier"));
        String anchor = dir.resolve("earlier").resolve("ca.pem").toString();

        Run compared = run(bundles.get(1).toString(), "--anchor", anchor, "--earlier", bundles.get(0).toString());
        Run alone = run(bundles.get(1).toString(), "--anchor", anchor);

        assertThat(compared.exit()).as(compared.out() + compared.err()).isZero();
        assertThat(compared.out()).contains("[PASS] fields withheld by earlier extracts hold the facts this one discloses: narrow.zip");
        assertThat(alone.exit()).isZero();
        assertThat(alone.out()).contains("[SKIPPED] fields withheld by earlier extracts", "--earlier");
    }

    @Test
    void anUnreadableAnchorOrAMissingArgumentIsAUsageError() {
        assertThat(run(bundle.toString(), "--anchor", dir.resolve("no-such.pem").toString()).exit()).isEqualTo(2);
        assertThat(run().exit()).isEqualTo(2);
    }
}
