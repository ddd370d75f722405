package org.vrs.ledger;

import java.time.Duration;

/** The outcome of {@link StoreVerifier#verify}: everything agrees, or the first divergence by position. */
public sealed interface VerificationReport {

    Duration elapsed();

    /**
     * The store and its ledger agree.
     *
     * @param head the tree the verifier rebuilt from the event rows
     * @param events event rows in the store, including {@code pendingEvents}
     * @param pendingEvents newer events the ledger's token has not reached yet (the integrator's lag)
     * @param files files whose back-link chain was checked
     * @param nodes stored tree nodes of level 1 and above, each recomputed
     * @param checkpoints signed checkpoints verified (stored ones and any given from outside)
     * @param resumedAt leaves an earlier, interrupted run checked before this one resumed; 0 for a whole run
     */
    record Verified(TreeHead head, long events, long pendingEvents, long files, long nodes, int checkpoints, Duration elapsed,
                    long resumedAt) implements VerificationReport {
    }

    /** The first divergence by position; nothing after it was checked. */
    record Failed(Divergence divergence, long leavesChecked, Duration elapsed, long resumedAt) implements VerificationReport {
    }

    /**
     * Stopped on request after {@code leavesChecked} leaves, all of which agreed; {@code saved} if
     * the position was saved to the state file, so that a run with the same file continues there.
     */
    record Interrupted(long leavesChecked, long leaves, boolean saved, Duration elapsed, long resumedAt)
            implements VerificationReport {
    }
}
