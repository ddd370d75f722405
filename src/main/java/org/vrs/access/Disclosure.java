package org.vrs.access;

/** How much of one data category a reader sees. */
public enum Disclosure {
    /** The data as recorded. */
    FULL,
    /** Existence and coarse form only, e.g. the province of an address, the number of support payments. */
    MASKED,
    /** Absent, with a marker that something was withheld. */
    HIDDEN;

    /** The narrower of two levels: referral grants and policies only ever narrow each other. */
    public Disclosure narrower(Disclosure other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
