package org.vrs.extract;

import java.util.HexFormat;
import org.vrs.casefile.api.ExtractId;

/**
 * The salt under which an earlier extract withheld a field that this extract discloses, as the
 * service writes it and as a verifier reads it from {@code revealedSalts}. With it,
 * the holder of both computes {@code SHA-256(salt || JCS(value))} from the disclosed value and
 * compares it with the earlier extract's salted hash. A salt alone says nothing about the value.
 */
record RevealedSalt(ExtractId earlierExtract, String eventId, String field, byte[] salt) {

    RevealedSalt {
        salt = salt.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    String saltHex() {
        return HexFormat.of().formatHex(salt);
    }
}
