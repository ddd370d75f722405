package org.vrs.extract;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.vrs.ledger.LeafData;
import org.vrs.ledger.LeafIndex;
import org.vrs.ledger.Sha256;
import org.vrs.ledger.SignedCheckpoint;

/**
 * The ledger's evidence for one extract: the checkpoint it is proved against, each disclosed
 * event's leaf with its inclusion proof, and (when the log published one) an earlier checkpoint
 * with the consistency proof from it. Everything here was checked by {@link LedgerEvidenceCollector}.
 */
record LedgerEvidence(SignedCheckpoint checkpoint, Ed25519PublicKeyParameters publicKey, Map<String, Leaf> leaves,
                      Optional<Consistency> consistency) {

    LedgerEvidence {
        leaves = Map.copyOf(leaves);
    }

    Leaf leaf(String eventId) {
        return leaves.get(eventId);
    }

    /** One event's leaf: index, the exact leaf bytes, their decoding, and the path to the checkpoint's root. */
    record Leaf(LeafIndex index, byte[] bytes, LeafData data, List<Sha256> inclusionProof) {

        Leaf {
            bytes = bytes.clone();
            inclusionProof = List.copyOf(inclusionProof);
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** An earlier published checkpoint and the RFC 9162 proof that the checkpoint used extends it. */
    record Consistency(SignedCheckpoint earlier, List<Sha256> proof) {

        Consistency {
            proof = List.copyOf(proof);
        }
    }
}
