package org.vrs.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A checkpoint with its C2SP {@code signed-note} signature lines:
 *
 * <pre>
 * &lt;checkpoint body&gt;
 * \n
 * — &lt;key name&gt; &lt;base64(4-byte big-endian key id || signature)&gt;\n   (one or more)
 * </pre>
 *
 * Parsing ({@link #parse(byte[])}) only checks the form; whether a signature is valid is
 * {@link CheckpointVerifier}'s business.
 */
public record SignedCheckpoint(Checkpoint checkpoint, List<NoteSignature> signatures) {

    static final String SIGNATURE_PREFIX = "\u2014 ";

    public SignedCheckpoint {
        Objects.requireNonNull(checkpoint, "checkpoint");
        signatures = List.copyOf(signatures);
    }

    /**
     * Parses untrusted bytes, bounded by {@link CheckpointParser#MAX_NOTE_BYTES},
     * {@link CheckpointParser#MAX_LINE_LENGTH} and {@link CheckpointParser#MAX_SIGNATURES}.
     */
    public static SignedCheckpoint parse(byte[] note) throws CheckpointParseException {
        return CheckpointParser.parse(note);
    }

    /** The note text, as published. */
    public String text() {
        StringBuilder text = new StringBuilder(checkpoint.body()).append('\n');
        for (NoteSignature signature : signatures) {
            text.append(SIGNATURE_PREFIX).append(signature.keyName()).append(' ')
                    .append(signature.base64()).append('\n');
        }
        return text.toString();
    }

    public byte[] encoded() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One signature line.
     *
     * @param keyId first four bytes of SHA-256(key name || 0x0A || 0x01 || public key), big-endian
     * @param signature the signature bytes after the key id (64 for Ed25519)
     */
    public record NoteSignature(String keyName, int keyId, byte[] signature) {

        public NoteSignature {
            Objects.requireNonNull(keyName, "keyName");
            signature = signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        /** base64(key id || signature), as on the signature line. */
        String base64() {
            return Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof NoteSignature that && keyName.equals(that.keyName) && keyId == that.keyId
                    && Arrays.equals(signature, that.signature);
        }

        @Override
        public int hashCode() {
            return Objects.hash(keyName, keyId, Arrays.hashCode(signature));
        }

        @Override
        public String toString() {
            return "NoteSignature[" + keyName + " " + String.format("%08x", keyId) + "]";
        }
    }
}
