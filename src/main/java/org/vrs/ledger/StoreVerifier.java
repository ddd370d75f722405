package org.vrs.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.postgresql.PGStatement;

/**
 * Checks a VRS database against its own ledger, for auditors: reads the tables directly over
 * JDBC (the service may be running or stopped), in one read-only repeatable-read transaction so
 * that it sees one consistent moment.
 *
 * <p>It recomputes every leaf from its event row (the clear columns, the payload envelope's key id
 * and SHA-256 of its sealed bytes), checks that leaf indices are dense and that each leaf's event
 * exists, each file's events follow by sequence with each back link the previous leaf's hash,
 * rebuilds the tree and compares every stored node, checks every stored checkpoint's Ed25519
 * signature and root (and any checkpoints given from outside), and that every event the ledger's
 * token has passed has a leaf. It stops at the first divergence by position.
 */
public final class StoreVerifier {

    /** The origin (log name) the service signs with unless {@code vrs.ledger.origin} says otherwise. */
    public static final String DEFAULT_ORIGIN = "vrs.example/log";

    private static final String LEAVES = "SELECT l.leaf_index, l.global_index, l.event_identifier, l.file_id, l.leaf, l.leaf_hash, "
            + StoredEvent.columns("e") + " FROM ledger_leaf l LEFT JOIN domain_event_entry e ON e.global_index = l.global_index "
            + "ORDER BY l.leaf_index";
    private static final String EVENTS_WITHOUT_LEAF = "SELECT e.global_index, e.event_identifier FROM domain_event_entry e "
            + "WHERE NOT EXISTS (SELECT 1 FROM ledger_leaf l WHERE l.global_index = e.global_index) ORDER BY e.global_index";
    private static final int FETCH_SIZE = 5_000;
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    private final CheckpointVerifier checkpointVerifier;
    private final Map<String, SignedCheckpoint> given;
    private final VerifyProgress progress;

    private StoreVerifier(CheckpointVerifier checkpointVerifier, Map<String, SignedCheckpoint> given, VerifyProgress progress) {
        this.checkpointVerifier = checkpointVerifier;
        this.given = given;
        this.progress = progress;
    }

    /** A verifier for the log of this origin, whose checkpoints this key signs. */
    public static StoreVerifier of(String origin, Ed25519PublicKeyParameters publicKey) {
        return new StoreVerifier(new CheckpointVerifier(origin, publicKey), Map.of(), VerifyProgress.NONE);
    }

    /** Also checks these checkpoints, kept outside the database (by name, for the report). */
    public StoreVerifier withCheckpoints(Map<String, SignedCheckpoint> checkpoints) {
        Map<String, SignedCheckpoint> all = new LinkedHashMap<>(given);
        all.putAll(checkpoints);
        return new StoreVerifier(checkpointVerifier, Map.copyOf(all), progress);
    }

    public StoreVerifier withProgress(VerifyProgress progress) {
        return new StoreVerifier(checkpointVerifier, given, Objects.requireNonNull(progress, "progress"));
    }

    /**
     * Verifies the database behind the connection, which it leaves in its own transaction mode
     * afterwards. Needs only SELECT on the event, token and ledger tables.
     *
     * @throws SQLException if the database cannot be read
     */
    public VerificationReport verify(Connection connection) throws SQLException {
        long started = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            return run(connection, started);
        } finally {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    private VerificationReport run(Connection connection, long started) throws SQLException {
        try (Statement settings = connection.createStatement()) {
            settings.execute("SET LOCAL work_mem = '64MB'");
        }
        long total = count(connection, "SELECT count(*) FROM ledger_leaf");
        long events = count(connection, "SELECT count(*) FROM domain_event_entry");
        TokenCoverage token = TokenCoverage.read(connection);
        CheckpointSet checkpoints = CheckpointSet.load(connection, checkpointVerifier, given);
        try (PreparedStatement nodeQuery = cursor(connection, NodeCursor.QUERY);
             ResultSet nodeRows = nodeQuery.executeQuery()) {
            NodeCursor nodes = new NodeCursor(nodeRows);
            LeafWalk walk = new LeafWalk(token, checkpoints, nodes);
            Divergence divergence = walk.start();
            if (divergence == null) {
                divergence = walkLeaves(connection, walk, total, started);
            }
            if (divergence == null) {
                divergence = walk.finish();
            }
            long pending = 0;
            if (divergence == null) {
                EventsWithoutLeaf orphans = eventsWithoutLeaf(connection, token, walk.head().size());
                divergence = orphans.divergence();
                pending = orphans.pending();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (divergence != null) {
                return new VerificationReport.Failed(divergence, walk.head().size().value(), elapsed);
            }
            return new VerificationReport.Verified(walk.head(), events, pending, walk.files(), nodes.count(),
                    checkpoints.size(), elapsed);
        }
    }

    private Divergence walkLeaves(Connection connection, LeafWalk walk, long total, long started) throws SQLException {
        long lastReport = started;
        try (PreparedStatement leaves = cursor(connection, LEAVES); ResultSet rs = leaves.executeQuery()) {
            while (rs.next()) {
                LeafWalk.StoredLeaf stored = new LeafWalk.StoredLeaf(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getBytes(5), rs.getBytes(6));
                rs.getLong(7);
                StoredEvent row = rs.wasNull() ? null : StoredEvent.read(rs, 7);
                Divergence divergence = walk.next(stored, row);
                if (divergence != null) {
                    return divergence;
                }
                long checked = walk.head().size().value();
                if ((checked & 0xFFF) == 0 && System.nanoTime() - lastReport >= PROGRESS_EVERY_NANOS) {
                    lastReport = System.nanoTime();
                    report(checked, total, lastReport - started);
                }
            }
        }
        report(walk.head().size().value(), total, System.nanoTime() - started);
        return null;
    }

    private void report(long checked, long total, long elapsedNanos) {
        double perSecond = elapsedNanos == 0 ? 0 : checked * 1e9 / elapsedNanos;
        long remaining = perSecond == 0 ? 0 : (long) (Math.max(0, total - checked) / perSecond * 1e9);
        progress.report(checked, total, perSecond, Duration.ofNanos(remaining));
    }

    private record EventsWithoutLeaf(Divergence divergence, long pending) {
    }

    /** Events beyond the token are the integrator's lag; one the token has passed was inserted behind it. */
    private static EventsWithoutLeaf eventsWithoutLeaf(Connection connection, TokenCoverage token, TreeSize logSize)
            throws SQLException {
        long pending = 0;
        try (PreparedStatement ps = cursor(connection, EVENTS_WITHOUT_LEAF); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (token.passed(rs.getLong(1))) {
                    return new EventsWithoutLeaf(new Divergence.EventWithoutLeaf(rs.getLong(1), rs.getString(2), logSize), pending);
                }
                pending++;
            }
        }
        return new EventsWithoutLeaf(null, pending);
    }

    private static PreparedStatement cursor(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(FETCH_SIZE);
        if (statement.isWrapperFor(PGStatement.class)) {
            // binary results from the first execution: bytea then arrives as bytes, not hex text
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
        return statement;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
