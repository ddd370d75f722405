package org.vrs.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class LeafDataTest {

    private static final Sha256 EMPTY_LEAF = MerkleHasher.hashLeaf(new byte[0]);
    private static final LeafData EXAMPLE = new LeafData(
            "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
            "8d3c2f1e-6b7a-4c5d-9e8f-0a1b2c3d4e5f",
            5,
            "org.vrs.casefile.api.SupportGranted",
            "1",
            Instant.parse("2025-01-02T03:04:05.123456789Z"),
            "dk-1",
            Sha256.digest(new byte[0]),
            EMPTY_LEAF);

    @Test
    void encodesTheKnownAnswerByteForByte() {
        byte[] expected = knownAnswer();

        assertThat(HexFormat.of().formatHex(EXAMPLE.encode())).isEqualTo(HexFormat.of().formatHex(expected));
        assertThat(EXAMPLE.leafHash())
                .isEqualTo(Sha256.fromHex("2578139aa7561a1e1ce7ea6cfd64800da8f127bd92a8722e55fc1165d66c8ebe"));
        assertThat(LeafData.decode(expected)).isEqualTo(EXAMPLE);
    }

    @Test
    void anAbsentValueIsOneZeroByte() {
        LeafData noFile = new LeafData(EXAMPLE.eventId(), null, 0, EXAMPLE.payloadType(), null, EXAMPLE.timestamp(),
                EXAMPLE.keyId(), EXAMPLE.ciphertextDigest(), Sha256.ZERO);

        byte[] encoded = noFile.encode();

        assertThat(encoded).hasSize(EXAMPLE.encode().length - (4 + 36) - (4 + 1));
        assertThat(encoded[1 + 4 + 36]).isZero();
        assertThat(LeafData.decode(encoded)).isEqualTo(noFile);
    }

    @Property(tries = 200)
    void decodeInvertsEncode(
            @ForAll("text") String eventId, @ForAll("optionalText") String fileId, @ForAll @LongRange(min = 0) long sequence,
            @ForAll("text") String payloadType, @ForAll("optionalText") String payloadRevision,
            @ForAll("instants") Instant timestamp, @ForAll("text") String keyId,
            @ForAll("hashes") Sha256 ciphertextDigest, @ForAll("hashes") Sha256 previous) {
        LeafData leaf = new LeafData(eventId, fileId, sequence, payloadType, payloadRevision, timestamp, keyId,
                ciphertextDigest, fileId == null ? Sha256.ZERO : previous);

        assertThat(LeafData.decode(leaf.encode())).isEqualTo(leaf);
    }

    @Test
    void everyTruncationIsRejected() {
        byte[] encoded = EXAMPLE.encode();
        for (int length = 0; length < encoded.length; length++) {
            byte[] truncated = Arrays.copyOf(encoded, length);
            assertThatThrownBy(() -> LeafData.decode(truncated)).as("first %d bytes", length)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("leaf ends at byte " + length);
        }
    }

    @Test
    void rejectsBytesEncodeWouldNotProduce() {
        assertRejected(set(0, 0x02), "leaf encoding version is 2, only 1 is known");
        assertRejected(Arrays.copyOf(EXAMPLE.encode(), EXAMPLE.encode().length + 1),
                "leaf has 1 bytes after its last field, from offset 235");
        assertRejected(set(41, 0x02), "fileId presence flag at offset 41 is 2, expected 0 or 1");
        assertRejected(set(4, 0x00), "eventId at offset 1 has length 0, expected 1..1024");
        assertRejected(set(5, 0xff), "eventId at offset 5 is not well-formed UTF-8");
        assertRejected(set(85, 0x07), "sequence at offset 82 has length 7, expected 8");
        assertRejected(set(86, 0x80), "sequence cannot be negative: -9223372036854775803");
        assertRejected(set(151, 0xff), "timestamp nano-of-second is 4284206357, more than 999999999");
    }

    @Test
    void refusesValuesWithoutOneEncoding() {
        assertThatThrownBy(() -> withPayloadType("Support\uD800Granted"))
                .hasMessage("payloadType is not well-formed Unicode (unpaired surrogate)");
        assertThatThrownBy(() -> withPayloadType("")).hasMessage("payloadType is missing or empty");
        assertThatThrownBy(() -> withPayloadType("\u00e9".repeat(513)))
                .hasMessage("payloadType has 1026 UTF-8 bytes, more than 1024");
        assertThatThrownBy(() -> new LeafData(EXAMPLE.eventId(), null, 0, "T", null, Instant.EPOCH, "k",
                Sha256.ZERO, EMPTY_LEAF))
                .hasMessage("an event of no file has no previous leaf, but got " + EMPTY_LEAF);
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.integers().between(1, Character.MAX_CODE_POINT)
                .filter(codePoint -> codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE)
                .list().ofMinSize(1).ofMaxSize(24)
                .map(codePoints -> codePoints.stream()
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
    }

    @Provide
    Arbitrary<String> optionalText() {
        return text().injectNull(0.3);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                .flatMap(second -> Arbitraries.integers().between(0, 999_999_999)
                        .map(nano -> Instant.ofEpochSecond(second, nano)));
    }

    @Provide
    Arbitrary<Sha256> hashes() {
        return Arbitraries.bytes().array(byte[].class).ofSize(Sha256.LENGTH).map(Sha256::of);
    }

    private static LeafData withPayloadType(String payloadType) {
        return new LeafData(EXAMPLE.eventId(), EXAMPLE.fileId(), 0, payloadType, null, Instant.EPOCH, "k",
                Sha256.ZERO, Sha256.ZERO);
    }

    private static byte[] set(int offset, int value) {
        byte[] bytes = EXAMPLE.encode();
        bytes[offset] = (byte) value;
        return bytes;
    }

    private static void assertRejected(byte[] leaf, String message) {
        assertThatThrownBy(() -> LeafData.decode(leaf)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    private static byte[] knownAnswer() {
        StringBuilder hex = new StringBuilder();
        for (String line : new String(Vectors.resource("leaf-v1.hex"), StandardCharsets.US_ASCII).split("\n")) {
            hex.append(line.split("#", 2)[0].strip());
        }
        return HexFormat.of().parseHex(hex);
    }
}
