package org.vrs.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An immutable 32-byte SHA-256 value: a Merkle leaf or node hash, a tree root, or a plain digest.
 *
 * <p>A type of its own so that a hash cannot be passed where other bytes are expected, and so that
 * its length is checked once, where it is made.
 */
public final class Sha256 {

    /** Length of a SHA-256 value in bytes. */
    public static final int LENGTH = 32;

    /** All 32 bytes zero: "no previous leaf" in {@link LeafData}. */
    public static final Sha256 ZERO = new Sha256(new byte[LENGTH]);

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

    private final byte[] bytes;

    private Sha256(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps a copy of exactly 32 bytes. */
    public static Sha256 of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a SHA-256 value has 32 bytes, not " + bytes.length);
        }
        return new Sha256(bytes.clone());
    }

    /** Parses 64 hex digits (either case). */
    public static Sha256 fromHex(String hex) {
        if (hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("a SHA-256 value has 64 hex digits, not " + hex.length()
                    + ": '" + abbreviate(hex) + "'");
        }
        try {
            return new Sha256(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not hex: '" + abbreviate(hex) + "'", e);
        }
    }

    /**
     * Parses standard base64 (RFC 4648 section 4) of 32 bytes, in its one canonical spelling (padded,
     * zero trailing bits), so that equal hashes always have equal text.
     */
    public static Sha256 fromBase64(String base64) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64: '" + abbreviate(base64) + "'", e);
        }
        if (decoded.length != LENGTH || !Base64.getEncoder().encodeToString(decoded).equals(base64)) {
            throw new IllegalArgumentException("not the canonical base64 of 32 bytes: '" + abbreviate(base64) + "'");
        }
        return new Sha256(decoded);
    }

    /** Plain SHA-256 of the given bytes (no Merkle prefix; for those see {@link MerkleHasher}). */
    public static Sha256 digest(byte[] data) {
        MessageDigest digest = DIGEST.get();
        digest.reset();
        return new Sha256(digest.digest(data));
    }

    /** SHA-256 over a one-byte prefix and parts, without concatenating them first. */
    static Sha256 digest(byte prefix, byte[]... parts) {
        MessageDigest digest = DIGEST.get();
        digest.reset();
        digest.update(prefix);
        for (byte[] part : parts) {
            digest.update(part);
        }
        return new Sha256(digest.digest());
    }

    /** The bytes without copying; callers in this package must not modify them. */
    byte[] unsafeBytes() {
        return bytes;
    }

    /** A copy of the 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public boolean isZero() {
        return equals(ZERO);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sha256 that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The hex digits, as {@code sha256sum} prints them. */
    @Override
    public String toString() {
        return hex();
    }

    static String abbreviate(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "...(" + value.length() + " chars)";
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
