package org.vrs.ledger;

/** A proof was asked for a tree larger than the log is so far. */
public final class TreeSizeUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    private final TreeSize requested;
    private final TreeSize available;

    public TreeSizeUnavailableException(TreeSize requested, TreeSize available) {
        super("tree size " + requested + " is beyond the log, which has " + available + " leaves");
        this.requested = requested;
        this.available = available;
    }

    public TreeSize requested() {
        return requested;
    }

    public TreeSize available() {
        return available;
    }
}
