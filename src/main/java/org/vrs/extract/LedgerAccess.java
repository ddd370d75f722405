package org.vrs.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.vrs.ledger.LeafIndex;
import org.vrs.ledger.ProofException;
import org.vrs.ledger.Sha256;
import org.vrs.ledger.SignedCheckpoint;
import org.vrs.ledger.TreeSize;

/**
 * What a certified extract needs from the Merkle log over the event store. The ledger module
 * implements it on its stored leaves, nodes and checkpoints; the extract service works only when
 * a bean of this type exists, and answers 503 otherwise.
 *
 * <p>Every answer must be consistent with {@link #latestCheckpoint()} as returned earlier in the
 * same extract: leaves and nodes are append-only, so proofs for a size the log once had never change.
 */
public interface LedgerAccess {

    /** The newest checkpoint the log signed (C2SP signed note, Ed25519, key name = origin). */
    SignedCheckpoint latestCheckpoint();

    /**
     * The newest checkpoint with a tree smaller than {@code size} that was published outside the
     * service (served on the public checkpoint endpoint, anchored or witnessed), so a court can
     * compare it with the published copy; empty if there is none. The extract carries it with a
     * consistency proof to the checkpoint used.
     */
    Optional<SignedCheckpoint> publishedCheckpointBefore(TreeSize size);

    /** The leaf the ledger assigned to a stored event, or empty if it has not assigned one yet. */
    Optional<LeafRecord> leafOf(String eventId);

    /** {@link #leafOf} for many events; events without a leaf are absent from the map. Override to batch. */
    default Map<String, LeafRecord> leavesOf(Collection<String> eventIds) {
        Map<String, LeafRecord> leaves = new LinkedHashMap<>();
        for (String eventId : eventIds) {
            leafOf(eventId).ifPresent(leaf -> leaves.put(eventId, leaf));
        }
        return leaves;
    }

    /** RFC 9162 section 2.1.3.1 inclusion proof of the leaf in the tree of {@code size}, leaf's sibling first. */
    List<Sha256> inclusionProof(LeafIndex index, TreeSize size) throws ProofException;

    /** {@link #inclusionProof} for many leaves of one tree, in the order given. Override to batch. */
    default List<List<Sha256>> inclusionProofs(List<LeafIndex> indices, TreeSize size) throws ProofException {
        List<List<Sha256>> proofs = new ArrayList<>(indices.size());
        for (LeafIndex index : indices) {
            proofs.add(inclusionProof(index, size));
        }
        return proofs;
    }

    /** RFC 9162 section 2.1.4.1 proof that the tree of {@code older} is a prefix of the tree of {@code newer}. */
    List<Sha256> consistencyProof(TreeSize older, TreeSize newer) throws ProofException;

    /** The log's checkpoint-signing public key (the one written as {@code keys/ledger-public.pem}). */
    Ed25519PublicKeyParameters publicKey();
}
