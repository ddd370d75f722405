package org.vrs.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns committed events into leaves and nodes, inside the integrator's transaction. Its memory
 * (the tree's compact range and each file's latest leaf hash) is a cache of committed rows: it is
 * checked against the stored tree size at every batch and dropped on rollback, so a batch that
 * does not commit leaves no trace here either.
 */
final class LeafAppender {

    private static final Logger log = LoggerFactory.getLogger(LeafAppender.class);
    private static final int FILE_CACHE_SIZE = 100_000;

    private final LedgerStore store;
    private TreeAppender tree;
    private final Map<String, Sha256> fileHeads = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Sha256> eldest) {
            return size() > FILE_CACHE_SIZE;
        }
    };
    private final Map<String, Sha256> uncommittedHeads = new HashMap<>();

    LeafAppender(LedgerStore store) {
        this.store = store;
    }

    /**
     * Appends one leaf per event, in the given order, and stores leaves and new nodes. Events that
     * already have a leaf are skipped: Axon's delivery is at-least-once, and a reset or set-back
     * token delivers old events again.
     *
     * @param delivered the events' identifiers, in the order the processor delivered them
     * @return the tree size after the batch
     */
    synchronized TreeSize append(Collection<String> delivered) {
        long started = System.nanoTime();
        Set<String> eventIds = new LinkedHashSet<>(delivered);
        restoreIfStale();
        LedgerStore.EventRows found = store.events(eventIds);
        if (!found.withLeaf().isEmpty()) {
            log.info("skipped {} of {} delivered events that already have leaves: redelivered, or the ledger's token "
                    + "was reset", found.withLeaf().size(), eventIds.size());
        }
        prefetchFileHeads(found.rows().values());
        List<LedgerStore.LeafRow> leaves = new ArrayList<>(eventIds.size());
        List<Node> nodes = new ArrayList<>(eventIds.size());
        for (String eventId : eventIds) {
            if (found.withLeaf().contains(eventId)) {
                continue;
            }
            StoredEvent row = found.rows().get(eventId);
            if (row == null) {
                throw new IllegalStateException("the processor delivered event " + eventId
                        + ", but domain_event_entry has no row with that identifier");
            }
            leaves.add(appendLeaf(row, nodes));
        }
        store.insertLeaves(leaves);
        store.insertNodes(nodes);
        if (log.isDebugEnabled()) {
            log.debug("appended {} leaves and {} nodes in {} ms; tree size {}", leaves.size(), nodes.size(),
                    (System.nanoTime() - started) / 1_000_000, tree.size());
        }
        return tree.size();
    }

    /** The batch committed: what it appended is now stored. */
    synchronized void committed() {
        fileHeads.putAll(uncommittedHeads);
        uncommittedHeads.clear();
    }

    /** The batch rolled back: forget everything, the next batch restores from the database. */
    synchronized void rolledBack() {
        tree = null;
        fileHeads.clear();
        uncommittedHeads.clear();
    }

    private LedgerStore.LeafRow appendLeaf(StoredEvent row, List<Node> nodes) {
        String fileId = row.fileId();
        Sha256 previous = fileId == null ? Sha256.ZERO : headOf(fileId);
        byte[] leaf = row.toLeaf(previous).encode();
        Sha256 leafHash = MerkleHasher.hashLeaf(leaf);
        long leafIndex = tree.size().value();
        for (Node node : tree.append(leafHash)) {
            if (node.id().level() > 0) {
                nodes.add(node);
            }
        }
        if (fileId != null) {
            uncommittedHeads.put(fileId, leafHash);
        }
        return new LedgerStore.LeafRow(leafIndex, row.globalIndex(), row.eventId(), fileId, leaf, leafHash);
    }

    private Sha256 headOf(String fileId) {
        Sha256 head = uncommittedHeads.get(fileId);
        if (head == null) {
            head = fileHeads.get(fileId);
        }
        return head == null ? Sha256.ZERO : head;
    }

    /** Reads the latest leaf of each file of the batch that is not in memory, in one query. */
    private void prefetchFileHeads(Iterable<StoredEvent> rows) {
        Set<String> missing = new HashSet<>();
        for (StoredEvent row : rows) {
            String fileId = row.fileId();
            if (fileId != null && !uncommittedHeads.containsKey(fileId) && !fileHeads.containsKey(fileId)) {
                missing.add(fileId);
            }
        }
        fileHeads.putAll(store.lastLeafHashes(missing));
    }

    /**
     * Another instance may have appended while this one did not hold the token claim, or a batch
     * may have rolled back: the stored size is the truth.
     */
    private void restoreIfStale() {
        TreeSize stored = store.treeSize();
        if (tree == null || !tree.size().equals(stored)) {
            if (tree != null) {
                log.info("ledger holds {} leaves, this instance expected {}: restoring the tree from the node table",
                        stored, tree.size());
            }
            tree = TreeAppender.restore(stored, store);
            fileHeads.clear();
            uncommittedHeads.clear();
        }
    }
}
