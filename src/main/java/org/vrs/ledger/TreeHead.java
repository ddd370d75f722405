package org.vrs.ledger;

import java.util.Objects;

/**
 * A tree size with the root hash of the tree at that size. Keeping the two together stops a root
 * from being checked against the other tree's size.
 */
public record TreeHead(TreeSize size, Sha256 root) {

    public TreeHead {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(root, "root");
    }
}
