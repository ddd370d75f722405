package org.vrs.ledger;

/** A well-formed checkpoint that is not trusted; {@link #failure()} says why. */
public final class CheckpointVerificationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient CheckpointFailure failure;

    public CheckpointVerificationException(CheckpointFailure failure) {
        super(failure.message());
        this.failure = failure;
    }

    public CheckpointFailure failure() {
        return failure;
    }
}
