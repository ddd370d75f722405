package org.vrs.ledger;

/**
 * Thrown when a proof cannot be made or does not verify. Checked, because a failed verification is
 * an expected outcome a caller must decide about; {@link #failure()} says what failed.
 */
public final class ProofException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient ProofFailure failure;

    public ProofException(ProofFailure failure) {
        super(failure.message());
        this.failure = failure;
    }

    public ProofFailure failure() {
        return failure;
    }
}
