package org.vrs.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vrs.support.Caller;
import org.vrs.support.Response;

/**
 * The ledger over HTTP, checked the way an outside verifier would: the checkpoint with the log's
 * public key, every proof with {@link ProofVerifier} against signed checkpoints.
 */
class LedgerEndpointTest {

    private static LedgerFixture ledger;
    private static SignedCheckpoint older;

    @BeforeAll
    static void twoCheckpoints() throws Exception {
        ledger = LedgerFixture.shared();
        ledger.newFiles(3, 5);
        ledger.awaitIntegrated();
        older = latest();
        ledger.newFiles(2, 7);
        ledger.awaitIntegrated();
    }

    @Test
    void theCheckpointIsASignedNoteOfTheWholeLog() throws Exception {
        Response response = ledger.vrs.get(Caller.INVESTIGATOR, "/api/v1/ledger/checkpoint");
        assertThat(response.status()).isEqualTo(200);
        Checkpoint checkpoint = trusted(SignedCheckpoint.parse(response.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(checkpoint.origin()).isEqualTo(StoreVerifier.DEFAULT_ORIGIN);
        assertThat(checkpoint.head().size().value()).isEqualTo(ledger.count("SELECT count(*) FROM ledger_leaf"))
                .isGreaterThan(older.checkpoint().head().size().value());
    }

    @Test
    void everyLeafHasAnInclusionProofThatVerifiesAgainstTheSignedCheckpoint() throws Exception {
        Checkpoint checkpoint = trusted(latest());
        TreeHead head = checkpoint.head();
        for (long i = 0; i < head.size().value(); i++) {
            long index = i;
            JsonNode body = inclusion(index, head.size().value());
            Sha256 leafHash = Sha256.fromBase64(body.get("leafHash").asText());
            assertThat(leafHash).isEqualTo(MerkleHasher.hashLeaf(storedLeaf(index)));
            List<Sha256> proof = hashes(body.get("proof"));
            ProofVerifier.verifyInclusion(new LeafIndex(index), leafHash, proof, head);
            Sha256 otherLeaf = MerkleHasher.hashLeaf(("not leaf " + index).getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> ProofVerifier.verifyInclusion(new LeafIndex(index), otherLeaf, proof, head))
                    .isInstanceOf(ProofException.class);
        }
    }

    @Test
    void anInclusionProofInAnOlderCheckpointVerifiesToo() throws Exception {
        TreeHead head = trusted(older).head();
        long index = head.size().value() - 1;
        JsonNode body = inclusion(index, head.size().value());
        ProofVerifier.verifyInclusion(new LeafIndex(index), Sha256.fromBase64(body.get("leafHash").asText()),
                hashes(body.get("proof")), head);
    }

    @Test
    void theConsistencyProofShowsTheOlderCheckpointIsAPrefixOfTheNewer() throws Exception {
        TreeHead from = trusted(older).head();
        TreeHead to = trusted(latest()).head();
        Response response = ledger.vrs.get(Caller.INVESTIGATOR,
                "/api/v1/ledger/proofs/consistency?from=" + from.size() + "&to=" + to.size());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("from").asLong()).isEqualTo(from.size().value());
        List<Sha256> proof = hashes(response.json().get("proof"));
        ProofVerifier.verifyConsistency(from, to, proof);
        TreeHead forged = new TreeHead(from.size(), MerkleHasher.hashLeaf(new byte[] {1}));
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(forged, to, proof)).isInstanceOf(ProofException.class);
    }

    @Test
    void badRequestsGetFourHundredsNamingTheProblem() throws Exception {
        long size = ledger.count("SELECT count(*) FROM ledger_leaf");
        assertError("/api/v1/ledger/proofs/inclusion?index=" + size + "&size=" + size, 400, "index-beyond-size",
                "leaf index " + size + " is beyond tree size " + size);
        assertError("/api/v1/ledger/proofs/inclusion?index=0&size=" + (size + 10), 400, "size-beyond-log",
                "tree size " + (size + 10) + " is beyond the log, which has " + size + " leaves");
        assertError("/api/v1/ledger/proofs/consistency?from=5&to=4", 400, "size-order",
                "tree size 5 is larger than tree size 4");
        assertError("/api/v1/ledger/proofs/consistency?from=1&to=" + (size + 1), 400, "size-beyond-log",
                "tree size " + (size + 1) + " is beyond the log");
        assertError("/api/v1/ledger/proofs/inclusion?index=0", 400, "invalid-parameter", "query parameter 'size'");
        assertError("/api/v1/ledger/proofs/inclusion?index=-1&size=2", 400, "invalid-parameter", "query parameter 'index'");
        assertError("/api/v1/ledger/proofs/consistency?from=x&to=2", 400, "invalid-parameter", "query parameter 'from'");
    }

    @Test
    void theLedgerNeedsAnAuthenticatedCaller() {
        assertThat(ledger.vrs.get(null, "/api/v1/ledger/checkpoint").status()).isEqualTo(401);
        assertThat(ledger.vrs.get(null, "/api/v1/ledger/proofs/inclusion?index=0&size=1").status()).isEqualTo(401);
    }

    private static void assertError(String path, int status, String code, String message) {
        Response response = ledger.vrs.get(Caller.INVESTIGATOR, path);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(status);
        assertThat(response.text("error")).isEqualTo(code);
        assertThat(response.text("message")).contains(message);
    }

    private static JsonNode inclusion(long index, long size) {
        Response response = ledger.vrs.get(Caller.INVESTIGATOR, "/api/v1/ledger/proofs/inclusion?index=" + index + "&size=" + size);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("leafIndex").asLong()).isEqualTo(index);
        assertThat(response.json().get("treeSize").asLong()).isEqualTo(size);
        return response.json();
    }

    private static List<Sha256> hashes(JsonNode array) {
        List<Sha256> hashes = new ArrayList<>();
        array.forEach(node -> hashes.add(Sha256.fromBase64(node.asText())));
        return hashes;
    }

    private static Checkpoint trusted(SignedCheckpoint signed) throws Exception {
        return new CheckpointVerifier(StoreVerifier.DEFAULT_ORIGIN,
                LedgerSigningKey.readPublicKey(ledger.keysDir.resolve(LedgerSigningKey.PUBLIC_KEY_FILE))).verify(signed);
    }

    private static SignedCheckpoint latest() throws Exception {
        Response response = ledger.vrs.get(Caller.INVESTIGATOR, "/api/v1/ledger/checkpoint");
        assertThat(response.status()).isEqualTo(200);
        return SignedCheckpoint.parse(response.body().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] storedLeaf(long index) throws SQLException {
        try (Connection c = ledger.vrs.ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT leaf FROM ledger_leaf WHERE leaf_index = " + index)) {
            assertThat(rs.next()).isTrue();
            return rs.getBytes(1);
        }
    }
}
