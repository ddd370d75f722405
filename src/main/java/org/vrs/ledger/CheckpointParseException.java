package org.vrs.ledger;

/**
 * A checkpoint note that is not well-formed. Separate from {@link CheckpointVerificationException}:
 * this one says the bytes are not a checkpoint at all, before any key is involved.
 */
public final class CheckpointParseException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the note; the message names the offending value. */
    public enum Defect {
        TOO_LARGE,
        NOT_UTF8,
        CONTROL_CHARACTER,
        NO_FINAL_NEWLINE,
        NO_BLANK_LINE,
        NO_SIGNATURES,
        TOO_MANY_SIGNATURES,
        LINE_TOO_LONG,
        MALFORMED_SIGNATURE_LINE,
        MALFORMED_BASE64,
        SIGNATURE_TOO_SHORT,
        WRONG_LINE_COUNT,
        MALFORMED_ORIGIN,
        MALFORMED_TREE_SIZE,
        MALFORMED_ROOT_HASH
    }

    private final Defect defect;

    public CheckpointParseException(Defect defect, String message) {
        super(message);
        this.defect = defect;
    }

    public Defect defect() {
        return defect;
    }
}
