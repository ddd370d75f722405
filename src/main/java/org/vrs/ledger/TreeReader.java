package org.vrs.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Roots and proofs for any size the store holds, read from stored perfect-subtree nodes only (see
 * {@link NodeId}). Each call reads at most about {@code 2 * log2(size)} nodes, in one
 * {@link NodeSource#hashes(List)} call. Stateless apart from the source; thread-safe if it is.
 */
public final class TreeReader {

    private final NodeSource source;

    public TreeReader(NodeSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The RFC 6962 root of the first {@code size} leaves. */
    public Sha256 root(TreeSize size) {
        if (size.value() == 0) {
            return MerkleHasher.emptyRoot();
        }
        return hashesOf(List.of(new Subtrees.Range(0, size.value()))).get(0);
    }

    /**
     * The RFC 9162 section 2.1.3.1 inclusion proof of a leaf in the tree of the given size, hashes
     * ordered from the leaf's sibling upwards.
     *
     * @throws ProofException with {@link ProofFailure.IndexBeyondSize} if the leaf is not in that tree
     */
    public List<Sha256> inclusionProof(LeafIndex index, TreeSize size) throws ProofException {
        if (!size.includes(index)) {
            throw new ProofException(new ProofFailure.IndexBeyondSize(index, size));
        }
        return hashesOf(Subtrees.inclusionPath(index.value(), size.value()));
    }

    /**
     * The RFC 9162 section 2.1.4.1 proof that the tree of {@code size1} is a prefix of the tree of
     * {@code size2}; empty if {@code size1} is 0 or equals {@code size2}.
     *
     * @throws ProofException with {@link ProofFailure.SizeOrder} if {@code size1 > size2}
     */
    public List<Sha256> consistencyProof(TreeSize size1, TreeSize size2) throws ProofException {
        if (size1.value() > size2.value()) {
            throw new ProofException(new ProofFailure.SizeOrder(size1, size2));
        }
        if (size1.value() == 0 || size1.equals(size2)) {
            return List.of();
        }
        return hashesOf(Subtrees.consistencyPath(size1.value(), size2.value()));
    }

    /** The hash of each range, reading all their nodes in one batch. */
    private List<Sha256> hashesOf(List<Subtrees.Range> ranges) {
        List<List<NodeId>> nodesPerRange = new ArrayList<>(ranges.size());
        List<NodeId> allNodes = new ArrayList<>();
        for (Subtrees.Range range : ranges) {
            List<NodeId> nodes = Subtrees.perfectNodes(range);
            nodesPerRange.add(nodes);
            allNodes.addAll(nodes);
        }
        List<Sha256> allHashes = read(allNodes);
        List<Sha256> result = new ArrayList<>(ranges.size());
        int offset = 0;
        for (List<NodeId> nodes : nodesPerRange) {
            result.add(Subtrees.fold(allHashes.subList(offset, offset + nodes.size())));
            offset += nodes.size();
        }
        return List.copyOf(result);
    }

    private List<Sha256> read(List<NodeId> ids) {
        List<Sha256> hashes = source.hashes(ids);
        if (hashes.size() != ids.size()) {
            throw new IllegalStateException("node source answered " + hashes.size() + " hashes for " + ids.size() + " nodes");
        }
        for (int i = 0; i < hashes.size(); i++) {
            if (hashes.get(i) == null) {
                throw new IllegalStateException("node source has no hash for " + ids.get(i));
            }
        }
        return hashes;
    }
}
