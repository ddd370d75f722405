package org.vrs.extract;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The salts that hide withheld fields. Each field of each event gets its own 32-byte salt,
 * HMAC-SHA256 under a fresh random seed of the extract over (event id, field name): the salts
 * are independent pseudo-random values, and revealing one for a later order reveals nothing about
 * the others. The seed is kept sealed under the file's data key ({@link SaltSeeds}), so the
 * service can re-derive any salt later, and the file's erasure destroys them all.
 *
 * <p>A withheld field shows {@code hex(SHA-256(salt || JCS(value)))}, where {@code JCS(value)} is
 * the RFC 8785 form of the field's JSON value exactly as a wider extract would disclose it.
 */
final class FieldSalts {

    static final int SEED_BYTES = 32;
    /** HMAC-SHA256's output. */
    static final int SALT_BYTES = 32;
    private static final byte[] LABEL = "vrs-extract-salt-v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] seed;

    private FieldSalts(byte[] seed) {
        this.seed = seed;
    }

    static FieldSalts fresh() {
        byte[] seed = new byte[SEED_BYTES];
        RANDOM.nextBytes(seed);
        return new FieldSalts(seed);
    }

    static FieldSalts fromSeed(byte[] seed) {
        if (seed.length != SEED_BYTES) {
            throw new IllegalArgumentException("a salt seed has " + SEED_BYTES + " bytes, not " + seed.length);
        }
        return new FieldSalts(seed.clone());
    }

    byte[] seed() {
        return seed.clone();
    }

    /** The salt of one field of one event: HMAC-SHA256(seed, label || 0 || eventId || 0 || field). */
    byte[] salt(String eventId, String field) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed, "HmacSHA256"));
            mac.update(LABEL);
            mac.update((byte) 0);
            mac.update(eventId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(field.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    /** hex(SHA-256(salt || canonicalValue)). */
    static String saltedHash(byte[] salt, byte[] canonicalValue) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update(canonicalValue);
            return HexFormat.of().formatHex(digest.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "FieldSalts[seed withheld]";
    }
}
