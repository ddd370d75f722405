package org.vrs.protection;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The stored form of an event payload:
 * {@code 0x01 | u16 length of key id | key id (UTF-8) | nonce (12) | ciphertext | tag (16)}.
 * The key id travels with the ciphertext so a reader knows which data key opens it.
 */
public record Envelope(String keyId, byte[] sealed) {
    static final byte VERSION = 1;

    public byte[] encode() {
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(3 + id.length + sealed.length)
                .put(VERSION).putShort((short) id.length).put(id).put(sealed).array();
    }

    public static Envelope decode(byte[] stored) {
        if (stored == null || stored.length < 3 || stored[0] != VERSION) {
            throw new ProtectionException.IntegrityViolation("payload is not a version-1 envelope");
        }
        ByteBuffer in = ByteBuffer.wrap(stored);
        in.get();
        int idLength = Short.toUnsignedInt(in.getShort());
        if (idLength > in.remaining()) {
            throw new ProtectionException.IntegrityViolation("payload envelope is truncated");
        }
        byte[] id = new byte[idLength];
        in.get(id);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        return new Envelope(new String(id, StandardCharsets.UTF_8), sealed);
    }

    /**
     * Additional authenticated data: binds a ciphertext to its scheme, file, position, event,
     * payload type and key, so it cannot be moved elsewhere. Each field is u32-length-prefixed.
     */
    public static byte[] aad(String aggregateType, String aggregateId, long sequence, String eventId,
                             String payloadType, String payloadRevision, String keyId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        for (String field : new String[] {"vrs-event-v1", nz(aggregateType), aggregateId, Long.toString(sequence), eventId,
                payloadType, nz(payloadRevision), keyId}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
