package org.vrs.ledger;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;

/** The version-1 leaf encoding documented on {@link LeafData}. */
final class LeafCodec {

    private static final byte VERSION = 0x01;
    private static final byte ABSENT = 0x00;
    private static final byte PRESENT = 0x01;
    /** {@code encode(CharBuffer)} resets the encoder first, so one per thread serves every call. */
    private static final ThreadLocal<CharsetEncoder> UTF8 = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));

    private LeafCodec() {
    }

    static void requireText(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " is missing or empty");
        }
        int length = utf8(field, value).length;
        if (length > LeafData.MAX_STRING_BYTES) {
            throw new IllegalArgumentException(field + " has " + length + " UTF-8 bytes, more than " + LeafData.MAX_STRING_BYTES);
        }
    }

    static byte[] encode(LeafData leaf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(VERSION);
        writeRaw(out, utf8("eventId", leaf.eventId()));
        writeOptional(out, "fileId", leaf.fileId());
        writeRaw(out, ByteBuffer.allocate(8).putLong(leaf.sequence()).array());
        writeRaw(out, utf8("payloadType", leaf.payloadType()));
        writeOptional(out, "payloadRevision", leaf.payloadRevision());
        writeRaw(out, ByteBuffer.allocate(12).putLong(leaf.timestamp().getEpochSecond()).putInt(leaf.timestamp().getNano()).array());
        writeRaw(out, utf8("keyId", leaf.keyId()));
        writeRaw(out, leaf.ciphertextDigest().unsafeBytes());
        writeRaw(out, leaf.previousLeafOfFile().unsafeBytes());
        return out.toByteArray();
    }

    static LeafData decode(byte[] bytes) {
        Reader in = new Reader(bytes);
        int version = in.next(1, "version")[0];
        if (version != VERSION) {
            throw new IllegalArgumentException("leaf encoding version is " + version + ", only 1 is known");
        }
        String eventId = in.text("eventId");
        String fileId = in.flag("fileId") ? in.text("fileId") : null;
        long sequence = ByteBuffer.wrap(in.raw(8, "sequence")).getLong();
        String payloadType = in.text("payloadType");
        String payloadRevision = in.flag("payloadRevision") ? in.text("payloadRevision") : null;
        ByteBuffer time = ByteBuffer.wrap(in.raw(12, "timestamp"));
        Instant timestamp = instant(time.getLong(), Integer.toUnsignedLong(time.getInt()));
        String keyId = in.text("keyId");
        Sha256 ciphertextDigest = Sha256.of(in.raw(Sha256.LENGTH, "ciphertextDigest"));
        Sha256 previousLeafOfFile = Sha256.of(in.raw(Sha256.LENGTH, "previousLeafOfFile"));
        in.requireEnd();
        return new LeafData(eventId, fileId, sequence, payloadType, payloadRevision, timestamp, keyId,
                ciphertextDigest, previousLeafOfFile);
    }

    private static Instant instant(long epochSecond, long nano) {
        if (nano > 999_999_999L) {
            throw new IllegalArgumentException("timestamp nano-of-second is " + nano + ", more than 999999999");
        }
        try {
            return Instant.ofEpochSecond(epochSecond, nano);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timestamp epoch second " + epochSecond + " is outside Instant's range", e);
        }
    }

    private static void writeOptional(ByteArrayOutputStream out, String field, String value) {
        if (value == null) {
            out.write(ABSENT);
        } else {
            out.write(PRESENT);
            writeRaw(out, utf8(field, value));
        }
    }

    private static void writeRaw(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        out.writeBytes(value);
    }

    /**
     * Strict UTF-8: String.getBytes would silently turn an unpaired surrogate into '?'. Without any
     * surrogate (every id and type name in practice) getBytes is exact, and much faster.
     */
    private static byte[] utf8(String field, String value) {
        if (!hasSurrogate(value)) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
        try {
            ByteBuffer encoded = UTF8.get().encode(CharBuffer.wrap(value));
            return Arrays.copyOf(encoded.array(), encoded.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(field + " is not well-formed Unicode (unpaired surrogate)", e);
        }
    }

    private static boolean hasSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isSurrogate(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Reads fields in order, naming the field and byte offset of anything out of bounds. */
    private static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        byte[] next(int count, String field) {
            if (count > bytes.length - position) {
                throw new IllegalArgumentException("leaf ends at byte " + bytes.length + " inside " + field
                        + ", which needs " + count + " bytes from offset " + position);
            }
            byte[] value = Arrays.copyOfRange(bytes, position, position + count);
            position += count;
            return value;
        }

        byte[] raw(int expectedLength, String field) {
            int length = ByteBuffer.wrap(next(4, field + " length")).getInt();
            if (length != expectedLength) {
                throw new IllegalArgumentException(field + " at offset " + (position - 4) + " has length "
                        + Integer.toUnsignedString(length) + ", expected " + expectedLength);
            }
            return next(length, field);
        }

        String text(String field) {
            int length = ByteBuffer.wrap(next(4, field + " length")).getInt();
            if (length <= 0 || length > LeafData.MAX_STRING_BYTES) {
                throw new IllegalArgumentException(field + " at offset " + (position - 4) + " has length "
                        + Integer.toUnsignedString(length) + ", expected 1.." + LeafData.MAX_STRING_BYTES);
            }
            byte[] value = next(length, field);
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(value)).toString();
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException(field + " at offset " + (position - length) + " is not well-formed UTF-8", e);
            }
        }

        boolean flag(String field) {
            byte flag = next(1, field + " presence flag")[0];
            if (flag != ABSENT && flag != PRESENT) {
                throw new IllegalArgumentException(field + " presence flag at offset " + (position - 1)
                        + " is " + flag + ", expected 0 or 1");
            }
            return flag == PRESENT;
        }

        void requireEnd() {
            if (position != bytes.length) {
                throw new IllegalArgumentException("leaf has " + (bytes.length - position)
                        + " bytes after its last field, from offset " + position);
            }
        }
    }
}
