package org.vrs.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.extract.BundleFailure.BindingMismatch;
import org.vrs.extract.BundleFailure.Checkpoint;
import org.vrs.extract.BundleFailure.Malformed;
import org.vrs.extract.BundleFailure.Proof;
import org.vrs.extract.BundleFailure.Signature;
import org.vrs.extract.CheckResult.Status;
import org.vrs.extract.MalformedBundleException.Defect;
import org.vrs.extract.VerificationFailure.ChainNotTrusted;
import org.vrs.extract.VerificationFailure.ContentDigestMismatch;
import org.vrs.extract.VerificationFailure.ImprintMismatch;
import org.vrs.ledger.CheckpointFailure.NoSignatureByKey;
import org.vrs.ledger.LedgerSigningKey;
import org.vrs.ledger.MerkleHasher;
import org.vrs.ledger.ProofFailure.RootMismatch;
import org.vrs.ledger.ProofVerifier;
import org.vrs.ledger.Sha256;
import org.vrs.ledger.SignedCheckpoint;
import org.vrs.ledger.TreeHead;

/**
 * {@link ExtractVerifier} on bundles made by the real assembler: a genuine one passes every
 * check, and each kind of tampering fails its check with its exact typed failure.
 */
class ExtractVerifierTest {

    private static TestBundles.Made genuine;
    private static byte[] anchor;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeOnce() {
        genuine = TestBundles.make();
        anchor = genuine.file(BundleFiles.CA);
    }

    private VerificationReport verify(byte[] zip) throws Exception {
        Path bundle = Files.write(dir.resolve("bundle-" + System.nanoTime() + ".zip"), zip);
        return ExtractVerifier.verify(bundle, anchor);
    }

    private static String hex(byte[] data) {
        return HexFormat.of().formatHex(CmsSigner.sha256(data));
    }

    @Test
    void aGenuineBundlePassesEveryCheck() throws Exception {
        VerificationReport report = verify(genuine.bundle().zip());

        assertThat(report.verified()).as(String.join("\n", report.lines())).isTrue();
        assertThat(report.results()).extracting(CheckResult::check).containsExactlyElementsOf(
                java.util.Arrays.stream(BundleCheck.values()).filter(c -> c != BundleCheck.EARLIER_EXTRACTS).toList());
        assertThat(report.results()).extracting(CheckResult::status).containsOnly(Status.PASS);
        assertThat(report.result(BundleCheck.INCLUSION_PROOFS).orElseThrow().detail()).startsWith("6 events");
        assertThat(report.result(BundleCheck.FILE_CHAIN).orElseThrow().detail()).startsWith("5 links");
        assertThat(report.result(BundleCheck.CONSISTENCY_PROOF).orElseThrow().detail()).contains("published checkpoint of 6 leaves");
        assertThat(report.lines()).last().isEqualTo("RESULT: VERIFIED");
    }

    @Test
    void withoutAnAnchorTheBundlesOwnCaIsTrustedWithAWarningNamingItsFingerprint() throws Exception {
        Path bundle = Files.write(dir.resolve("bundle.zip"), genuine.bundle().zip());

        VerificationReport report = ExtractVerifier.verify(bundle, null);

        assertThat(report.verified()).isTrue();
        CheckResult trust = report.result(BundleCheck.TRUST_ANCHOR).orElseThrow();
        assertThat(trust.status()).isEqualTo(Status.WARN);
        String fingerprint = HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(CmsSigner.sha256(genuine.pki().pki().rootCertificate().getEncoded()));
        assertThat(trust.detail()).contains(fingerprint).contains("compare this fingerprint");
    }

