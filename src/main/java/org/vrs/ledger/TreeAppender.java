package org.vrs.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Appends leaf hashes in order, keeping only the compact range {@code [0, size)}: the roots of the
 * perfect subtrees of the binary decomposition of the size, at most 63 hashes. Each append returns
 * the nodes that became complete, for the caller to store (see {@link NodeId}); the current root
 * costs {@code O(log n)} hashes.
 *
 * <p>Not thread-safe: the log has one writer, which assigns leaf indices in commit order.
 */
public final class TreeAppender {

    /** Perfect-subtree roots, highest level (left-most) first. */
    private final List<Sha256> frontier;
    private long size;

    private TreeAppender(long size, List<Sha256> frontier) {
        this.size = size;
        this.frontier = frontier;
    }

    public static TreeAppender empty() {
        return new TreeAppender(0, new ArrayList<>());
    }

    /** Resumes after a restart from the {@code popcount(size)} stored nodes of the compact range. */
    public static TreeAppender restore(TreeSize size, NodeSource source) {
        List<NodeId> ids = size.value() == 0 ? List.of() : Subtrees.perfectNodes(new Subtrees.Range(0, size.value()));
        List<Sha256> hashes = source.hashes(ids);
        if (hashes.size() != ids.size() || hashes.stream().anyMatch(Objects::isNull)) {
            throw new IllegalStateException("node source lacks the compact range of tree size " + size + ": " + ids);
        }
        return new TreeAppender(size.value(), new ArrayList<>(hashes));
    }

    /** Continues from a compact range kept outside the store (a verifier's saved state). */
    static TreeAppender resume(long size, List<Sha256> frontier) {
        if (frontier.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a tree of size " + size + " has " + Long.bitCount(size) + " compact-range hashes");
        }
        return new TreeAppender(size, new ArrayList<>(frontier));
    }

    /** The compact range: the perfect-subtree roots of the size's binary decomposition, highest level first. */
    List<Sha256> frontier() {
        return List.copyOf(frontier);
    }

    /**
     * Appends the leaf with the given RFC 6962 leaf hash at index {@link #size()}.
     *
     * @return the new complete nodes, bottom up: the leaf node {@code (0, size)}, then each parent
     *     it completed
     */
    public List<Node> append(Sha256 leafHash) {
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("the tree is full");
        }
        List<Node> completed = new ArrayList<>();
        NodeId id = new NodeId(0, size);
        Sha256 hash = leafHash;
        completed.add(new Node(id, hash));
        // A one-bit of the old size at this level means a left sibling waits on the frontier.
        while (((size >> id.level()) & 1) == 1) {
            hash = MerkleHasher.hashChildren(frontier.remove(frontier.size() - 1), hash);
            id = new NodeId(id.level() + 1, id.index() >> 1);
            completed.add(new Node(id, hash));
        }
        frontier.add(hash);
        size++;
        return completed;
    }

    public TreeSize size() {
        return new TreeSize(size);
    }

    /** The RFC 6962 root of the leaves appended so far. */
    public Sha256 root() {
        return frontier.isEmpty() ? MerkleHasher.emptyRoot() : Subtrees.fold(frontier);
    }

    public TreeHead head() {
        return new TreeHead(size(), root());
    }
}
