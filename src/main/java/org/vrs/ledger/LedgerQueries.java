package org.vrs.ledger;

import java.util.List;
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
