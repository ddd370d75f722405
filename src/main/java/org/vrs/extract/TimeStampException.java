package org.vrs.extract;

/** Carries a {@link TimeStampFailure}; callers act on the failure, never on the message. */
final class TimeStampException extends Exception {

    private final transient TimeStampFailure failure;

    TimeStampException(TimeStampFailure failure) {
        super(failure.toString());
        this.failure = failure;
    }

    TimeStampFailure failure() {
        return failure;
    }
}
