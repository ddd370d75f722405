package org.vrs.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * Read access to stored perfect-subtree nodes, addressed as described in {@link NodeId}. The
 * database implements this later; tests use a map.
 */
public interface NodeSource {

    /**
     * The stored hash of a node, or {@code null} if it is not stored (the caller asked about a
     * tree larger than the store holds; {@link TreeReader} then fails naming the node).
     */
    Sha256 hash(NodeId id);

    /**
     * The hashes of several nodes, in the order asked. {@link TreeReader} asks for everything one
     * root or proof needs in one call (at most about {@code 2 * log2(n)} nodes), so a database
     * can answer with a single query; the default reads them one by one.
     */
    default List<Sha256> hashes(List<NodeId> ids) {
        List<Sha256> hashes = new ArrayList<>(ids.size());
        for (NodeId id : ids) {
            hashes.add(hash(id));
        }
        return hashes;
    }
}
