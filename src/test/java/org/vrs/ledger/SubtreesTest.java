package org.vrs.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which stored nodes a proof reads, against the node lists published in transparency-dev/merkle
 * {@code proof/proof_test.go} (TestInclusion, TestConsistency). There a "rehash" group lists the
 * nodes of one non-perfect subtree bottom-up; here each group lists them left to right.
 */
class SubtreesTest {

    @Test
    void inclusionPathsReadThePublishedNodes() {
        assertThat(nodes(Subtrees.inclusionPath(0, 1))).isEmpty();
        assertThat(nodes(Subtrees.inclusionPath(1, 3))).containsExactly(List.of(id(0, 0)), List.of(id(0, 2)));
        assertThat(nodes(Subtrees.inclusionPath(0, 7)))
                .containsExactly(List.of(id(0, 1)), List.of(id(1, 1)), List.of(id(1, 2), id(0, 6)));
        assertThat(nodes(Subtrees.inclusionPath(4, 7)))
                .containsExactly(List.of(id(0, 5)), List.of(id(0, 6)), List.of(id(2, 0)));
        assertThat(nodes(Subtrees.inclusionPath(3, 5)))
                .containsExactly(List.of(id(0, 2)), List.of(id(1, 0)), List.of(id(0, 4)));
        assertThat(nodes(Subtrees.inclusionPath(10, 15)))
                .containsExactly(List.of(id(0, 11)), List.of(id(1, 4)), List.of(id(1, 6), id(0, 14)), List.of(id(3, 0)));
        assertThat(nodes(Subtrees.inclusionPath(81, 95))).containsExactly(
                List.of(id(0, 80)), List.of(id(1, 41)), List.of(id(2, 21)),
                List.of(id(2, 22), id(1, 46), id(0, 94)), List.of(id(4, 4)), List.of(id(6, 0)));
    }

    @Test
    void consistencyPathsReadThePublishedNodes() {
        assertThat(nodes(Subtrees.consistencyPath(1, 2))).containsExactly(List.of(id(0, 1)));
        assertThat(nodes(Subtrees.consistencyPath(2, 8))).containsExactly(List.of(id(1, 1)), List.of(id(2, 1)));
        assertThat(nodes(Subtrees.consistencyPath(3, 7))).containsExactly(
                List.of(id(0, 2)), List.of(id(0, 3)), List.of(id(1, 0)), List.of(id(1, 2), id(0, 6)));
        assertThat(nodes(Subtrees.consistencyPath(4, 7))).containsExactly(List.of(id(1, 2), id(0, 6)));
        assertThat(nodes(Subtrees.consistencyPath(7, 8))).containsExactly(
                List.of(id(0, 6)), List.of(id(0, 7)), List.of(id(1, 2)), List.of(id(2, 0)));
        assertThat(nodes(Subtrees.consistencyPath(24, 31))).containsExactly(
                List.of(id(3, 2)), List.of(id(2, 6), id(1, 14), id(0, 30)), List.of(id(4, 0)));
        assertThat(nodes(Subtrees.consistencyPath(81, 95))).containsExactly(
                List.of(id(0, 80)), List.of(id(0, 81)), List.of(id(1, 41)), List.of(id(2, 21)),
                List.of(id(2, 22), id(1, 46), id(0, 94)), List.of(id(4, 4)), List.of(id(6, 0)));
    }

    @Test
    void aRangeDecomposesIntoItsBinaryDigits() {
        assertThat(Subtrees.perfectNodes(new Subtrees.Range(0, 13)))
                .containsExactly(id(3, 0), id(2, 2), id(0, 12));
        assertThat(Subtrees.perfectNodes(new Subtrees.Range(64, 96))).containsExactly(id(5, 2));
    }

    private static List<List<NodeId>> nodes(List<Subtrees.Range> ranges) {
        return ranges.stream().map(Subtrees::perfectNodes).toList();
    }

    private static NodeId id(int level, long index) {
        return new NodeId(level, index);
    }
}
