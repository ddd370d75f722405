package org.vrs.extract;

/** Carries a {@link VerificationFailure}; callers act on the failure, never on the message. */
final class VerificationException extends Exception {

    private final transient VerificationFailure failure;

    VerificationException(VerificationFailure failure) {
        super(failure.toString());
        this.failure = failure;
    }

    VerificationFailure failure() {
        return failure;
    }
}
