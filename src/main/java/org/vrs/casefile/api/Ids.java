package org.vrs.casefile.api;

import java.util.UUID;

final class Ids {
    private Ids() {
    }

    /** Normalises to the canonical lower-case UUID form, so one id has exactly one spelling. */
    static String requireUuid(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (value.length() != 36) {
            throw new IllegalArgumentException(what + " must be a UUID of 36 characters");
        }
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " must be a UUID");
        }
    }
}
