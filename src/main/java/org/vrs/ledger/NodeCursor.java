package org.vrs.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Stored nodes (level 1 and above) in the order appending completes them: by the leaf that
 * completes a node, {@code (index + 1) * 2^level}, then by level. That is the order
 * {@link TreeAppender#append} returns them in, so the store is checked in one merge pass.
 */
final class NodeCursor {

    static final String QUERY = "SELECT level, idx, hash FROM ledger_node ORDER BY (idx + 1) << level::int, level";
    /** The nodes completed after the tree reached size {@code ?}: those a run resumed there has still to compare. */
    static final String QUERY_AFTER = "SELECT level, idx, hash FROM ledger_node WHERE ((idx + 1) << level::int) > ? "
            + "ORDER BY (idx + 1) << level::int, level";

    private final ResultSet rows;
    private Node current;
    private long count;

    NodeCursor(ResultSet rows) throws SQLException {
        this.rows = rows;
        advance();
    }

    /** The next stored node not yet compared, or {@code null} at the end. */
    Node peek() {
        return current;
    }

    void advance() throws SQLException {
        if (rows.next()) {
            count++;
            current = new Node(new NodeId(rows.getInt(1), rows.getLong(2)), Sha256.of(rows.getBytes(3)));
        } else {
            current = null;
        }
    }

    /** Nodes read so far, including the current one. */
    long count() {
        return count;
    }

    /** Nodes compared so far: those read, less the one waiting in {@link #peek()}. */
    long compared() {
        return current == null ? count : count - 1;
    }

    /** Compares by completing leaf, then level: negative if {@code a} is completed before {@code b}. */
    static int compare(NodeId a, NodeId b) {
        int byLeaf = Long.compareUnsigned((a.index() + 1) << a.level(), (b.index() + 1) << b.level());
        return byLeaf != 0 ? byLeaf : Integer.compare(a.level(), b.level());
    }
}
