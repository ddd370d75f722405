package org.vrs.protection;

/**
 * A failure of the encryption layer. Messages name events and keys by identifier only.
 */
public class ProtectionException extends RuntimeException {

    public ProtectionException(String message) {
        super(message);
    }

    public ProtectionException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A stored ciphertext did not authenticate: it was altered, moved to another event, or the wrong key was used. */
    public static class IntegrityViolation extends ProtectionException {
        public IntegrityViolation(String message) {
            super(message);
        }
    }

    /** No key is available to encrypt: writes are refused, never stored in plaintext. */
    public static class KeyUnavailable extends ProtectionException {
        public KeyUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
