package org.vrs.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
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
 *
 * <p>With {@link #withState} a long run can be stopped and resumed: see {@link VerifyState} for what
 * is saved and why the resumed run checks the remaining leaves exactly as one run would.
 */
public final class StoreVerifier {

    /** The origin (log name) the service signs with unless {@code vrs.ledger.origin} says otherwise. */
    public static final String DEFAULT_ORIGIN = "vrs.example/log";

    private static final String LEAVES = "SELECT l.leaf_index, l.global_index, l.event_identifier, l.file_id, l.leaf, l.leaf_hash, "
            + StoredEvent.columns("e") + " FROM ledger_leaf l LEFT JOIN domain_event_entry e ON e.global_index = l.global_index "
            + "ORDER BY l.leaf_index";
    private static final String LEAVES_FROM = LEAVES.replace("ORDER BY", "WHERE l.leaf_index >= ? ORDER BY");
    private static final String EVENTS_WITHOUT_LEAF = "SELECT e.global_index, e.event_identifier FROM domain_event_entry e "
            + "WHERE NOT EXISTS (SELECT 1 FROM ledger_leaf l WHERE l.global_index = e.global_index) ORDER BY e.global_index";
    private static final int FETCH_SIZE = 5_000;
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    private final CheckpointVerifier checkpointVerifier;
    private final Map<String, SignedCheckpoint> given;
    private final VerifyProgress progress;
    private final Path stateFile;
    private final VerifyStop stop;
    private final String logKey;
    private final Sha256 settings;

    private StoreVerifier(CheckpointVerifier checkpointVerifier, Map<String, SignedCheckpoint> given, VerifyProgress progress,
                          Path stateFile, VerifyStop stop, String logKey) {
        this.checkpointVerifier = checkpointVerifier;
        this.given = given;
        this.progress = progress;
        this.stateFile = stateFile;
        this.stop = stop;
        this.logKey = logKey;
        this.settings = settingsDigest(logKey, given);
    }

    /** A verifier for the log of this origin, whose checkpoints this key signs. */
    public static StoreVerifier of(String origin, Ed25519PublicKeyParameters publicKey) {
        return new StoreVerifier(new CheckpointVerifier(origin, publicKey), Map.of(), VerifyProgress.NONE, null, null,
                origin + "\n" + java.util.HexFormat.of().formatHex(publicKey.getEncoded()));
    }

    /** Also checks these checkpoints, kept outside the database (by name, for the report). */
    public StoreVerifier withCheckpoints(Map<String, SignedCheckpoint> checkpoints) {
        Map<String, SignedCheckpoint> all = new LinkedHashMap<>(given);
        all.putAll(checkpoints);
        return new StoreVerifier(checkpointVerifier, Map.copyOf(all), progress, stateFile, stop, logKey);
    }

    public StoreVerifier withProgress(VerifyProgress progress) {
        return new StoreVerifier(checkpointVerifier, given, Objects.requireNonNull(progress, "progress"), stateFile, stop, logKey);
    }

    /**
     * Makes the run interruptible and resumable through this file: if it exists, the run continues
     * where the run that wrote it stopped (refusing a file written for another log or other
     * settings); while running, it saves its position there about every second and when stopped;
     * after a complete run without divergence it deletes the file.
     */
    public StoreVerifier withState(Path stateFile) {
        return new StoreVerifier(checkpointVerifier, given, progress, Objects.requireNonNull(stateFile, "stateFile"), stop, logKey);
    }

    /** Lets a shutdown hook (or a test) stop the run at a leaf boundary; see {@link VerifyStop}. */
    public StoreVerifier withStop(VerifyStop stop) {
        return new StoreVerifier(checkpointVerifier, given, progress, stateFile, Objects.requireNonNull(stop, "stop"), logKey);
    }

    /**
     * Verifies the database behind the connection, which it leaves in its own transaction mode
     * afterwards. Needs only SELECT on the event, token and ledger tables.
     *
     * @throws SQLException if the database cannot be read
     * @throws VerifyStateException if the state file cannot be used or saved
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
        try (Statement session = connection.createStatement()) {
            session.execute("SET LOCAL work_mem = '64MB'");
        }
        long total = count(connection, "SELECT count(*) FROM ledger_leaf");
        long events = count(connection, "SELECT count(*) FROM domain_event_entry");
        TokenCoverage token = TokenCoverage.read(connection);
        CheckpointSet checkpoints = CheckpointSet.load(connection, checkpointVerifier, given);
        VerifyState saved = stateFile != null && Files.exists(stateFile) ? resumable(connection, total) : null;
        long resumedAt = saved == null ? 0 : saved.treeSize;
        try (PreparedStatement nodeQuery = cursor(connection, saved == null ? NodeCursor.QUERY : NodeCursor.QUERY_AFTER)) {
            if (saved != null) {
                nodeQuery.setLong(1, saved.treeSize);
            }
            try (ResultSet nodeRows = nodeQuery.executeQuery()) {
                NodeCursor nodes = new NodeCursor(nodeRows);
                long nodesBefore = saved == null ? 0 : saved.nodesCompared;
                LeafWalk walk = saved == null ? new LeafWalk(token, checkpoints, nodes) : new LeafWalk(token, checkpoints, nodes, saved);
                Divergence divergence = walk.start();
                if (divergence == null) {
                    Walked walked = walkLeaves(connection, walk, total, resumedAt, nodesBefore, started);
                    if (walked.stopped()) {
                        return new VerificationReport.Interrupted(walk.head().size().value(), total, walked.saved(),
                                Duration.ofNanos(System.nanoTime() - started), resumedAt);
                    }
                    divergence = walked.divergence();
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
                    return new VerificationReport.Failed(divergence, walk.head().size().value(), elapsed, resumedAt);
                }
                if (stateFile != null) {
                    deleteState();
                }
                return new VerificationReport.Verified(walk.head(), events, pending, walk.files(), nodesBefore + nodes.count(),
                        checkpoints.size(), elapsed, resumedAt);
            }
        }
    }

    /** How the leaf pass ended: at a divergence, stopped on request (and whether the state was saved), or at the end. */
    private record Walked(Divergence divergence, boolean stopped, boolean saved) {
    }

    private Walked walkLeaves(Connection connection, LeafWalk walk, long total, long resumedAt, long nodesBefore, long started)
            throws SQLException {
        long lastReport = started;
        long nextSave = started + PROGRESS_EVERY_NANOS;
        try (PreparedStatement leaves = cursor(connection, resumedAt == 0 ? LEAVES : LEAVES_FROM)) {
            if (resumedAt > 0) {
                leaves.setLong(1, resumedAt);
            }
            try (ResultSet rs = leaves.executeQuery()) {
                while (nextLeaf(rs, walk, nodesBefore)) {
                    LeafWalk.StoredLeaf stored = new LeafWalk.StoredLeaf(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getBytes(5), rs.getBytes(6));
                    rs.getLong(7);
                    StoredEvent row = rs.wasNull() ? null : StoredEvent.read(rs, 7);
                    Divergence divergence = walk.next(stored, row);
                    if (divergence != null) {
                        return new Walked(divergence, false, false);
                    }
                    long checked = walk.head().size().value();
                    if (stop != null && stop.due(checked)) {
                        report(checked, total, resumedAt, System.nanoTime() - started);
                        return new Walked(null, true, save(walk, nodesBefore));
                    }
                    if ((checked & 0xFFF) == 0 && System.nanoTime() - lastReport >= PROGRESS_EVERY_NANOS) {
                        lastReport = System.nanoTime();
                        report(checked, total, resumedAt, lastReport - started);
                        if (stateFile != null && lastReport >= nextSave) {
                            save(walk, nodesBefore);
                            long took = System.nanoTime() - lastReport;
                            // about every second, but never more than a fifth of the time on saving
                            nextSave = System.nanoTime() + Math.max(PROGRESS_EVERY_NANOS, 4 * took);
                        }
                    }
                }
            }
        }
        report(walk.head().size().value(), total, resumedAt, System.nanoTime() - started);
        return new Walked(null, false, false);
    }

    /**
     * The next leaf row. If the database fails between two leaves (it was stopped, say, by the same
     * Ctrl-C that stops the run), the position reached is saved first, so no checked leaf is lost.
     */
    private boolean nextLeaf(ResultSet rs, LeafWalk walk, long nodesBefore) throws SQLException {
        try {
            return rs.next();
        } catch (SQLException e) {
            try {
                save(walk, nodesBefore);
            } catch (VerifyStateException notSaved) {
                e.addSuppressed(notSaved);
            }
            throw e;
        }
    }

    private boolean save(LeafWalk walk, long nodesBefore) {
        if (stateFile == null) {
            return false;
        }
        VerifyState state = walk.state(settings, nodesBefore);
        if (state == null) {
            return false;
        }
        try {
            state.write(stateFile);
            return true;
        } catch (IOException e) {
            throw new VerifyStateException("cannot save the verify state to " + stateFile + ": " + e.getMessage(), e);
        }
    }

    private void deleteState() {
        try {
            Files.deleteIfExists(stateFile);
        } catch (IOException e) {
            throw new VerifyStateException("verified, but cannot delete the state file " + stateFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * The saved state, if it belongs to these settings and to this log as it stands: the log still
     * holds the saved number of leaves, leaf 0 and the last saved leaf have the saved hashes, and the
     * stored nodes of the compact range are the saved ones.
     */
    private VerifyState resumable(Connection connection, long total) throws SQLException {
        VerifyState saved;
        try {
            saved = VerifyState.read(stateFile);
        } catch (IOException e) {
            throw new VerifyStateException("cannot read the verify state " + stateFile + ": " + e.getMessage(), e);
        }
        String again = ": delete it (or give another --state) to verify from the start";
        if (!saved.settings.equals(settings)) {
            throw new VerifyStateException("the state " + stateFile + " was saved with another origin, public key or set of "
                    + "given checkpoints" + again);
        }
        if (total < saved.treeSize) {
            throw new VerifyStateException("the state " + stateFile + " was saved at leaf " + saved.treeSize + " but the log "
                    + "holds " + total + " leaves: another log, or leaves were removed since" + again);
        }
        if (!saved.firstLeafHash.equals(leafHash(connection, 0))) {
            throw new VerifyStateException("the state " + stateFile + " belongs to another log (leaf 0 differs)" + again);
        }
        boolean same = saved.lastLeafHash.equals(leafHash(connection, saved.treeSize - 1));
        List<NodeId> range = Subtrees.perfectNodes(new Subtrees.Range(0, saved.treeSize));
        for (int i = 0; same && i < range.size(); i++) {
            NodeId id = range.get(i);
            Sha256 stored = id.level() == 0 ? leafHash(connection, id.index()) : nodeHash(connection, id);
            same = saved.frontier.get(i).equals(stored);
        }
        if (!same) {
            throw new VerifyStateException("the log no longer matches the state " + stateFile + " at its resume point (leaf "
                    + (saved.treeSize - 1) + "): it changed since the state was saved" + again);
        }
        return saved;
    }

    private static Sha256 leafHash(Connection connection, long index) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT leaf_hash FROM ledger_leaf WHERE leaf_index = ?")) {
            ps.setLong(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                byte[] hash = rs.next() ? rs.getBytes(1) : null;
                return hash != null && hash.length == Sha256.LENGTH ? Sha256.of(hash) : null;
            }
        }
    }

    private static Sha256 nodeHash(Connection connection, NodeId id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT hash FROM ledger_node WHERE level = ? AND idx = ?")) {
            ps.setInt(1, id.level());
            ps.setLong(2, id.index());
            try (ResultSet rs = ps.executeQuery()) {
                byte[] hash = rs.next() ? rs.getBytes(1) : null;
                return hash != null && hash.length == Sha256.LENGTH ? Sha256.of(hash) : null;
            }
        }
    }

    /** What a saved state must have been saved with: the origin, the key and the checkpoints given from outside. */
    private static Sha256 settingsDigest(String logKey, Map<String, SignedCheckpoint> given) {
        List<String> notes = given.values().stream().map(c -> Sha256.digest(c.encoded()).hex()).sorted().toList();
        String text = logKey + "\n" + String.join(",", notes);
        return Sha256.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void report(long checked, long total, long resumedAt, long elapsedNanos) {
        double perSecond = elapsedNanos == 0 ? 0 : (checked - resumedAt) * 1e9 / elapsedNanos;
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
