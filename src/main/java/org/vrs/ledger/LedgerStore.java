package org.vrs.ledger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger's tables as the service uses them (see {@code migrations/V2__ledger.sql}). Every
 * method joins the caller's transaction; batches travel as arrays, one statement per batch.
 */
class LedgerStore implements NodeSource {

    /** Serialises checkpoint signing across service instances (an arbitrary constant). */
    private static final long CHECKPOINT_LOCK = 0x5652_534c_4544_4752L;

    private final JdbcTemplate jdbc;

    LedgerStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A leaf to insert: its position, the event it was made of, its bytes and hash. */
    record LeafRow(long leafIndex, long globalIndex, String eventId, String fileId, byte[] leaf, Sha256 leafHash) {
    }

    /** A stored checkpoint row. */
    record StoredCheckpoint(TreeSize size, Sha256 root, String note) {
    }

    /** The number of committed leaves: leaf indices are dense, so the highest plus one. */
    TreeSize treeSize() {
        Long size = jdbc.queryForObject("SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM ledger_leaf", Long.class);
        return new TreeSize(size == null ? 0 : size);
    }

    /** Event rows by event identifier, and the identifiers of those that already have a leaf. */
    record EventRows(Map<String, StoredEvent> rows, Set<String> withLeaf) {
    }

    /** The event rows with these identifiers, and which of them have a leaf already, in one query. */
    EventRows events(Collection<String> eventIds) {
        Map<String, StoredEvent> rows = new HashMap<>(eventIds.size() * 2);
        Set<String> withLeaf = new HashSet<>();
        jdbc.query("SELECT " + StoredEvent.columns("e") + ", l.leaf_index IS NOT NULL FROM domain_event_entry e "
                        + "LEFT JOIN ledger_leaf l ON l.global_index = e.global_index WHERE e.event_identifier = ANY(?)",
                ps -> ps.setArray(1, array(ps.getConnection(), "varchar", eventIds.toArray(String[]::new))),
                rs -> {
                    StoredEvent row = StoredEvent.read(rs, 1);
                    rows.put(row.eventId(), row);
                    if (rs.getBoolean(10)) {
                        withLeaf.add(row.eventId());
                    }
                });
        return new EventRows(rows, withLeaf);
    }

    /** The leaf hash of each file's latest leaf; files without a leaf are absent. */
    Map<String, Sha256> lastLeafHashes(Collection<String> fileIds) {
        Map<String, Sha256> hashes = new HashMap<>();
        if (fileIds.isEmpty()) {
            return hashes;
        }
        jdbc.query("SELECT DISTINCT ON (file_id) file_id, leaf_hash FROM ledger_leaf WHERE file_id = ANY(?) "
                        + "ORDER BY file_id, leaf_index DESC",
                ps -> ps.setArray(1, array(ps.getConnection(), "varchar", fileIds.toArray(String[]::new))),
                rs -> {
                    hashes.put(rs.getString(1), Sha256.of(rs.getBytes(2)));
                });
        return hashes;
    }

