package org.vrs.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TreeAppenderTest {

    private static final int MAX = 64;
    private static final List<Sha256> LEAVES = ReferenceTree.leafHashes(MAX);
    private static final ReferenceTree REFERENCE = new ReferenceTree(LEAVES);

    @Test
    void emitsExactlyThePerfectSubtreesAndTracksTheRoot() {
        TreeAppender appender = TreeAppender.empty();
        MapNodeSource store = new MapNodeSource();
        for (int size = 1; size <= MAX; size++) {
            List<Node> completed = appender.append(LEAVES.get(size - 1));
            store.putAll(completed);

            assertThat(completed.get(0)).isEqualTo(new Node(new NodeId(0, size - 1), LEAVES.get(size - 1)));
            assertThat(completed).hasSize(1 + Integer.numberOfTrailingZeros(size));
            assertThat(appender.head()).isEqualTo(new TreeHead(new TreeSize(size), REFERENCE.root(size)));
            assertThat(store.snapshot().keySet()).isEqualTo(perfectNodes(size));
        }
        for (Map.Entry<NodeId, Sha256> node : store.snapshot().entrySet()) {
            NodeId id = node.getKey();
            assertThat(node.getValue()).as("node %s", id)
                    .isEqualTo(REFERENCE.hash((int) id.firstLeaf(), (int) (id.firstLeaf() + id.leafCount())));
        }
    }

    @Test
    void storesTwoNodesPerLeafLessThePopcount() {
        MapNodeSource store = MapNodeSource.of(ReferenceTree.leafHashes(1000));

        assertThat(store.size()).isEqualTo(2 * 1000 - Integer.bitCount(1000));
    }

    @Test
    void aRestoredAppenderContinuesAsIfNeverStopped() {
        MapNodeSource full = MapNodeSource.of(LEAVES);
        for (int stoppedAt = 0; stoppedAt < MAX; stoppedAt++) {
            MapNodeSource store = MapNodeSource.of(LEAVES.subList(0, stoppedAt));
            TreeAppender restored = TreeAppender.restore(new TreeSize(stoppedAt), store);

            assertThat(restored.head()).isEqualTo(new TreeHead(new TreeSize(stoppedAt), REFERENCE.root(stoppedAt)));
            assertThat(store.reads).isEqualTo(Integer.bitCount(stoppedAt));
            for (Sha256 leaf : LEAVES.subList(stoppedAt, MAX)) {
                store.putAll(restored.append(leaf));
            }
            assertThat(store.snapshot()).as("stopped at %d", stoppedAt).isEqualTo(full.snapshot());
            assertThat(restored.root()).isEqualTo(REFERENCE.root(MAX));
        }
    }

    @Test
    void refusesToRestoreFromAStoreThatLacksTheCompactRange() {
        MapNodeSource store = MapNodeSource.of(LEAVES.subList(0, 5));

        assertThatThrownBy(() -> TreeAppender.restore(new TreeSize(6), store))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("node source lacks the compact range of tree size 6: "
                        + "[NodeId[level=2, index=0], NodeId[level=1, index=2]]");
    }

    private static Set<NodeId> perfectNodes(int size) {
        Set<NodeId> ids = new HashSet<>();
        for (int level = 0; (1 << level) <= size; level++) {
            for (int index = 0; (index + 1) << level <= size; index++) {
                ids.add(new NodeId(level, index));
            }
        }
        return ids;
    }
}
