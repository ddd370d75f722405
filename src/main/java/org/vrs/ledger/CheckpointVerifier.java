package org.vrs.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * Verifies checkpoints of one log against its Ed25519 public key, whose key name is the origin.
 * Follows the signed-note rules: lines of unknown keys (other name or key id) are ignored, a line
 * of the trusted key that does not verify rejects the note, and at least one must verify.
 */
public final class CheckpointVerifier {

    private final String origin;
    private final Ed25519PublicKeyParameters publicKey;
    private final int keyId;

    public CheckpointVerifier(String origin, Ed25519PublicKeyParameters publicKey) {
        String problem = Checkpoint.originProblem(Objects.requireNonNull(origin, "origin"));
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.origin = origin;
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.keyId = NoteKeys.keyId(origin, publicKey);
    }

    /** The checkpoint, if it is of this log and signed by its key. */
    public Checkpoint verify(SignedCheckpoint signed) throws CheckpointVerificationException {
        Checkpoint checkpoint = signed.checkpoint();
        if (!checkpoint.origin().equals(origin)) {
            throw new CheckpointVerificationException(new CheckpointFailure.WrongOrigin(origin, checkpoint.origin()));
        }
        byte[] body = checkpoint.body().getBytes(StandardCharsets.UTF_8);
        boolean verified = false;
        for (SignedCheckpoint.NoteSignature signature : signed.signatures()) {
            if (!signature.keyName().equals(origin) || signature.keyId() != keyId) {
                continue;
            }
            if (!NoteKeys.verify(publicKey, body, signature.signature())) {
                throw new CheckpointVerificationException(new CheckpointFailure.InvalidSignature(origin, keyId));
            }
            verified = true;
        }
        if (!verified) {
            throw new CheckpointVerificationException(new CheckpointFailure.NoSignatureByKey(origin, keyId));
        }
        return checkpoint;
    }
}
