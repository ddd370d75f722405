package org.vrs.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.casefile.api.DataCategory;
import org.vrs.casefile.api.ExtractId;
import org.vrs.extract.BundleFailure.EarlierExtract;
import org.vrs.extract.CheckResult.Status;

/**
 * A wider order names an earlier extract of the same file: the new bundle reveals the salts of
 * the fields the earlier one withheld and the new one discloses, and {@code verify-extract
 * --earlier} proves, field by field, that both state the same facts. Bundles come from the real
 * scope, reveal and assembler code over a ledger in memory.
 */
class EarlierExtractTest {

    private static final DataCategory[] NARROW = {DataCategory.CASE_ADMIN, DataCategory.LEGAL};
    private static final DataCategory[] WIDE = {DataCategory.CASE_ADMIN, DataCategory.LEGAL, DataCategory.IDENTITY, DataCategory.HEALTH};

    private static TestBundles.WithEarlier made;
    private static TestBundles.Made narrow;
    private static TestBundles.Made wide;

    @TempDir
    Path dir;

    @BeforeAll
    static void issueANarrowThenAWideExtract() {
        made = TestBundles.makeWithEarlier(NARROW, WIDE);
        narrow = made.narrow();
        wide = made.wide();
    }

    private Path write(String name, byte[] zip) throws Exception {
        return Files.write(dir.resolve(name), zip);
    }

    private VerificationReport verify(byte[] zip, byte[]... earlier) throws Exception {
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < earlier.length; i++) {
            paths.add(write("earlier-" + i + ".zip", earlier[i]));
        }
        return ExtractVerifier.verify(write("wide.zip", zip), narrow.file(BundleFiles.CA), paths);
    }

    @Test
    void theWideExtractRevealsTheSaltsOfExactlyTheFieldsTheNarrowOneWithheldAndItDiscloses() {
        List<RevealedSalt> reveals = wide.content().reveals();

        assertThat(reveals).isNotEmpty().allSatisfy(r -> assertThat(r.earlierExtract()).isEqualTo(narrow.content().extractId()));
        assertThat(reveals).extracting(RevealedSalt::field).contains("identity", "text").doesNotContain("whereabouts", "fileId");
        for (RevealedSalt r : reveals) {
            assertThat(r.salt()).isEqualTo(narrow.salts().salt(r.eventId(), r.field()));
        }
    }

    @Test
    void givenTheEarlierBundleTheVerifierProvesEachWithheldFieldHeldTheDisclosedFact() throws Exception {
        VerificationReport report = verify(wide.bundle().zip(), narrow.bundle().zip());

        assertThat(report.verified()).as(String.join("\n", report.lines())).isTrue();
        assertThat(report.results()).extracting(CheckResult::status).containsOnly(Status.PASS);
        assertThat(report.result(BundleCheck.EARLIER_EXTRACTS).orElseThrow().detail())
                .contains(wide.content().reveals().size() + " withheld fields hold the values disclosed here");
    }

    @Test
    void withoutTheEarlierBundleTheComparisonIsSkippedAndSaysWhatToGive() throws Exception {
        VerificationReport report = verify(wide.bundle().zip());

        assertThat(report.verified()).isTrue();
        CheckResult earlier = report.result(BundleCheck.EARLIER_EXTRACTS).orElseThrow();
        assertThat(earlier.status()).isEqualTo(Status.SKIPPED);
        assertThat(earlier.detail()).contains(narrow.content().extractId().value(), "--earlier");
    }

    @Test
    void anExtractWithoutEarlierExtractsReportsNoSuchCheck() throws Exception {
        assertThat(verify(narrow.bundle().zip()).result(BundleCheck.EARLIER_EXTRACTS)).isEmpty();
    }

    @Test
    void aRevealedSaltThatDoesNotReproduceTheWithheldHashFailsNamingTheField() throws Exception {
        byte[] wrong = new byte[FieldSalts.SALT_BYTES];
        new SecureRandom().nextBytes(wrong);
        TestBundles.Made lying = TestBundles.make(made.wideOrder(), narrow.ledger(), made.events(), scoped -> {
            List<RevealedSalt> reveals = new ArrayList<>(made.reveal(scoped));
            RevealedSalt first = reveals.get(0);
            reveals.set(0, new RevealedSalt(first.earlierExtract(), first.eventId(), first.field(), wrong));
            return reveals;
        });

        VerificationReport report = verify(lying.bundle().zip(), narrow.bundle().zip());

        assertThat(report.verified()).isFalse();
        assertThat(report.failure(BundleCheck.EARLIER_EXTRACTS)).get().isInstanceOfSatisfying(EarlierExtract.class,
                f -> assertThat(f.detail()).contains(lying.content().reveals().get(0).eventId(), "state different facts"));
    }

    @Test
    void anEarlierBundleThatDoesNotVerifyOnItsOwnProvesNothing() throws Exception {
        byte[] json = narrow.file(BundleFiles.EXTRACT);
        json[json.length / 2] ^= 1;

        VerificationReport report = verify(wide.bundle().zip(), TestBundles.replace(narrow.bundle(), BundleFiles.EXTRACT, json));

        assertThat(report.verified()).isFalse();
        assertThat(report.failure(BundleCheck.EARLIER_EXTRACTS)).get().isInstanceOfSatisfying(EarlierExtract.class,
                f -> assertThat(f.detail()).startsWith("does not verify on its own"));
    }

    @Test
    void anEarlierExtractTheFileNeverIssuedIsRefused() {
        ExtractOrder naming = TestBundles.order(List.of(ExtractId.random()), WIDE);

        assertThatThrownBy(() -> EarlierExtracts.reveal(naming, made.events(), List.of(), TestBundles.VIETNAM,
                id -> Optional.of(narrow.salts())))
                .isInstanceOf(ExtractRefusal.UnknownEarlierExtract.class)
                .hasMessageContaining(naming.earlierExtracts().get(0).value());
    }

    @Test
    void anOrderMayNotNameTheSameEarlierExtractTwice() {
        ExtractId id = ExtractId.random();

        assertThatThrownBy(() -> TestBundles.order(List.of(id, id), WIDE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("earlierExtracts");
    }
}
