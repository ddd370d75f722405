package org.vrs.ledger;

/**
 * RFC 6962 / RFC 9162 section 2.1.1 hashing with SHA-256. The only place that knows the
 * domain-separation prefixes: 0x00 before a leaf, 0x01 before two children, which keeps a leaf from
 * being passed off as an inner node (second-preimage attack).
 */
public final class MerkleHasher {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final Sha256 EMPTY_ROOT = Sha256.digest(new byte[0]);

    private MerkleHasher() {
    }

    /** SHA-256(0x00 || leaf). */
    public static Sha256 hashLeaf(byte[] leaf) {
        return Sha256.digest(LEAF_PREFIX, leaf);
    }

    /** SHA-256(0x01 || left || right). */
    public static Sha256 hashChildren(Sha256 left, Sha256 right) {
        return Sha256.digest(NODE_PREFIX, left.unsafeBytes(), right.unsafeBytes());
    }

    /** The root of the empty tree: SHA-256 of no bytes. */
    public static Sha256 emptyRoot() {
        return EMPTY_ROOT;
    }
}
