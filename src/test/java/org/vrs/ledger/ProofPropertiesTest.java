package org.vrs.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Every proof of every tree up to 64 leaves verifies and equals the RFC's recursive definition;
 * every way of corrupting one fails with the failure that names the corruption.
 */
class ProofPropertiesTest {

    private static final int MAX = 64;
    private static final List<Sha256> LEAVES = ReferenceTree.leafHashes(MAX);
    private static final ReferenceTree REFERENCE = new ReferenceTree(LEAVES);
    private static final TreeReader READER = new TreeReader(MapNodeSource.of(LEAVES));

    @Test
    void everyInclusionProofEqualsTheRfcPathAndVerifies() throws ProofException {
        for (int size = 1; size <= MAX; size++) {
            for (int index = 0; index < size; index++) {
                List<Sha256> proof = inclusionProof(index, size);

                assertThat(proof).as("proof of %d in %d", index, size).isEqualTo(REFERENCE.path(index, 0, size));
                ProofVerifier.verifyInclusion(new LeafIndex(index), LEAVES.get(index), proof, head(size));
            }
        }
    }

    @Test
    void everyConsistencyProofEqualsTheRfcSubproofAndVerifies() throws ProofException {
        for (int size2 = 1; size2 <= MAX; size2++) {
            for (int size1 = 1; size1 <= size2; size1++) {
                List<Sha256> proof = consistencyProof(size1, size2);

                assertThat(proof).as("proof %d -> %d", size1, size2).isEqualTo(REFERENCE.subproof(size1, 0, size2, true));
                ProofVerifier.verifyConsistency(head(size1), head(size2), proof);
            }
        }
    }

    @Test
    void alteredInclusionProofsFailWithTheMatchingFailure() throws ProofException {
        for (int size = 1; size <= MAX; size++) {
            for (int index = 0; index < size; index++) {
                List<Sha256> proof = inclusionProof(index, size);
                int length = proof.size();
                Sha256 leaf = LEAVES.get(index);

                if (length > 0) {
                    assertThat(inclusionFailure(index, leaf, proof.subList(0, length - 1), head(size)))
                            .isEqualTo(new ProofFailure.WrongProofLength(length - 1, length));
                }
                assertThat(inclusionFailure(index, leaf, append(proof, head(size).root()), head(size)))
                        .isEqualTo(new ProofFailure.WrongProofLength(length + 1, length));
                assertExpectedInclusionFailure(index + 1, size, leaf, proof);
                if (index > 0) {
                    assertExpectedInclusionFailure(index - 1, size, leaf, proof);
                }
                assertExpectedInclusionFailure(index, size + 1, leaf, proof);
                assertRootMismatch(inclusionFailure(index, LEAVES.get((index + 1) % MAX), proof, head(size)), head(size));
                for (int element = 0; element < length; element++) {
                    List<Sha256> flipped = flipBit(proof, element, (element * 37 + index + size) % 256);
                    assertRootMismatch(inclusionFailure(index, leaf, flipped, head(size)), head(size));
                }
            }
        }
    }

    @Test
    void alteredConsistencyProofsFailWithTheMatchingFailure() throws ProofException {
        for (int size2 = 2; size2 <= MAX; size2++) {
            for (int size1 = 1; size1 < size2; size1++) {
                List<Sha256> proof = consistencyProof(size1, size2);
                int length = proof.size();

                assertThat(consistencyFailure(head(size2), head(size1), proof))
                        .isEqualTo(new ProofFailure.SizeOrder(new TreeSize(size2), new TreeSize(size1)));
                assertThat(consistencyFailure(head(size1), head(size2), proof.subList(0, length - 1)))
                        .isEqualTo(new ProofFailure.WrongProofLength(length - 1, length));
                assertThat(consistencyFailure(head(size1), head(size2), append(proof, proof.get(0))))
                        .isEqualTo(new ProofFailure.WrongProofLength(length + 1, length));
                assertExpectedConsistencyFailure(size1 + 1, size1, size2, size2, proof);
                assertExpectedConsistencyFailure(size1 - 1, size1, size2, size2, proof);
                assertExpectedConsistencyFailure(size1 ^ 2, size1, size2, size2, proof);
                // Not size2 +- 1: a proof fixes size1 to root1 but size2 only through its shape, so the
                // proof 2 -> 3 also verifies as 2 -> 4 against the size-3 root. Signed heads bind the rest.
                assertExpectedConsistencyFailure(size1, size1, size2 * 2, size2, proof);
                assertExpectedConsistencyFailure(size1, size1, size2 / 2, size2, proof);
                for (int element = 0; element < length; element++) {
                    List<Sha256> flipped = flipBit(proof, element, (element * 37 + size1 + size2) % 256);
                    assertRootMismatch(consistencyFailure(head(size1), head(size2), flipped), head(size1), head(size2));
                }
            }
        }
    }

