package org.vrs.ledger;

/**
 * The address of a stored node: the root of a perfect (complete) subtree of the log.
 *
 * <h2>Addressing scheme</h2>
 * <ul>
 *   <li>Node {@code (0, i)} is the RFC 6962 hash of leaf {@code i}:
 *       {@code MerkleHasher.hashLeaf(leafBytes(i))}.</li>
 *   <li>Node {@code (L + 1, i)} is {@code MerkleHasher.hashChildren(node(L, 2i), node(L, 2i + 1))}.</li>
 *   <li>Hence node {@code (L, i)} covers exactly the {@code 2^L} leaves
 *       {@code [i * 2^L, (i + 1) * 2^L)}; its parent is {@code (L + 1, i / 2)} and its sibling
 *       {@code (L, i XOR 1)}.</li>
 *   <li>Only perfect subtrees are stored: node {@code (L, i)} exists in a tree of size {@code n}
 *       iff {@code (i + 1) * 2^L <= n}. Appending never changes it, so a row
 *       {@code (level, index, hash)} is written once and never updated; {@code (level, index)} is
 *       its key. A tree of {@code n} leaves has {@code 2n - popcount(n)} such nodes.</li>
 *   <li>The root of a size that is not a power of two is not stored: it is computed from the
 *       {@code popcount(n)} perfect nodes of the binary decomposition of {@code n} (see
 *       {@link TreeReader#root(TreeSize)}). The same holds for every earlier size, so any old
 *       root and any proof is computable from stored rows alone.</li>
 * </ul>
 *
 * @param level height above the leaves, 0..62 (tree sizes are below 2^63)
 * @param index position among the nodes of that level, counted from the left
 */
public record NodeId(int level, long index) {

    public NodeId {
        if (level < 0 || level > 62) {
            throw new IllegalArgumentException("a node level is in 0..62, not " + level);
        }
        if (index < 0 || index > (Long.MAX_VALUE >> level)) {
            throw new IllegalArgumentException("node index " + index + " at level " + level
                    + " is outside the 63-bit leaf range");
        }
    }

    /** The first leaf this node covers. */
    public long firstLeaf() {
        return index << level;
    }

    /** The number of leaves this node covers: {@code 2^level}. */
    public long leafCount() {
        return 1L << level;
    }
}
