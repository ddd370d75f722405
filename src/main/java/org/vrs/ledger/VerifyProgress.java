package org.vrs.ledger;

import java.time.Duration;

/** Receives the progress of a long {@link StoreVerifier} run, about once a second. */
@FunctionalInterface
public interface VerifyProgress {

    VerifyProgress NONE = (checked, total, perSecond, remaining) -> { };

    /**
     * @param checked leaves checked so far
     * @param total leaves in the log
     * @param perSecond leaves checked per second so far
     * @param remaining estimated time to check the rest at that rate
     */
    void report(long checked, long total, double perSecond, Duration remaining);
}