    @Test
    void aChangedByteInExtractJsonFailsTheSignatureOnItsDigest() throws Exception {
        byte[] extract = genuine.file(BundleFiles.EXTRACT);
        int at = Bytes.indexOf(extract, "Legalmarker note") + "Legalmarker".length() - 1;
        byte[] changed = extract.clone();
        changed[at] = (byte) 's';

        VerificationReport report = verify(TestBundles.replace(genuine.bundle(), BundleFiles.EXTRACT, changed));

        assertThat(report.verified()).isFalse();
        assertThat(report.failure(BundleCheck.CMS_SIGNATURE)).contains(new Signature(new ContentDigestMismatch(hex(extract), hex(changed))));
        assertThat(report.result(BundleCheck.CANONICAL_FORM).orElseThrow().status()).isEqualTo(Status.PASS);
        assertThat(report.failure(BundleCheck.PDF_RENDERING)).containsInstanceOf(BundleFailure.PdfMismatch.class);
    }

    @Test
    void aChangedProofHashFailsThatEventsInclusionWithTheRootItLeadsTo() throws Exception {
        ParsedExtract parsed = ExtractDocumentParser.parse(genuine.file(BundleFiles.EXTRACT));
        ObjectNode tree = (ObjectNode) parsed.tree();
        ParsedExtract.EventRef event = parsed.events().get(3);
        Sha256 forged = Sha256.digest("forged".getBytes(StandardCharsets.UTF_8));
        ((ArrayNode) tree.at("/events/3/ledgerLeaf/inclusionProof")).set(0, forged.base64());
        byte[] tampered = CanonicalJson.canonicalize(tree);
        List<Sha256> proof = new java.util.ArrayList<>(event.proof());
        proof.set(0, forged);
        TreeHead head = genuine.content().ledger().checkpoint().checkpoint().head();
        Sha256 calculated = ProofVerifier.rootFromInclusionProof(event.index(), head.size(), MerkleHasher.hashLeaf(event.leaf()), proof);

        VerificationReport report = verify(TestBundles.replace(genuine.bundle(), BundleFiles.EXTRACT, tampered));

        assertThat(report.failure(BundleCheck.INCLUSION_PROOFS))
                .contains(new Proof(event.eventId(), new RootMismatch(head.size(), head.root(), calculated)));
        assertThat(report.failure(BundleCheck.CMS_SIGNATURE)).get().isInstanceOf(Signature.class);
        assertThat(report.result(BundleCheck.CANONICAL_FORM).orElseThrow().status()).isEqualTo(Status.PASS);
    }

    @Test
    void aCheckpointSignedByAnotherKeyHasNoSignatureByTheLogsKey() throws Exception {
        SignedCheckpoint real = genuine.content().ledger().checkpoint();
        LedgerSigningKey other = InMemoryLedger.freshKey();
        byte[] forged = other.sign(real.checkpoint()).encoded();

        VerificationReport report = verify(TestBundles.replace(genuine.bundle(), BundleFiles.CHECKPOINT, forged));

        int logKeyId = real.signatures().get(0).keyId();
        assertThat(report.failure(BundleCheck.CHECKPOINT_SIGNATURE))
                .contains(new Checkpoint(BundleFiles.CHECKPOINT, new NoSignatureByKey(InMemoryLedger.ORIGIN, logKeyId)));
        assertThat(report.failure(BundleCheck.TIME_STAMP)).contains(new BundleFailure.TimeStamp(
                new ImprintMismatch(hex(real.encoded()), hex(forged))));
        assertThat(report.failure(BundleCheck.CHECKPOINT_BINDING))
                .contains(new BindingMismatch("ledger.checkpointSha256", hex(real.encoded()), hex(forged)));
    }

    @Test
    void aTimeStampOverOtherDataFailsOnItsImprint() throws Exception {
        byte[] other = "another checkpoint".getBytes(StandardCharsets.UTF_8);
        byte[] stamp = genuine.pki().tsa(Clock.systemUTC()).timeStamp(other).encodedResponse();

        VerificationReport report = verify(TestBundles.replace(genuine.bundle(), BundleFiles.TIME_STAMP, stamp));

        assertThat(report.failure(BundleCheck.TIME_STAMP)).contains(new BundleFailure.TimeStamp(
                new ImprintMismatch(hex(other), hex(genuine.file(BundleFiles.CHECKPOINT)))));
        assertThat(report.results()).filteredOn(r -> r.status() == Status.FAIL).hasSize(1);
    }

