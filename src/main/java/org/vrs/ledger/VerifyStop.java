package org.vrs.ledger;

/**
 * Asks a running {@link StoreVerifier} to stop at the next leaf boundary, save its state (if it has a
 * state file) and return {@link VerificationReport.Interrupted}: from a shutdown hook, or after a
 * given number of leaves.
 */
public final class VerifyStop {

    private final long afterLeaves;
    private volatile boolean requested;

    private VerifyStop(long afterLeaves) {
        this.afterLeaves = afterLeaves;
    }

    /** Stops when {@link #request()} is called. */
    public static VerifyStop onRequest() {
        return new VerifyStop(Long.MAX_VALUE);
    }

    /** Also stops once the log's first {@code leaves} leaves are checked (for tests of resuming). */
    public static VerifyStop afterLeaves(long leaves) {
        if (leaves < 1) {
            throw new IllegalArgumentException("stop after at least one leaf, not " + leaves);
        }
        return new VerifyStop(leaves);
    }

    public void request() {
        requested = true;
    }

    /** Whether {@link #request()} was called. */
    public boolean requested() {
        return requested;
    }

    boolean due(long checked) {
        return requested || checked >= afterLeaves;
    }
}
