package org.vrs.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeReaderTest {

    private static final List<Sha256> LEAVES = ReferenceTree.leafHashes(8);
    private static final TreeReader READER = new TreeReader(MapNodeSource.of(LEAVES));

    @Test
    void refusesALeafBeyondTheSize() {
        ProofException thrown = catchThrowableOfType(
                () -> READER.inclusionProof(new LeafIndex(5), new TreeSize(5)), ProofException.class);

        assertThat(thrown.failure()).isEqualTo(new ProofFailure.IndexBeyondSize(new LeafIndex(5), new TreeSize(5)));
        assertThat(thrown).hasMessage("leaf index 5 is beyond tree size 5");
    }

    @Test
    void refusesAConsistencyProofBackwards() {
        ProofException thrown = catchThrowableOfType(
                () -> READER.consistencyProof(new TreeSize(6), new TreeSize(4)), ProofException.class);

        assertThat(thrown.failure()).isEqualTo(new ProofFailure.SizeOrder(new TreeSize(6), new TreeSize(4)));
        assertThat(thrown).hasMessage("tree size 6 is larger than tree size 4, so it cannot be a prefix of it");
    }

    @Test
    void consistencyFromEmptyOrToTheSameSizeNeedsNoHashes() throws ProofException {
        assertThat(READER.consistencyProof(TreeSize.EMPTY, new TreeSize(5))).isEmpty();
        assertThat(READER.consistencyProof(new TreeSize(5), new TreeSize(5))).isEmpty();
        assertThat(READER.consistencyProof(TreeSize.EMPTY, TreeSize.EMPTY)).isEmpty();
    }

    @Test
    void namesTheNodeTheStoreLacks() {
        TreeReader reader = new TreeReader(MapNodeSource.of(LEAVES.subList(0, 3)));

        assertThatThrownBy(() -> reader.root(new TreeSize(4)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("node source has no hash for NodeId[level=2, index=0]");
    }

    /**
     * In a tree whose leaves are all equal, every node of a level has the same hash, so a node
     * source can answer for a hundred million leaves without storing them, and count the reads.
     */
    @Test
    void readsLogarithmicallyManyNodesInOneBatchForHugeTrees() throws ProofException {
        UniformTree source = new UniformTree();
        TreeReader reader = new TreeReader(source);
        long[] sizes = {100_000_000L, 100_000_007L, (1L << 40) - 1, Long.MAX_VALUE};
        for (long n : sizes) {
            TreeSize size = new TreeSize(n);
            int log2 = 64 - Long.numberOfLeadingZeros(n);
            TreeHead head = new TreeHead(size, reader.root(size));
            for (long m : new long[] {0, 1, n / 3, n - 2, n - 1}) {
                source.reset();
                List<Sha256> inclusion = reader.inclusionProof(new LeafIndex(m), size);
                assertThat(source.batches).isEqualTo(1);
                assertThat(source.reads).as("reads for leaf %d of %d", m, n).isLessThanOrEqualTo(2 * log2);
                ProofVerifier.verifyInclusion(new LeafIndex(m), source.leaf, inclusion, head);

                TreeSize older = new TreeSize(Math.max(1, m));
                source.reset();
                List<Sha256> consistency = reader.consistencyProof(older, size);
                assertThat(source.batches).isEqualTo(1);
                assertThat(source.reads).as("reads for %s -> %d", older, n).isLessThanOrEqualTo(2 * log2);
                ProofVerifier.verifyConsistency(new TreeHead(older, reader.root(older)), head, consistency);
            }
        }
    }

    private static final class UniformTree implements NodeSource {
        final Sha256 leaf = MerkleHasher.hashLeaf(new byte[] {42});
        private final List<Sha256> levels = new ArrayList<>(List.of(leaf));
        int reads;
        int batches;

        UniformTree() {
            for (int level = 1; level < 63; level++) {
                Sha256 below = levels.get(level - 1);
                levels.add(MerkleHasher.hashChildren(below, below));
            }
        }

        void reset() {
            reads = 0;
            batches = 0;
        }

        @Override
        public Sha256 hash(NodeId id) {
            reads++;
            return levels.get(id.level());
        }

        @Override
        public List<Sha256> hashes(List<NodeId> ids) {
            batches++;
            return NodeSource.super.hashes(ids);
        }
    }
}
