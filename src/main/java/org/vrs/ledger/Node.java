package org.vrs.ledger;

import java.util.Objects;

/** A stored node: its address (see {@link NodeId} for the scheme) and its hash. */
public record Node(NodeId id, Sha256 hash) {

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hash, "hash");
    }
}
