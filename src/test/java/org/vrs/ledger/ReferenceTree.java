package org.vrs.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 section 2.1 written as literally as the RFC states it (recursion over the leaf list),
 * as an oracle for the stored-node implementation.
 */
final class ReferenceTree {

    private final List<Sha256> leafHashes;

    ReferenceTree(List<Sha256> leafHashes) {
        this.leafHashes = List.copyOf(leafHashes);
    }

    static List<Sha256> leafHashes(int count) {
        List<Sha256> hashes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            hashes.add(MerkleHasher.hashLeaf(("leaf " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return hashes;
    }

    /** MTH(D[start:end]). */
    Sha256 hash(int start, int end) {
        int n = end - start;
        if (n == 0) {
            return MerkleHasher.emptyRoot();
        }
        if (n == 1) {
            return leafHashes.get(start);
        }
        int k = split(n);
        return MerkleHasher.hashChildren(hash(start, start + k), hash(start + k, end));
    }

    Sha256 root(int size) {
        return hash(0, size);
    }

    /** PATH(m, D[start:end]). */
    List<Sha256> path(int m, int start, int end) {
        List<Sha256> proof = new ArrayList<>();
        int n = end - start;
        if (n <= 1) {
            return proof;
        }
        int k = split(n);
        if (m < k) {
            proof.addAll(path(m, start, start + k));
            proof.add(hash(start + k, end));
        } else {
            proof.addAll(path(m - k, start + k, end));
            proof.add(hash(start, start + k));
        }
        return proof;
    }

    /** SUBPROOF(m, D[start:end], b). */
    List<Sha256> subproof(int m, int start, int end, boolean b) {
        List<Sha256> proof = new ArrayList<>();
        int n = end - start;
        if (m == n) {
            if (!b) {
                proof.add(hash(start, end));
            }
            return proof;
        }
        int k = split(n);
        if (m <= k) {
            proof.addAll(subproof(m, start, start + k, b));
            proof.add(hash(start + k, end));
        } else {
            proof.addAll(subproof(m - k, start + k, end, false));
            proof.add(hash(start, start + k));
        }
        return proof;
    }

    /** The largest power of two smaller than n. */
    private static int split(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }
}
