package org.vrs.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An in-memory node store that counts reads, standing in for the database. */
final class MapNodeSource implements NodeSource {

    private final Map<NodeId, Sha256> nodes = new HashMap<>();
    int reads;
    int batches;

    void putAll(List<Node> completed) {
        for (Node node : completed) {
            Sha256 previous = nodes.putIfAbsent(node.id(), node.hash());
            if (previous != null) {
                throw new AssertionError("node written twice: " + node.id());
            }
        }
    }

    int size() {
        return nodes.size();
    }

    Map<NodeId, Sha256> snapshot() {
        return Map.copyOf(nodes);
    }

    @Override
    public Sha256 hash(NodeId id) {
        reads++;
        return nodes.get(id);
    }

    @Override
    public List<Sha256> hashes(List<NodeId> ids) {
        batches++;
        List<Sha256> result = new ArrayList<>();
        for (NodeId id : ids) {
            result.add(hash(id));
        }
        return result;
    }

    /** A store filled by appending the given leaf hashes in order. */
    static MapNodeSource of(List<Sha256> leafHashes) {
        MapNodeSource store = new MapNodeSource();
        TreeAppender appender = TreeAppender.empty();
        for (Sha256 leafHash : leafHashes) {
            store.putAll(appender.append(leafHash));
        }
        return store;
    }
}
