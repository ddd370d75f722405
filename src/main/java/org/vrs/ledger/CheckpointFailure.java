package org.vrs.ledger;

/** Why a well-formed checkpoint is not trusted. */
public sealed interface CheckpointFailure {

    /** One sentence naming what failed and the values involved. */
    String message();

    /** The checkpoint is of another log. */
    record WrongOrigin(String expected, String actual) implements CheckpointFailure {
        @Override
        public String message() {
            return "checkpoint origin is '" + actual + "', expected '" + expected + "'";
        }
    }

    /** No signature line names the trusted key (name and key id); lines of other keys are ignored. */
    record NoSignatureByKey(String keyName, int keyId) implements CheckpointFailure {
        @Override
        public String message() {
            return String.format("checkpoint has no signature by key '%s' with key id %08x", keyName, keyId);
        }
    }

    /** A signature line names the trusted key but its signature does not verify. */
    record InvalidSignature(String keyName, int keyId) implements CheckpointFailure {
        @Override
        public String message() {
            return String.format("signature by key '%s' with key id %08x does not verify", keyName, keyId);
        }
    }
}
