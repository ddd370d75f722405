package org.vrs.ledger;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The verifier's pass over the leaves in index order: each leaf is recomputed from its event row
 * and checked, appended to a fresh tree, the nodes it completes compared with the stored ones, and
 * every checkpoint compared when the tree reaches its size. Each step returns the divergence it
 * found, or {@code null}.
 */
final class LeafWalk {

    /** A row of {@code ledger_leaf}. */
    record StoredLeaf(long leafIndex, long globalIndex, String eventId, String fileId, byte[] leaf, byte[] leafHash) {
    }

    private final TokenCoverage token;
    private final CheckpointSet checkpoints;
    private final NodeCursor nodes;
    private final TreeAppender tree;
    private final Map<String, VerifyState.FileHead> files;
    private Sha256 firstLeafHash;
    private Sha256 lastLeafHash;

    LeafWalk(TokenCoverage token, CheckpointSet checkpoints, NodeCursor nodes) {
        this.token = token;
        this.checkpoints = checkpoints;
        this.nodes = nodes;
        this.tree = TreeAppender.empty();
        this.files = new HashMap<>();
    }

    /**
     * Continues where an earlier walk saved its state: the same tree, file heads and positions in
     * the node and checkpoint streams, so the remaining leaves get exactly the checks they would
     * get in one walk. {@code nodes} must hold only the nodes completed after the saved size.
     */
    LeafWalk(TokenCoverage token, CheckpointSet checkpoints, NodeCursor nodes, VerifyState saved) {
        this.token = token;
        this.checkpoints = checkpoints;
        this.nodes = nodes;
        this.tree = TreeAppender.resume(saved.treeSize, saved.frontier);
        this.files = saved.files;
        this.firstLeafHash = saved.firstLeafHash;
        this.lastLeafHash = saved.lastLeafHash;
        checkpoints.skipBelow(tree.size());
    }

    /** The walk's state after its last leaf, for a later walk to resume from; null before the first leaf. */
    VerifyState state(Sha256 settings, long nodesComparedBefore) {
        if (lastLeafHash == null) {
            return null;
        }
        return new VerifyState(settings, firstLeafHash, tree.size().value(), lastLeafHash, tree.frontier(),
                nodesComparedBefore + nodes.compared(), files);
    }

    /** Checkpoints of the empty tree, before the first leaf. */
    Divergence start() {
        return checkpoints.checkAt(tree.size(), tree.root());
    }

    /**
     * @param row the event row at the leaf's global index, or {@code null} if there is none
     */
    Divergence next(StoredLeaf stored, StoredEvent row) throws SQLException {
        LeafIndex index = new LeafIndex(tree.size().value());
        if (stored.leafIndex() != index.value()) {
            return new Divergence.LeafIndexGap(index, new LeafIndex(stored.leafIndex()));
        }
        if (!token.reached(stored.globalIndex())) {
            return new Divergence.TokenBehindLeaf(index, stored.eventId(), stored.globalIndex(), token.describe());
        }
        if (row == null) {
            return new Divergence.EventRowMissing(index, stored.eventId(), stored.globalIndex());
        }
        Divergence divergence = checkLeaf(index, stored, row);
        if (divergence == null) {
            divergence = appendAndCompareNodes(Sha256.of(stored.leafHash()));
        }
        if (divergence == null) {
            divergence = checkpoints.checkAt(tree.size(), tree.root());
        }
        if (divergence == null) {
            lastLeafHash = Sha256.of(stored.leafHash());
            if (firstLeafHash == null) {
                firstLeafHash = lastLeafHash;
            }
        }
        return divergence;
    }

    /** Nodes or checkpoints left over beyond the last leaf. */
    Divergence finish() {
        Node extra = nodes.peek();
        if (extra != null) {
            return new Divergence.NodeMismatch(extra.id(), extra.hash(), null);
        }
        return checkpoints.beyond(tree.size());
    }

    TreeHead head() {
        return tree.head();
    }

    long files() {
        return files.size();
    }

    private Divergence checkLeaf(LeafIndex index, StoredLeaf stored, StoredEvent row) {
        String fileId = row.fileId();
        VerifyState.FileHead head = fileId == null ? null : files.get(fileId);
        LeafData recomputed;
        try {
            recomputed = row.toLeaf(head == null ? Sha256.ZERO : head.leafHash());
        } catch (StoredEvent.LeafDerivationException e) {
            return new Divergence.EventRowUnreadable(index, stored.eventId(), stored.globalIndex(), e.getMessage());
        }
        byte[] bytes = recomputed.encode();
        if (!Arrays.equals(bytes, stored.leaf())) {
            return LeafFields.difference(index, row, stored.leaf(), recomputed);
        }
        if (!Objects.equals(stored.eventId(), row.eventId()) || !Objects.equals(stored.fileId(), fileId)) {
            boolean eventIdDiffers = !Objects.equals(stored.eventId(), row.eventId());
            return new Divergence.LeafMismatch(index, row.eventId(), row.globalIndex(),
                    eventIdDiffers ? "ledger_leaf.event_identifier" : "ledger_leaf.file_id",
                    String.valueOf(eventIdDiffers ? stored.eventId() : stored.fileId()),
                    String.valueOf(eventIdDiffers ? row.eventId() : fileId));
        }
        Sha256 hash = MerkleHasher.hashLeaf(bytes);
        if (stored.leafHash().length != Sha256.LENGTH || !Arrays.equals(hash.unsafeBytes(), stored.leafHash())) {
            return new Divergence.LeafHashMismatch(index, stored.eventId(),
                    stored.leafHash().length == Sha256.LENGTH ? Sha256.of(stored.leafHash()) : null, hash);
        }
        if (fileId != null) {
            long due = head == null ? 0 : head.sequence() + 1;
            if (row.sequence() != due) {
                return new Divergence.FileSequenceGap(index, row.eventId(), fileId, row.sequence(), due);
            }
            files.put(fileId, new VerifyState.FileHead(row.sequence(), hash));
        }
        return null;
    }

    private Divergence appendAndCompareNodes(Sha256 leafHash) throws SQLException {
        for (Node computed : tree.append(leafHash)) {
            if (computed.id().level() == 0) {
                continue;
            }
            Node stored = nodes.peek();
            if (stored != null && NodeCursor.compare(stored.id(), computed.id()) < 0) {
                return new Divergence.NodeMismatch(stored.id(), stored.hash(), null);
            }
            if (stored == null || !stored.id().equals(computed.id())) {
                return new Divergence.NodeMismatch(computed.id(), null, computed.hash());
            }
            if (!stored.hash().equals(computed.hash())) {
                return new Divergence.NodeMismatch(computed.id(), stored.hash(), computed.hash());
            }
            nodes.advance();
        }
        return null;
    }
}
