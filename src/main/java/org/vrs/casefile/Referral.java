package org.vrs.casefile;

/** A referral's life as the file's rules see it. */
final class Referral {
    enum State { MADE, ACCEPTED, DECLINED, REVOKED }

    private Referral() {
    }
}
