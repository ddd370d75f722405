package org.vrs.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.ledger.Sha256;
import org.vrs.ledger.SignedCheckpoint;
import org.vrs.support.RunningService;

/**
 * A court without our software: the commands of VERIFY.txt and {@code sh verify-proofs.sh} run on
 * a bundle the service issued, unpacked to disk. They succeed on the genuine bundle and fail on
 * each kind of tampered copy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundleOpensslTest {

    private static final Path OPENSSL = Path.of("/usr/bin/openssl");

    private byte[] zip;
    private Path anchor;

    @TempDir
    Path bundle;

    @BeforeAll
    void issueOne() {
        assumeTrue(Files.isExecutable(OPENSSL), "openssl is not installed at " + OPENSSL);
        RunningService vrs = RunningService.shared();
        CourtFile file = CourtFile.write(vrs);
        vrs.awaitLedger();
        HttpResponse<byte[]> issued = vrs.postForBytes(CourtFile.JUDGE, "/api/v1/extracts", file.standardOrder());
        assertThat(issued.statusCode()).as(new String(issued.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        zip = issued.body();
        anchor = vrs.keysDir().resolve("extract").resolve("ca.pem");
    }

    record Result(int exit, String output) {
    }

    private Result run(List<String> command) throws Exception {
        List<String> absolute = new ArrayList<>(command);
        if (absolute.get(0).equals("openssl")) {
            absolute.set(0, OPENSSL.toString());
        } else if (absolute.get(0).equals("sh")) {
            absolute.set(0, "/bin/sh");
        }
        Process process = new ProcessBuilder(absolute).directory(bundle.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished: " + command).isTrue();
        return new Result(process.exitValue(), output);
    }

    private void unpack(byte[] zipBytes) {
        Zips.unpack(zipBytes, bundle);
    }

    private void write(String name, byte[] content) throws Exception {
        Files.write(bundle.resolve(name), content);
    }

    private byte[] read(String name) throws Exception {
        return Files.readAllBytes(bundle.resolve(name));
    }

    @Test
    void everyCommandOfVerifyTxtSucceedsOnTheGenuineBundle() throws Exception {
        unpack(zip);
        String verifyText = Files.readString(bundle.resolve(BundleFiles.VERIFY_TEXT));

        Result fingerprint = run(VerifyInstructions.fingerprintAnchor());
        Result signature = run(VerifyInstructions.verifySignature());
        Result timeStamp = run(VerifyInstructions.verifyTimeStamp());
        Result proofs = run(VerifyInstructions.verifyProofs());
        Result ledgerKey = run(List.of("/bin/sh", "-c", VerifyInstructions.ledgerKeyFingerprint().replace("openssl", OPENSSL.toString())));

        assertThat(verifyText).contains(String.join(" ", VerifyInstructions.verifySignature()),
                String.join(" ", VerifyInstructions.verifyTimeStamp()), String.join(" ", VerifyInstructions.verifyProofs()),
                String.join(" ", VerifyInstructions.fingerprintAnchor()), VerifyInstructions.ledgerKeyFingerprint());
        assertThat(signature.exit()).as(signature.output()).isZero();
        assertThat(signature.output()).contains("CMS Verification successful");
        assertThat(timeStamp.exit()).as(timeStamp.output()).isZero();
        assertThat(timeStamp.output()).contains("Verification: OK");
        assertThat(proofs.exit()).as(proofs.output()).isZero();
        assertThat(proofs.output()).contains("3 inclusion proofs lead to the root of checkpoint.txt")
                .contains("extends earlier-checkpoint.txt").endsWith("ALL PROOFS VERIFIED\n");
        byte[] publishedCertificate = ExtractArtefacts.parseCertificates(Files.readAllBytes(anchor)).get(0).getEncoded();
        assertThat(fingerprint.output().replace(":", "").toLowerCase())
                .contains(java.util.HexFormat.of().formatHex(CmsSigner.sha256(publishedCertificate)));
        String stated = ExtractDocumentParser.parse(read(BundleFiles.EXTRACT)).ledger().publicKeySha256();
        assertThat(ledgerKey.output()).contains(stated);
    }

    @Test
    void aChangedByteOfExtractJsonFailsTheSignatureCommand() throws Exception {
        unpack(zip);
        byte[] extract = read(BundleFiles.EXTRACT);
        int at = Bytes.indexOf(extract, "Traffmarker");
        extract[at] = 't';
        write(BundleFiles.EXTRACT, extract);

        Result signature = run(VerifyInstructions.verifySignature());

        assertThat(signature.exit()).as(signature.output()).isNotZero();
        assertThat(signature.output()).contains("Verification failure");
    }

    @Test
    void aChangedProofHashFailsTheProofScript() throws Exception {
        unpack(zip);
        ObjectNode tree = (ObjectNode) ExtractDocumentParser.parse(read(BundleFiles.EXTRACT)).tree();
        long index = tree.at("/events/1/ledgerLeaf/index").longValue();
        ((ArrayNode) tree.at("/events/1/ledgerLeaf/inclusionProof")).set(0, Sha256.digest(new byte[] {7}).base64());
        write(BundleFiles.EXTRACT, CanonicalJson.canonicalize(tree));

        Result proofs = run(VerifyInstructions.verifyProofs());

        assertThat(proofs.exit()).as(proofs.output()).isEqualTo(1);
        assertThat(proofs.output()).contains("FAILED: the inclusion proof of leaf " + index + " does not lead to the root of checkpoint.txt");
    }

    @Test
    void aCheckpointSignedByAnotherKeyFailsTheProofScriptAndTheTimeStamp() throws Exception {
        unpack(zip);
        SignedCheckpoint genuine = SignedCheckpoint.parse(read(BundleFiles.CHECKPOINT));
        write(BundleFiles.CHECKPOINT, InMemoryLedger.freshKey().sign(genuine.checkpoint()).encoded());

        Result proofs = run(VerifyInstructions.verifyProofs());
        Result timeStamp = run(VerifyInstructions.verifyTimeStamp());

        assertThat(proofs.exit()).as(proofs.output()).isEqualTo(1);
        assertThat(proofs.output()).contains("FAILED: checkpoint.txt: its signature is by another key than ledger-public.pem");
        assertThat(timeStamp.exit()).isNotZero();
        assertThat(timeStamp.output()).contains("message imprint mismatch");
    }

    @Test
    void aCheckpointAlteredUnderTheLogsKeyIdFailsTheSignature() throws Exception {
        unpack(zip);
        String note = Files.readString(bundle.resolve(BundleFiles.CHECKPOINT));
        String[] lines = note.split("\n", -1);
        lines[1] = Long.toString(Long.parseLong(lines[1]) + 1);
        write(BundleFiles.CHECKPOINT, String.join("\n", lines).getBytes(StandardCharsets.UTF_8));

        Result proofs = run(VerifyInstructions.verifyProofs());

        assertThat(proofs.exit()).as(proofs.output()).isEqualTo(1);
        assertThat(proofs.output()).contains("FAILED: checkpoint.txt: Ed25519 signature does not verify with ledger-public.pem");
    }

    @Test
    void aTimeStampOverOtherDataFailsTheTimeStampCommand() throws Exception {
        unpack(zip);
        TimeStampAuthority servicesTsa = new InProcessTimeStampAuthority(RunningService.shared().bean(DevelopmentPki.class)
                .timeStampingKey(), InProcessTimeStampAuthority.DEVELOPMENT_POLICY, Clock.systemUTC());
        write(BundleFiles.TIME_STAMP, servicesTsa.timeStamp(new byte[] {1, 2, 3}).encodedResponse());

        Result timeStamp = run(VerifyInstructions.verifyTimeStamp());

        assertThat(timeStamp.exit()).isNotZero();
        assertThat(timeStamp.output()).contains("message imprint mismatch");
    }

    @Test
    void aChangedConsistencyProofFailsTheProofScript() throws Exception {
        unpack(zip);
        ObjectNode tree = (ObjectNode) ExtractDocumentParser.parse(read(BundleFiles.EXTRACT)).tree();
        ArrayNode proof = (ArrayNode) tree.at("/consistency/proof");
        proof.set(proof.size() - 1, Sha256.digest(new byte[] {9}).base64());
        write(BundleFiles.EXTRACT, CanonicalJson.canonicalize(tree));

        Result proofs = run(VerifyInstructions.verifyProofs());

        assertThat(proofs.exit()).as(proofs.output()).isEqualTo(1);
        assertThat(proofs.output()).contains("FAILED: the consistency proof from earlier-checkpoint.txt");
    }
}
