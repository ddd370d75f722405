package org.vrs.ledger;

/** The zero-based position of a leaf in the log, in commit order. */
public record LeafIndex(long value) {

    public LeafIndex {
        if (value < 0) {
            throw new IllegalArgumentException("a leaf index cannot be negative: " + value);
        }
    }

    /** The decimal number alone, so that failure messages read naturally. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
