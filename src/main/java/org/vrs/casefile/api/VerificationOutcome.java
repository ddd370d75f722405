package org.vrs.casefile.api;

/** Result of identification. */
public enum VerificationOutcome {
    CONFIRMED,
    NOT_CONFIRMED
}
