package org.vrs.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * The subtrees that RFC 9162 proofs are made of, and how each maps to stored perfect nodes.
 *
 * <p>Every subtree {@code [start, end)} arising in the RFC's recursive split has {@code start} a
 * multiple of the smallest power of two {@code >= end - start}, so it is either one perfect node or
 * (only on the right border of the tree) the fold of the perfect nodes of the binary decomposition
 * of {@code end - start}.
 */
final class Subtrees {

    private Subtrees() {
    }

    /** A leaf range {@code [start, end)}, not empty. */
    record Range(long start, long end) {
    }

    /** The perfect nodes covering the range, largest (left-most) first. */
    static List<NodeId> perfectNodes(Range range) {
        List<NodeId> nodes = new ArrayList<>(Long.bitCount(range.end() - range.start()));
        long cursor = range.start();
        long remaining = range.end() - range.start();
        while (remaining > 0) {
            int level = 63 - Long.numberOfLeadingZeros(remaining);
            nodes.add(new NodeId(level, cursor >> level));
            cursor += 1L << level;
            remaining -= 1L << level;
        }
        return nodes;
    }

    /** The RFC 6962 root of adjacent perfect subtrees given left to right: each joins the fold of those to its right. */
    static Sha256 fold(List<Sha256> hashes) {
        Sha256 root = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = MerkleHasher.hashChildren(hashes.get(i), root);
        }
        return root;
    }

    /** The subtrees of RFC 9162 PATH(index, D[0:size]), in proof order (next to the leaf first). */
    static List<Range> inclusionPath(long index, long size) {
        List<Range> topDown = new ArrayList<>();
        long start = 0;
        long end = size;
        while (end - start > 1) {
            long split = start + largestPowerOfTwoBelow(end - start);
            if (index < split) {
                topDown.add(new Range(split, end));
                end = split;
            } else {
                topDown.add(new Range(start, split));
                start = split;
            }
        }
        return reversed(topDown);
    }

    /** The subtrees of RFC 9162 PROOF(size1, D[0:size2]) for {@code 0 < size1 < size2}, in proof order. */
    static List<Range> consistencyPath(long size1, long size2) {
        List<Range> topDown = new ArrayList<>();
        long start = 0;
        long end = size2;
        while (size1 != end) {
            long split = start + largestPowerOfTwoBelow(end - start);
            if (size1 <= split) {
                topDown.add(new Range(split, end));
                end = split;
            } else {
                topDown.add(new Range(start, split));
                start = split;
            }
        }
        if (start > 0) {
            // The old tree's last perfect subtree. At start 0 it is the whole old tree, whose root the verifier has.
            topDown.add(new Range(start, end));
        }
        return reversed(topDown);
    }

    private static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static List<Range> reversed(List<Range> ranges) {
        List<Range> result = new ArrayList<>(ranges.size());
        for (int i = ranges.size() - 1; i >= 0; i--) {
            result.add(ranges.get(i));
        }
        return result;
    }
}
