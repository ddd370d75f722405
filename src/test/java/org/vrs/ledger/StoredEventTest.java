package org.vrs.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** How an event row becomes a leaf: which columns, and exactly which payload bytes are hashed. */
class StoredEventTest {

    private static final String FILE = "8d3c2f1e-6b7a-4c5d-9e8f-0a1b2c3d4e5f";
    /** Envelope: 0x01, u16 key id length 9, "service:1", then nonce || ciphertext || tag (here 0x00..0x2b). */
    private static final byte[] ENVELOPE = HexFormat.of().parseHex("01" + "0009" + "736572766963653a31"
            + "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b");

    @Test
    void aFileEventCommitsToItsColumnsAndTheSha256OfEverythingAfterTheKeyId() throws Exception {
        Sha256 previous = MerkleHasher.hashLeaf(new byte[] {7});
        StoredEvent row = new StoredEvent(42, "3f2504e0-4f89-41d3-9a0c-0305e82c3301", FILE, 5, "VictimFile",
                "2026-11-22T21:37:52.115Z", "org.vrs.casefile.api.CaseNoteAdded", "1", ENVELOPE);

        LeafData leaf = row.toLeaf(previous);

        byte[] sealed = java.util.Arrays.copyOfRange(ENVELOPE, 12, ENVELOPE.length);
        assertThat(leaf).isEqualTo(new LeafData("3f2504e0-4f89-41d3-9a0c-0305e82c3301", FILE, 5,
                "org.vrs.casefile.api.CaseNoteAdded", "1", Instant.parse("2026-11-22T21:37:52.115Z"), "service:1",
                Sha256.of(MessageDigest.getInstance("SHA-256").digest(sealed)), previous));
        assertThat(sealed).hasSize(12 + 16 + 16);
    }

    @Test
    void anEventOfNoFileHasNoFileIdAndNoBackLink() {
        StoredEvent row = new StoredEvent(43, "event-1", "event-1", 0, null, "2026-11-22T21:37:52Z",
                "org.vrs.access.api.FileRead", null, ENVELOPE);

        LeafData leaf = row.toLeaf(Sha256.ZERO);

        assertThat(row.fileId()).isNull();
        assertThat(leaf.fileId()).isNull();
        assertThat(leaf.payloadRevision()).isNull();
        assertThat(leaf.previousLeafOfFile()).isEqualTo(Sha256.ZERO);
    }

    @Test
    void aRowThatCannotBeALeafSaysWhichPart() {
        StoredEvent noEnvelope = new StoredEvent(1, "e", FILE, 0, "VictimFile", "2026-11-22T21:37:52Z", "T", null,
                "{\"plain\":true}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> noEnvelope.toLeaf(Sha256.ZERO)).isInstanceOf(StoredEvent.LeafDerivationException.class)
                .hasMessage("payload: payload is not a version-1 envelope");

        StoredEvent badTime = new StoredEvent(1, "e", FILE, 0, "VictimFile", "yesterday", "T", null, ENVELOPE);
        assertThatThrownBy(() -> badTime.toLeaf(Sha256.ZERO)).isInstanceOf(StoredEvent.LeafDerivationException.class)
                .hasMessage("columns: time_stamp 'yesterday' is not an ISO-8601 instant");
    }
}
