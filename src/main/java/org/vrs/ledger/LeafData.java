package org.vrs.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * What the ledger commits to for one stored event; {@link #encode()} gives the bytes of its Merkle
 * leaf. It commits to the ciphertext, not the plaintext, so the ledger still verifies after a
 * file's keys are shredded, and it links to the file's previous leaf, so a file's history cannot
 * lose an event unnoticed.
 *
 * <h2>Encoding, version 1</h2>
 * Integers are big-endian. {@code str} is a u32 byte length followed by that many bytes of UTF-8
 * (well-formed, not Unicode-normalised). {@code raw(k)} is the u32 {@code k} followed by
 * {@code k} bytes. {@code opt(x)} is the byte 0x00 if the value is absent, or 0x01 followed by
 * {@code x}.
 * <pre>
 * leaf = 0x01                  version
 *        str                   eventId             (the Axon event identifier, a UUID string in practice)
 *        opt(str)              fileId              (absent for events of no victim file)
 *        raw(8)                sequence            (signed 64-bit, &gt;= 0; the event's sequence in its file)
 *        str                   payloadType
 *        opt(str)              payloadRevision
 *        raw(12)               timestamp           (epoch second, signed 64-bit || nano-of-second, u32 &lt; 10^9)
 *        str                   keyId               (the data key that encrypted the payload)
 *        raw(32)               ciphertextDigest    (SHA-256 of nonce || ciphertext)
 *        raw(32)               previousLeafOfFile  (RFC 6962 leaf hash of the file's previous leaf, else 32 zero bytes)
 * </pre>
 * Nothing follows. The timestamp keeps every digit an {@link Instant} has, so the leaf commits to
 * exactly the stored value. Present strings are non-empty and at most {@value #MAX_STRING_BYTES}
 * bytes; absence is said only by the flag. Every value thus has one encoding, and
 * {@link #decode(byte[])} rejects any other bytes.
 */
public record LeafData(
        String eventId,
        String fileId,
        long sequence,
        String payloadType,
        String payloadRevision,
        Instant timestamp,
        String keyId,
        Sha256 ciphertextDigest,
        Sha256 previousLeafOfFile) {

    /** Longest string field, in UTF-8 bytes. */
    public static final int MAX_STRING_BYTES = 1024;

    public LeafData {
        LeafCodec.requireText("eventId", eventId);
        if (fileId != null) {
            LeafCodec.requireText("fileId", fileId);
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence cannot be negative: " + sequence);
        }
        LeafCodec.requireText("payloadType", payloadType);
        if (payloadRevision != null) {
            LeafCodec.requireText("payloadRevision", payloadRevision);
        }
        Objects.requireNonNull(timestamp, "timestamp");
        LeafCodec.requireText("keyId", keyId);
        Objects.requireNonNull(ciphertextDigest, "ciphertextDigest");
        Objects.requireNonNull(previousLeafOfFile, "previousLeafOfFile");
        if (fileId == null && !previousLeafOfFile.isZero()) {
            throw new IllegalArgumentException("an event of no file has no previous leaf, but got " + previousLeafOfFile);
        }
    }

    /** The leaf bytes in the version-1 encoding described above. */
    public byte[] encode() {
        return LeafCodec.encode(this);
    }

    /** Reads the version-1 encoding, rejecting anything {@link #encode()} would not produce. */
    public static LeafData decode(byte[] leaf) {
        return LeafCodec.decode(leaf);
    }

    /** {@code MerkleHasher.hashLeaf(encode())}: this leaf's node (0, index), and the next leaf's back link. */
    public Sha256 leafHash() {
        return MerkleHasher.hashLeaf(encode());
    }
}
