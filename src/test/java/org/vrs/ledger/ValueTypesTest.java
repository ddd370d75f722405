package org.vrs.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueTypesTest {

    private static final String HEX = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";
    private static final String BASE64 = "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=";

    @Test
    void sha256ConvertsBetweenHexAndBase64() {
        Sha256 hash = Sha256.fromHex(HEX);

        assertThat(hash.base64()).isEqualTo(BASE64);
        assertThat(Sha256.fromBase64(BASE64)).isEqualTo(hash).hasSameHashCodeAs(hash);
        assertThat(Sha256.fromHex(HEX.toUpperCase())).isEqualTo(hash);
        assertThat(hash.hex()).isEqualTo(HEX);
        assertThat(hash).hasToString(HEX);
    }

    @Test
    void sha256IsImmutable() {
        byte[] bytes = Sha256.fromHex(HEX).bytes();
        Sha256 hash = Sha256.of(bytes);
        bytes[0] = 0;
        hash.bytes()[1] = 0;

        assertThat(hash).isEqualTo(Sha256.fromHex(HEX));
    }

    @Test
    void sha256RefusesAnythingButOneSpellingOf32Bytes() {
        assertThatThrownBy(() -> Sha256.of(new byte[31])).hasMessage("a SHA-256 value has 32 bytes, not 31");
        assertThatThrownBy(() -> Sha256.fromHex("abc")).hasMessage("a SHA-256 value has 64 hex digits, not 3: 'abc'");
        assertThatThrownBy(() -> Sha256.fromHex("x".repeat(64))).hasMessage("not hex: '" + "x".repeat(64) + "'");
        assertThatThrownBy(() -> Sha256.fromBase64("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyh="))
                .hasMessage("not the canonical base64 of 32 bytes: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyh='");
        assertThatThrownBy(() -> Sha256.fromBase64("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg"))
                .hasMessage("not the canonical base64 of 32 bytes: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg'");
        assertThatThrownBy(() -> Sha256.fromBase64("%%%%")).hasMessage("not base64: '%%%%'");
    }

    @Test
    void sha256ZeroIsAllZeroBytes() {
        assertThat(Sha256.ZERO.bytes()).containsOnly(0).hasSize(32);
        assertThat(Sha256.ZERO.isZero()).isTrue();
        assertThat(Sha256.fromHex(HEX).isZero()).isFalse();
    }

    @Test
    void ledgerQuantitiesAreNotNegative() {
        assertThatThrownBy(() -> new LeafIndex(-1)).hasMessage("a leaf index cannot be negative: -1");
        assertThatThrownBy(() -> new TreeSize(-1)).hasMessage("a tree size cannot be negative: -1");
        assertThat(new TreeSize(3).includes(new LeafIndex(2))).isTrue();
        assertThat(new TreeSize(3).includes(new LeafIndex(3))).isFalse();
    }

    @Test
    void aNodeAddressCoversItsLeafRange() {
        NodeId node = new NodeId(3, 5);

        assertThat(node.firstLeaf()).isEqualTo(40);
        assertThat(node.leafCount()).isEqualTo(8);
        assertThatThrownBy(() -> new NodeId(63, 0)).hasMessage("a node level is in 0..62, not 63");
        assertThatThrownBy(() -> new NodeId(62, 2))
                .hasMessage("node index 2 at level 62 is outside the 63-bit leaf range");
        assertThat(new NodeId(0, Long.MAX_VALUE).firstLeaf()).isEqualTo(Long.MAX_VALUE);
    }
}