    void insertLeaves(List<LeafRow> leaves) {
        if (leaves.isEmpty()) {
            return;
        }
        int n = leaves.size();
        Long[] index = new Long[n];
        Long[] global = new Long[n];
        String[] event = new String[n];
        String[] file = new String[n];
        byte[][] bytes = new byte[n][];
        byte[][] hash = new byte[n][];
        for (int i = 0; i < n; i++) {
            LeafRow leaf = leaves.get(i);
            index[i] = leaf.leafIndex();
            global[i] = leaf.globalIndex();
            event[i] = leaf.eventId();
            file[i] = leaf.fileId();
            bytes[i] = leaf.leaf();
            hash[i] = leaf.leafHash().unsafeBytes();
        }
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO ledger_leaf "
                    + "(leaf_index, global_index, event_identifier, file_id, leaf, leaf_hash) "
                    + "SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::varchar[], ?::bytea[], ?::bytea[])");
            ps.setArray(1, array(con, "bigint", index));
            ps.setArray(2, array(con, "bigint", global));
            ps.setArray(3, array(con, "varchar", event));
            ps.setArray(4, array(con, "varchar", file));
            ps.setArray(5, array(con, "bytea", bytes));
            ps.setArray(6, array(con, "bytea", hash));
            return ps;
        });
    }

    /** Stores nodes of level 1 and above; level 0 is the leaf hash in {@code ledger_leaf}. */
    void insertNodes(List<Node> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        int n = nodes.size();
        Integer[] level = new Integer[n];
        Long[] index = new Long[n];
        byte[][] hash = new byte[n][];
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            if (node.id().level() == 0) {
                throw new IllegalArgumentException("level-0 nodes are leaf hashes and live in ledger_leaf: " + node.id());
            }
            level[i] = node.id().level();
            index[i] = node.id().index();
            hash[i] = node.hash().unsafeBytes();
        }
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO ledger_node (level, idx, hash) "
                    + "SELECT * FROM unnest(?::smallint[], ?::bigint[], ?::bytea[])");
            ps.setArray(1, array(con, "int4", level));
            ps.setArray(2, array(con, "bigint", index));
            ps.setArray(3, array(con, "bytea", hash));
            return ps;
        });
    }

    /** All asked nodes in one query: level 0 from the leaf table, the rest from the node table. */
    @Override
    public List<Sha256> hashes(List<NodeId> ids) {
        Integer[] level = new Integer[ids.size()];
        Long[] index = new Long[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            level[i] = ids.get(i).level();
            index[i] = ids.get(i).index();
        }
        Sha256[] hashes = new Sha256[ids.size()];
        jdbc.query("SELECT q.ord, COALESCE(n.hash, l.leaf_hash) "
                        + "FROM unnest(?::int[], ?::bigint[]) WITH ORDINALITY AS q(level, idx, ord) "
                        + "LEFT JOIN ledger_node n ON q.level > 0 AND n.level = q.level AND n.idx = q.idx "
                        + "LEFT JOIN ledger_leaf l ON q.level = 0 AND l.leaf_index = q.idx",
                ps -> {
                    ps.setArray(1, array(ps.getConnection(), "int4", level));
                    ps.setArray(2, array(ps.getConnection(), "bigint", index));
                },
                rs -> {
                    byte[] hash = rs.getBytes(2);
                    hashes[(int) rs.getLong(1) - 1] = hash == null ? null : Sha256.of(hash);
                });
        return java.util.Arrays.asList(hashes);
    }

    @Override
    public Sha256 hash(NodeId id) {
        return hashes(List.of(id)).get(0);
    }

    /**
     * Takes the transaction-scoped lock that serialises signers, so that the size read next is
     * still the largest when the new checkpoint is inserted.
     */
    void lockCheckpoints() {
        jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> { }, CHECKPOINT_LOCK);
    }

    Optional<StoredCheckpoint> latestCheckpoint() {
        List<StoredCheckpoint> rows = jdbc.query(
                "SELECT tree_size, root_hash, note FROM ledger_checkpoint ORDER BY tree_size DESC LIMIT 1",
                (rs, i) -> new StoredCheckpoint(new TreeSize(rs.getLong(1)), Sha256.of(rs.getBytes(2)), rs.getString(3)));
        return rows.stream().findFirst();
    }

    /** The newest stored checkpoint of a tree smaller than {@code size}. */
    Optional<StoredCheckpoint> latestCheckpointBelow(TreeSize size) {
        List<StoredCheckpoint> rows = jdbc.query(
                "SELECT tree_size, root_hash, note FROM ledger_checkpoint WHERE tree_size < ? ORDER BY tree_size DESC LIMIT 1",
                (rs, i) -> new StoredCheckpoint(new TreeSize(rs.getLong(1)), Sha256.of(rs.getBytes(2)), rs.getString(3)),
                size.value());
        return rows.stream().findFirst();
    }

    /** The leaves made of these events (by event identifier); events without a leaf yet are absent. */
    Map<String, LeafRow> leavesOf(Collection<String> eventIds) {
        Map<String, LeafRow> leaves = new HashMap<>(eventIds.size() * 2);
        if (eventIds.isEmpty()) {
            return leaves;
        }
        jdbc.query("SELECT leaf_index, global_index, event_identifier, file_id, leaf, leaf_hash FROM ledger_leaf "
                        + "WHERE event_identifier = ANY(?)",
                ps -> ps.setArray(1, array(ps.getConnection(), "varchar", eventIds.toArray(String[]::new))),
                rs -> {
                    LeafRow row = new LeafRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBytes(5),
                            Sha256.of(rs.getBytes(6)));
                    leaves.put(row.eventId(), row);
                });
        return leaves;
    }

    void insertCheckpoint(SignedCheckpoint signed) {
        TreeHead head = signed.checkpoint().head();
        jdbc.update("INSERT INTO ledger_checkpoint (tree_size, root_hash, note) VALUES (?, ?, ?)",
                head.size().value(), head.root().unsafeBytes(), signed.text());
    }

    private static Array array(Connection con, String type, Object[] values) throws SQLException {
        return con.createArrayOf(type, values);
    }
}
