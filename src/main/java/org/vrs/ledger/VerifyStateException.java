package org.vrs.ledger;

/**
 * A verify state file cannot be used: damaged, written by a verifier with other settings, or for
 * another log (or for this log before it changed at the resume point). Nothing was verified; run
 * again without the state file to verify everything.
 */
public final class VerifyStateException extends IllegalStateException {

    VerifyStateException(String message) {
        super(message);
    }

    VerifyStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