    @Test
    void aSignerOfAnotherCaDoesNotChainToTheAnchor() throws Exception {
        TestPki foreign = TestPki.create(dir.resolve("foreign"));
        byte[] signature = new CmsSigner(foreign.pki().extractSigner(), Clock.systemUTC()).signDetached(genuine.file(BundleFiles.EXTRACT));

        VerificationReport report = verify(TestBundles.replace(genuine.bundle(), BundleFiles.SIGNATURE, signature));

        assertThat(report.failure(BundleCheck.CMS_SIGNATURE)).get().isInstanceOfSatisfying(Signature.class, s ->
                assertThat(s.failure()).isInstanceOfSatisfying(ChainNotTrusted.class, chain ->
                        assertThat(chain.certificate()).isEqualTo(TrustChain.subject(foreign.pki().extractSigner().certificate()))));
        assertThat(report.results()).filteredOn(r -> r.status() == Status.FAIL).hasSize(1);
    }

    @Test
    void aSwappedCaPemDoesNotHelpAForgerWhenTheCourtGivesThePublishedAnchor() throws Exception {
        TestPki foreign = TestPki.create(dir.resolve("forger"));
        byte[] extract = genuine.file(BundleFiles.EXTRACT);
        Map<String, byte[]> files = new java.util.LinkedHashMap<>(genuine.bundle().files());
        files.put(BundleFiles.SIGNATURE, new CmsSigner(foreign.pki().extractSigner(), Clock.systemUTC()).signDetached(extract));
        files.put(BundleFiles.CA, Pem.encodeAll(List.of(foreign.pki().rootCertificate())));

        VerificationReport report = verify(Zips.write(files));

        assertThat(report.result(BundleCheck.TRUST_ANCHOR).orElseThrow().detail()).contains("the bundle's ca.pem differs and is ignored");
        assertThat(report.failure(BundleCheck.CMS_SIGNATURE)).get().extracting(f -> ((Signature) f).failure())
                .isInstanceOf(ChainNotTrusted.class);
    }

    @Test
    void aChangedConsistencyProofFails() throws Exception {
        ObjectNode tree = (ObjectNode) ExtractDocumentParser.parse(genuine.file(BundleFiles.EXTRACT)).tree();
        ((ArrayNode) tree.at("/consistency/proof")).set(0, Sha256.digest(new byte[] {1}).base64());

        VerificationReport report = verify(TestBundles.replace(genuine.bundle(), BundleFiles.EXTRACT, CanonicalJson.canonicalize(tree)));

        assertThat(report.failure(BundleCheck.CONSISTENCY_PROOF)).get().isInstanceOfSatisfying(Proof.class, p -> {
            assertThat(p.subject()).isEqualTo("consistency");
            assertThat(p.failure()).isInstanceOf(RootMismatch.class);
        });
    }

    @Test
    void aLeafOfAnotherEventDoesNotPassForTheEventNamed() throws Exception {
        ObjectNode tree = (ObjectNode) ExtractDocumentParser.parse(genuine.file(BundleFiles.EXTRACT)).tree();
        String otherLeaf = tree.at("/events/1/ledgerLeaf/data").textValue();
        ((ObjectNode) tree.at("/events/0/ledgerLeaf")).put("data", otherLeaf);
        String eventId = tree.at("/events/0/eventId").textValue();

        VerificationReport report = verify(TestBundles.replace(genuine.bundle(), BundleFiles.EXTRACT, CanonicalJson.canonicalize(tree)));

        assertThat(report.failure(BundleCheck.INCLUSION_PROOFS)).contains(new BundleFailure.LeafMismatch(eventId, "event id"));
        assertThat(report.result(BundleCheck.FILE_CHAIN).orElseThrow().status()).isEqualTo(Status.SKIPPED);
    }

