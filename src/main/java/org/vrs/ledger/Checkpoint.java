package org.vrs.ledger;

import java.util.Objects;

/**
 * The body of a C2SP {@code tlog-checkpoint}: the log's origin and a tree head. Its text is what
 * the log signs as a C2SP {@code signed-note} (see {@link SignedCheckpoint}):
 *
 * <pre>
 * &lt;origin&gt;\n
 * &lt;tree size in decimal, no leading zeros&gt;\n
 * &lt;base64 of the 32-byte root hash&gt;\n
 * </pre>
 *
 * VRS writes no extension lines. The origin doubles as the signing key's name, so it follows the
 * key-name rules: non-empty, no Unicode spaces, no {@code +}, no control characters.
 */
public record Checkpoint(String origin, TreeHead head) {

    /** Longest origin accepted, in characters. */
    public static final int MAX_ORIGIN_LENGTH = 255;

    public Checkpoint {
        Objects.requireNonNull(head, "head");
        String problem = originProblem(Objects.requireNonNull(origin, "origin"));
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** The note text that is signed, ending in a newline. */
    public String body() {
        return origin + "\n" + head.size().value() + "\n" + head.root().base64() + "\n";
    }

    /** Why the name cannot be an origin or key name, or {@code null} if it can. */
    static String originProblem(String name) {
        if (name.isEmpty()) {
            return "origin is empty";
        }
        if (name.length() > MAX_ORIGIN_LENGTH) {
            return "origin '" + Sha256.abbreviate(name) + "' is longer than " + MAX_ORIGIN_LENGTH + " characters";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '+' || c < 0x20 || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return String.format("origin '%s' contains U+%04X, but may not contain spaces, '+' or control characters",
                        name, (int) c);
            }
        }
        return null;
    }
}
