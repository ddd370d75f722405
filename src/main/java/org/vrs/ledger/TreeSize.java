package org.vrs.ledger;

/** The number of leaves in a version of the log; 0 is the empty tree. */
public record TreeSize(long value) {

    public static final TreeSize EMPTY = new TreeSize(0);

    public TreeSize {
        if (value < 0) {
            throw new IllegalArgumentException("a tree size cannot be negative: " + value);
        }
    }

    /** Whether the leaf exists in a tree of this size. */
    public boolean includes(LeafIndex index) {
        return index.value() < value;
    }

    /** The decimal number alone, so that failure messages read naturally. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
