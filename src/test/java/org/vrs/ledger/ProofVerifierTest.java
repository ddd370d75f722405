package org.vrs.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Edge cases of the verifier; the exhaustive checks are in {@link ProofPropertiesTest}. */
class ProofVerifierTest {

    private static final Sha256 LEAF = MerkleHasher.hashLeaf(new byte[] {1});
    private static final Sha256 OTHER = MerkleHasher.hashLeaf(new byte[] {2});
    private static final Sha256 EMPTY = MerkleHasher.emptyRoot();

    @Test
    void nothingIsIncludedInTheEmptyTree() {
        ProofException thrown = failure(() -> ProofVerifier.verifyInclusion(new LeafIndex(0), LEAF, List.of(), head(0, EMPTY)));

        assertThat(thrown.failure()).isEqualTo(new ProofFailure.IndexBeyondSize(new LeafIndex(0), TreeSize.EMPTY));
        assertThat(thrown).hasMessage("leaf index 0 is beyond tree size 0");
    }

    @Test
    void checksTheIndexBeforeTheProofLength() {
        ProofException thrown = failure(() -> ProofVerifier.rootFromInclusionProof(
                new LeafIndex(9), new TreeSize(4), LEAF, List.of(OTHER, OTHER, OTHER, OTHER, OTHER)));

        assertThat(thrown.failure()).isEqualTo(new ProofFailure.IndexBeyondSize(new LeafIndex(9), new TreeSize(4)));
    }

    @Test
    void theOnlyLeafOfATreeIsItsRoot() throws ProofException {
        assertThat(ProofVerifier.rootFromInclusionProof(new LeafIndex(0), new TreeSize(1), LEAF, List.of())).isEqualTo(LEAF);

        ProofException thrown = failure(() -> ProofVerifier.verifyInclusion(new LeafIndex(0), LEAF, List.of(), head(1, OTHER)));

        assertThat(thrown.failure()).isEqualTo(new ProofFailure.RootMismatch(new TreeSize(1), OTHER, LEAF));
        assertThat(thrown).hasMessage("root calculated for tree size 1 is " + LEAF + ", expected " + OTHER);
    }

    @Test
    void namesBothLengthsOfAWrongProof() {
        ProofException thrown = failure(() -> ProofVerifier.rootFromInclusionProof(
                new LeafIndex(0), new TreeSize(8), LEAF, List.of(OTHER, OTHER)));

        assertThat(thrown.failure()).isEqualTo(new ProofFailure.WrongProofLength(2, 3));
        assertThat(thrown).hasMessage("proof has 2 hashes, but 3 are needed");
    }

    @Test
    void theEmptyTreeIsAPrefixOfEveryTree() throws ProofException {
        ProofVerifier.verifyConsistency(head(0, EMPTY), head(5, OTHER), List.of());
        ProofVerifier.verifyConsistency(head(0, EMPTY), head(0, EMPTY), List.of());
    }

    @Test
    void theEmptyTreeHasOnlyTheEmptyRoot() {
        assertThat(failure(() -> ProofVerifier.verifyConsistency(head(0, LEAF), head(5, OTHER), List.of())).failure())
                .isEqualTo(new ProofFailure.RootMismatch(TreeSize.EMPTY, LEAF, EMPTY));
        assertThat(failure(() -> ProofVerifier.verifyConsistency(head(0, LEAF), head(0, LEAF), List.of())).failure())
                .isEqualTo(new ProofFailure.RootMismatch(TreeSize.EMPTY, LEAF, EMPTY));
    }

    @Test
    void aTreeIsConsistentOnlyWithItsOwnRootAtTheSameSize() throws ProofException {
        ProofVerifier.verifyConsistency(head(3, LEAF), head(3, LEAF), List.of());

        assertThat(failure(() -> ProofVerifier.verifyConsistency(head(3, LEAF), head(3, OTHER), List.of())).failure())
                .isEqualTo(new ProofFailure.RootMismatch(new TreeSize(3), OTHER, LEAF));
        assertThat(failure(() -> ProofVerifier.verifyConsistency(head(3, LEAF), head(3, LEAF), List.of(LEAF))).failure())
                .isEqualTo(new ProofFailure.WrongProofLength(1, 0));
    }

    @Test
    void refusesAnEmptyProofBetweenDifferentSizes() {
        assertThat(failure(() -> ProofVerifier.verifyConsistency(head(1, LEAF), head(2, OTHER), List.of())).failure())
                .isEqualTo(new ProofFailure.WrongProofLength(0, 1));
    }

    @Test
    void refusesSizesInTheWrongOrderBeforeAnythingElse() {
        ProofException thrown = failure(() -> ProofVerifier.verifyConsistency(head(7, LEAF), head(6, OTHER), List.of()));

        assertThat(thrown.failure()).isEqualTo(new ProofFailure.SizeOrder(new TreeSize(7), new TreeSize(6)));
    }

    private static TreeHead head(long size, Sha256 root) {
        return new TreeHead(new TreeSize(size), root);
    }

    private static ProofException failure(ThrowingCallable verification) {
        ProofException thrown = catchThrowableOfType(verification, ProofException.class);
        assertThat(thrown).as("verification should fail").isNotNull();
        return thrown;
    }
}
