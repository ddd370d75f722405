package org.vrs.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the ledger answers to readers: the latest signed checkpoint and proofs against any tree
 * size it holds, computed from stored nodes only. Thread-safe.
 */
public class LedgerQueries {

    private final LedgerStore store;
    private final TreeReader reader;

    LedgerQueries(LedgerStore store) {
        this.store = store;
        this.reader = new TreeReader(store);
    }

    /** An inclusion proof (RFC 9162 section 2.1.3.1): hashes from the leaf's sibling upwards. */
    public record InclusionProof(LeafIndex index, TreeSize size, Sha256 leafHash, List<Sha256> hashes) {
        public InclusionProof {
            hashes = List.copyOf(hashes);
        }
    }

    /** A consistency proof (RFC 9162 section 2.1.4.1) from tree size {@code from} to {@code to}. */
    public record ConsistencyProof(TreeSize from, TreeSize to, List<Sha256> hashes) {
        public ConsistencyProof {
            hashes = List.copyOf(hashes);
        }
    }

    /** An event's leaf: its position in the log, its canonical bytes (see {@code LeafData}) and hash. */
    public record Leaf(LeafIndex index, String eventId, byte[] bytes, Sha256 hash) {
    }

    /** The number of leaves committed so far. */
    public TreeSize treeSize() {
        return store.treeSize();
    }

    /** The leaves of these events, by event identifier; events the integrator has not reached yet are absent. */
    public Map<String, Leaf> leavesOf(Collection<String> eventIds) {
        Map<String, Leaf> leaves = new LinkedHashMap<>();
        Map<String, LedgerStore.LeafRow> rows = store.leavesOf(eventIds);
        for (String eventId : eventIds) {
            LedgerStore.LeafRow row = rows.get(eventId);
            if (row != null) {
                leaves.put(eventId, new Leaf(new LeafIndex(row.leafIndex()), eventId, row.leaf(), row.leafHash()));
            }
        }
        return leaves;
    }

    /** The latest signed checkpoint, parsed. */
    public Optional<SignedCheckpoint> latestSignedCheckpoint() {
        return store.latestCheckpoint().map(LedgerQueries::parse);
    }

    /** The newest signed checkpoint of a tree smaller than {@code size}: one that was served before. */
    public Optional<SignedCheckpoint> signedCheckpointBelow(TreeSize size) {
        return store.latestCheckpointBelow(size).map(LedgerQueries::parse);
    }

    private static SignedCheckpoint parse(LedgerStore.StoredCheckpoint stored) {
        try {
            return SignedCheckpoint.parse(stored.note().getBytes(StandardCharsets.UTF_8));
        } catch (CheckpointParseException e) {
            // only the signer writes this table, and verify reports a damaged note; do not serve it
            throw new IllegalStateException("stored checkpoint of size " + stored.size().value() + " does not parse", e);
        }
    }

    /** The text of the latest signed checkpoint note, if one was signed yet. */
    public Optional<String> latestCheckpoint() {
        return store.latestCheckpoint().map(LedgerStore.StoredCheckpoint::note);
    }

    /**
     * @throws ProofException with {@link ProofFailure.IndexBeyondSize} if the leaf is not in that tree
     * @throws TreeSizeUnavailableException if the log does not have that many leaves yet
     */
    public InclusionProof inclusionProof(LeafIndex index, TreeSize size) throws ProofException, TreeSizeUnavailableException {
        if (!size.includes(index)) {
            throw new ProofException(new ProofFailure.IndexBeyondSize(index, size));
        }
        requireAvailable(size);
        Sha256 leafHash = store.hash(new NodeId(0, index.value()));
        return new InclusionProof(index, size, leafHash, reader.inclusionProof(index, size));
    }

    /**
     * {@link #inclusionProof} for many leaves of one tree (audit-trail exports prove thousands),
     * reading every node they need in one query rather than one per proof. A first pass records
     * which nodes the proofs ask for: node addresses depend only on index and size, never on hashes.
     *
     * @throws ProofException with {@link ProofFailure.IndexBeyondSize} if a leaf is not in that tree
     * @throws TreeSizeUnavailableException if the log does not have that many leaves yet
     */
    public List<List<Sha256>> inclusionProofs(List<LeafIndex> indices, TreeSize size) throws ProofException, TreeSizeUnavailableException {
        requireAvailable(size);
        java.util.Set<NodeId> needed = new java.util.LinkedHashSet<>();
        TreeReader planner = new TreeReader(id -> {
            needed.add(id);
            return Sha256.ZERO;
        });
        for (LeafIndex index : indices) {
            planner.inclusionProof(index, size);
        }
        List<NodeId> ids = List.copyOf(needed);
        List<Sha256> hashes = store.hashes(ids);
        Map<NodeId, Sha256> known = new java.util.HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            known.put(ids.get(i), hashes.get(i));
        }
        TreeReader reader = new TreeReader(known::get);
        List<List<Sha256>> proofs = new java.util.ArrayList<>(indices.size());
        for (LeafIndex index : indices) {
            proofs.add(reader.inclusionProof(index, size));
        }
        return proofs;
    }

    /**
     * @throws ProofException with {@link ProofFailure.SizeOrder} if {@code from > to}
     * @throws TreeSizeUnavailableException if the log does not have {@code to} leaves yet
     */
    public ConsistencyProof consistencyProof(TreeSize from, TreeSize to) throws ProofException, TreeSizeUnavailableException {
        if (from.value() > to.value()) {
            throw new ProofException(new ProofFailure.SizeOrder(from, to));
        }
        requireAvailable(to);
        return new ConsistencyProof(from, to, reader.consistencyProof(from, to));
    }

    private void requireAvailable(TreeSize size) throws TreeSizeUnavailableException {
        TreeSize available = store.treeSize();
        if (size.value() > available.value()) {
            throw new TreeSizeUnavailableException(size, available);
        }
    }
}