    @Property(tries = 500)
    void anySingleBitFlipInAnInclusionProofIsCaught(
            @ForAll @IntRange(min = 2, max = MAX) int size,
            @ForAll @IntRange(min = 0, max = MAX - 1) int index,
            @ForAll @IntRange(min = 0, max = 6) int element,
            @ForAll @IntRange(min = 0, max = 255) int bit) throws ProofException {
        Assume.that(index < size);
        List<Sha256> proof = inclusionProof(index, size);
        Assume.that(element < proof.size());

        assertRootMismatch(inclusionFailure(index, LEAVES.get(index), flipBit(proof, element, bit), head(size)), head(size));
    }

    @Property(tries = 500)
    void anySingleBitFlipInAConsistencyProofIsCaught(
            @ForAll @IntRange(min = 1, max = MAX - 1) int size1,
            @ForAll @IntRange(min = 2, max = MAX) int size2,
            @ForAll @IntRange(min = 0, max = 11) int element,
            @ForAll @IntRange(min = 0, max = 255) int bit) throws ProofException {
        Assume.that(size1 < size2);
        List<Sha256> proof = consistencyProof(size1, size2);
        Assume.that(element < proof.size());

        assertRootMismatch(consistencyFailure(head(size1), head(size2), flipBit(proof, element, bit)),
                head(size1), head(size2));
    }

    /** Checks the proof of {@code index} in {@code size} as if it were for other numbers. */
    private static void assertExpectedInclusionFailure(int index, int size, Sha256 leaf, List<Sha256> proof) {
        TreeHead claimed = new TreeHead(new TreeSize(size), head(Math.min(size, MAX)).root());
        ProofFailure failure = inclusionFailure(index, leaf, proof, claimed);
        if (index >= size) {
            assertThat(failure).isEqualTo(new ProofFailure.IndexBeyondSize(new LeafIndex(index), new TreeSize(size)));
            return;
        }
        int want = Subtrees.inclusionPath(index, size).size();
        if (want != proof.size()) {
            assertThat(failure).isEqualTo(new ProofFailure.WrongProofLength(proof.size(), want));
        } else {
            assertRootMismatch(failure, claimed);
        }
    }

    /** Checks the proof of {@code realSize1 -> realSize2} as if it were for other sizes, keeping the roots. */
    private static void assertExpectedConsistencyFailure(int size1, int realSize1, int size2, int realSize2,
            List<Sha256> proof) {
        TreeHead older = new TreeHead(new TreeSize(size1), head(realSize1).root());
        TreeHead newer = new TreeHead(new TreeSize(size2), head(realSize2).root());
        ProofFailure failure = consistencyFailure(older, newer, proof);
        if (size1 > size2) {
            assertThat(failure).isEqualTo(new ProofFailure.SizeOrder(older.size(), newer.size()));
            return;
        }
        int want = size1 == 0 || size1 == size2 ? 0 : Subtrees.consistencyPath(size1, size2).size();
        if (want != proof.size()) {
            assertThat(failure).isEqualTo(new ProofFailure.WrongProofLength(proof.size(), want));
        } else {
            assertRootMismatch(failure, older, newer);
        }
    }

    /** A root mismatch that names one of the trusted heads with its own size and root. */
    private static void assertRootMismatch(ProofFailure failure, TreeHead... trusted) {
        assertThat(failure).isInstanceOf(ProofFailure.RootMismatch.class);
        ProofFailure.RootMismatch mismatch = (ProofFailure.RootMismatch) failure;
        assertThat(new TreeHead(mismatch.size(), mismatch.expected())).isIn((Object[]) trusted);
        assertThat(mismatch.calculated()).isNotEqualTo(mismatch.expected());
    }

    private static ProofFailure inclusionFailure(int index, Sha256 leaf, List<Sha256> proof, TreeHead head) {
        return failureOf(() -> ProofVerifier.verifyInclusion(new LeafIndex(index), leaf, proof, head));
    }

    private static ProofFailure consistencyFailure(TreeHead older, TreeHead newer, List<Sha256> proof) {
        return failureOf(() -> ProofVerifier.verifyConsistency(older, newer, proof));
    }

    private static ProofFailure failureOf(ThrowingCallable verification) {
        ProofException thrown = catchThrowableOfType(verification, ProofException.class);
        assertThat(thrown).as("verification should fail").isNotNull();
        assertThat(thrown).hasMessage(thrown.failure().message());
        return thrown.failure();
    }

    private static List<Sha256> inclusionProof(int index, int size) throws ProofException {
        return READER.inclusionProof(new LeafIndex(index), new TreeSize(size));
    }

    private static List<Sha256> consistencyProof(int size1, int size2) throws ProofException {
        return READER.consistencyProof(new TreeSize(size1), new TreeSize(size2));
    }

    private static TreeHead head(int size) {
        return new TreeHead(new TreeSize(size), REFERENCE.root(size));
    }

    private static List<Sha256> append(List<Sha256> proof, Sha256 extra) {
        List<Sha256> longer = new ArrayList<>(proof);
        longer.add(extra);
        return longer;
    }

    private static List<Sha256> flipBit(List<Sha256> proof, int element, int bit) {
        byte[] bytes = proof.get(element).bytes();
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        List<Sha256> flipped = new ArrayList<>(proof);
        flipped.set(element, Sha256.of(bytes));
        return flipped;
    }
}
