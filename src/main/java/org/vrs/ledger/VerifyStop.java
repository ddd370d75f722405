package org.vrs.ledger;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Asks a running {@link StoreVerifier} to stop at the next leaf boundary, save its state (if it has a
 * state file) and return {@link VerificationReport.Interrupted}; for a shutdown hook, which then
 * waits until the state is saved.
 */
public final class VerifyStop {

    private final long afterLeaves;
    private final CountDownLatch finished = new CountDownLatch(1);
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

    /** Waits until the verifier has returned (stopped, or finished anyway); false on timeout. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean due(long checked) {
        return requested || checked >= afterLeaves;
    }

    void finished() {
        finished.countDown();
    }
}
