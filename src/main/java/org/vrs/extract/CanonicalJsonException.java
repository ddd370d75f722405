package org.vrs.extract;

/**
 * A JSON tree that RFC 8785 cannot canonicalise without guessing. Carries the defect, the JSON
 * Pointer of the offending node and a description of the offending value that never repeats
 * string content (strings in an extract may be personal data).
 */
final class CanonicalJsonException extends IllegalArgumentException {

    enum Defect {
        /** NaN or an infinity: JSON has no representation for them. */
        NON_FINITE_NUMBER,
        /** An integral or decimal node whose canonical (double) text would denote another value. */
        INEXACT_NUMBER,
        /** A string with an unpaired UTF-16 surrogate: it has no UTF-8 encoding (I-JSON, RFC 7493). */
        LONE_SURROGATE,
        /** Binary, POJO or missing nodes: not JSON values. */
        UNSUPPORTED_NODE
    }

    private final Defect defect;
    private final String pointer;
    private final String offendingValue;

    CanonicalJsonException(Defect defect, String pointer, String offendingValue) {
        super(defect + " at '" + pointer + "': " + offendingValue);
        this.defect = defect;
        this.pointer = pointer;
        this.offendingValue = offendingValue;
    }

    Defect defect() {
        return defect;
    }

    /** RFC 6901 JSON Pointer of the offending node ("" is the root). */
    String pointer() {
        return pointer;
    }

    String offendingValue() {
        return offendingValue;
    }
}