    @Test
    void prettyPrintedJsonIsNotCanonical() throws Exception {
        byte[] pretty = new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(ExtractDocumentParser.parse(genuine.file(BundleFiles.EXTRACT)).tree());

        VerificationReport report = verify(TestBundles.replace(genuine.bundle(), BundleFiles.EXTRACT, pretty));

        assertThat(report.failure(BundleCheck.CANONICAL_FORM)).contains(new BundleFailure.NotCanonical(1, ""));
    }

    @Test
    void duplicateMemberNamesAreMalformedNotMerely() throws Exception {
        byte[] duplicated = "{\"format\":\"vrs-certified-extract\",\"format\":\"x\"}".getBytes(StandardCharsets.UTF_8);

        VerificationReport report = verify(TestBundles.replace(genuine.bundle(), BundleFiles.EXTRACT, duplicated));

        assertThat(report.failure(BundleCheck.CANONICAL_FORM)).get().isInstanceOfSatisfying(Malformed.class,
                m -> assertThat(m.defect()).isEqualTo(Defect.NOT_JSON));
        assertThat(report.result(BundleCheck.INCLUSION_PROOFS).orElseThrow().status()).isEqualTo(Status.SKIPPED);
    }

    @Test
    void aBundleWithAnUnexpectedOrMissingFileIsMalformedAndNothingElseIsChecked() throws Exception {
        VerificationReport extra = verify(TestBundles.replace(genuine.bundle(), "../evil.sh", new byte[] {1}));
        Map<String, byte[]> files = new java.util.LinkedHashMap<>(genuine.bundle().files());
        files.remove(BundleFiles.TIME_STAMP);
        VerificationReport missing = verify(Zips.write(files));

        assertThat(extra.failure(BundleCheck.STRUCTURE)).contains(new Malformed(Defect.UNEXPECTED_FILE, "../evil.sh", "not a file of a bundle"));
        assertThat(missing.failure(BundleCheck.STRUCTURE)).contains(new Malformed(Defect.MISSING_FILE, BundleFiles.TIME_STAMP, "required"));
        assertThat(missing.results()).filteredOn(r -> r.status() == Status.SKIPPED).hasSize(BundleCheck.values().length - 2);
    }

    @Test
    void aPdfOfAnotherExtractIsCaught() throws Exception {
        byte[] otherPdf = TestBundles.make().file(BundleFiles.PDF);

        VerificationReport report = verify(TestBundles.replace(genuine.bundle(), BundleFiles.PDF, otherPdf));

        assertThat(report.failure(BundleCheck.PDF_RENDERING)).get().isInstanceOfSatisfying(BundleFailure.PdfMismatch.class,
                m -> assertThat(m.expectedSha256()).isEqualTo(hex(genuine.file(BundleFiles.EXTRACT))));
    }

    @Test
    void theLeafIndexInTheJsonIsCheckedByTheProof() throws Exception {
        ObjectNode tree = (ObjectNode) ExtractDocumentParser.parse(genuine.file(BundleFiles.EXTRACT)).tree();
        long index = tree.at("/events/2/ledgerLeaf/index").longValue();
        ((ObjectNode) tree.at("/events/2/ledgerLeaf")).put("index", index + 1);

        VerificationReport report = verify(TestBundles.replace(genuine.bundle(), BundleFiles.EXTRACT, CanonicalJson.canonicalize(tree)));

        assertThat(report.failure(BundleCheck.INCLUSION_PROOFS)).get().isInstanceOfSatisfying(Proof.class,
                p -> assertThat(p.subject()).isEqualTo(tree.at("/events/2/eventId").textValue()));
    }
}
