package org.vrs.ledger;

import java.util.List;
import java.util.Objects;

/**
 * Verifies RFC 9162 inclusion (section 2.1.3.2) and consistency (section 2.1.4.2) proofs.
 *
 * <p>Every check of sizes, index and proof length happens before any hashing, and each failure
 * names its numbers ({@link ProofFailure}). {@code rootFrom...} computes a root so a caller can
 * compare it with a signed checkpoint; {@code verify...} is that plus one comparison.
 */
public final class ProofVerifier {

    private ProofVerifier() {
    }

    /**
     * The root of the tree of {@code size} implied by the leaf hash and its inclusion proof.
     *
     * @throws ProofException with {@link ProofFailure.IndexBeyondSize} or {@link ProofFailure.WrongProofLength}
     */
    public static Sha256 rootFromInclusionProof(LeafIndex index, TreeSize size, Sha256 leafHash, List<Sha256> proof)
            throws ProofException {
        Objects.requireNonNull(leafHash, "leafHash");
        List<Sha256> hashes = List.copyOf(proof);
        if (!size.includes(index)) {
            throw new ProofException(new ProofFailure.IndexBeyondSize(index, size));
        }
        long leaf = index.value();
        // Below level `inner` the leaf's path and the tree's last leaf's path differ, so every node
        // there has a sibling. From `inner` up the path runs on the right border, where a node has a
        // (left) sibling only where the index has a one-bit; elsewhere it is promoted unhashed.
        int inner = 64 - Long.numberOfLeadingZeros(leaf ^ (size.value() - 1));
        int border = Long.bitCount(leaf >>> inner);
        requireLength(hashes, inner + border);
        Sha256 root = leafHash;
        for (int level = 0; level < inner; level++) {
            Sha256 sibling = hashes.get(level);
            root = ((leaf >>> level) & 1) == 0
                    ? MerkleHasher.hashChildren(root, sibling)
                    : MerkleHasher.hashChildren(sibling, root);
        }
        return chainLeftSiblings(root, hashes.subList(inner, hashes.size()));
    }

    /**
     * Checks that the leaf is in the tree of the given head.
     *
     * @throws ProofException with any failure of {@link #rootFromInclusionProof}, or
     *     {@link ProofFailure.RootMismatch} for the head's size
     */
    public static void verifyInclusion(LeafIndex index, Sha256 leafHash, List<Sha256> proof, TreeHead head)
            throws ProofException {
        Sha256 calculated = rootFromInclusionProof(index, head.size(), leafHash, proof);
        requireRoot(head, calculated);
    }

    /**
     * Checks that the tree of {@code older} is a prefix of the tree of {@code newer}. Sizes 0 and
     * equal sizes take an empty proof; for size 0 the older root must be the empty root.
     *
     * <p>Take both heads from verified checkpoints: a proof ties {@code older}'s size to its root,
     * but {@code newer}'s size only through the proof's shape (the proof from 2 to 3 leaves also
     * verifies as one from 2 to 4 leaves against the 3-leaf root).
     *
     * @throws ProofException with {@link ProofFailure.SizeOrder}, {@link ProofFailure.WrongProofLength}
     *     or {@link ProofFailure.RootMismatch} naming the size whose root differs
     */
    public static void verifyConsistency(TreeHead older, TreeHead newer, List<Sha256> proof) throws ProofException {
        List<Sha256> hashes = List.copyOf(proof);
        long size1 = older.size().value();
        long size2 = newer.size().value();
        if (size1 > size2) {
            throw new ProofException(new ProofFailure.SizeOrder(older.size(), newer.size()));
        }
        if (size1 == 0 || size1 == size2) {
            requireLength(hashes, 0);
            if (size1 == 0) {
                requireRoot(older, MerkleHasher.emptyRoot());
            }
            requireRoot(newer, size1 == size2 ? older.root() : newer.root());
            return;
        }
        // Start from the old tree's last perfect subtree (level `shift`, index `seedIndex`) and
        // climb as an inclusion proof of that node would. The proof omits that subtree when it is
        // the whole old tree, whose root the caller already has.
        int shift = Long.numberOfTrailingZeros(size1);
        long seedIndex = (size1 - 1) >>> shift;
        int inner = 64 - Long.numberOfLeadingZeros((size1 - 1) ^ (size2 - 1)) - shift;
        int border = Long.bitCount(seedIndex >>> inner);
        boolean oldTreeIsPerfect = seedIndex == 0;
        int first = oldTreeIsPerfect ? 0 : 1;
        requireLength(hashes, first + inner + border);

        Sha256 seed = oldTreeIsPerfect ? older.root() : hashes.get(0);
        climbFromSeed(older, newer, seed, seedIndex, hashes.subList(first, first + inner),
                hashes.subList(first + inner, hashes.size()));
    }

    /** Recomputes both roots from the seed; the old root takes only the left siblings, as the old tree ends at the seed. */
    private static void climbFromSeed(TreeHead older, TreeHead newer, Sha256 seed, long seedIndex,
            List<Sha256> innerPath, List<Sha256> borderPath) throws ProofException {
        Sha256 root1 = seed;
        Sha256 root2 = seed;
        for (int level = 0; level < innerPath.size(); level++) {
            Sha256 sibling = innerPath.get(level);
            if (((seedIndex >>> level) & 1) == 1) {
                root1 = MerkleHasher.hashChildren(sibling, root1);
                root2 = MerkleHasher.hashChildren(sibling, root2);
            } else {
                root2 = MerkleHasher.hashChildren(root2, sibling);
            }
        }
        requireRoot(older, chainLeftSiblings(root1, borderPath));
        requireRoot(newer, chainLeftSiblings(root2, borderPath));
    }

    private static Sha256 chainLeftSiblings(Sha256 start, List<Sha256> leftSiblings) {
        Sha256 root = start;
        for (Sha256 sibling : leftSiblings) {
            root = MerkleHasher.hashChildren(sibling, root);
        }
        return root;
    }

    private static void requireLength(List<Sha256> proof, int want) throws ProofException {
        if (proof.size() != want) {
            throw new ProofException(new ProofFailure.WrongProofLength(proof.size(), want));
        }
    }

    private static void requireRoot(TreeHead trusted, Sha256 calculated) throws ProofException {
        if (!trusted.root().equals(calculated)) {
            throw new ProofException(new ProofFailure.RootMismatch(trusted.size(), trusted.root(), calculated));
        }
    }
}
