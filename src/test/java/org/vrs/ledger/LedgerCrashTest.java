package org.vrs.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The integrator interrupted mid-batch (its database sessions killed while it writes leaves) and
 * the whole service stopped while it lags behind the writers: after a restart the log has exactly
 * one leaf per event, in commit order, and the same root as a tree built without interruption.
 */
class LedgerCrashTest {

    @TempDir
    Path root;

    @Test
    void interruptedAndRestartedTheLedgerEqualsOneBuiltWithoutInterruption() throws Exception {
        LedgerFixture first = LedgerFixture.start(root, Map.of("vrs.ledger.batch-size", "50", "vrs.ledger.token-claim-interval", "PT0.2S"));
        List<String> files = first.newFiles(20, 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            while (writing.get()) {
                first.append(files, 1);
            }
        }, "test-writer");
        writer.start();
        AtomicInteger killed = new AtomicInteger();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                .until(() -> killed.addAndGet(terminateLedgerSessionsInTransaction(first)) >= 3);
        writing.set(false);
        writer.join();
        long written = first.count("SELECT count(*) FROM domain_event_entry");
        await().atMost(Duration.ofSeconds(60)).until(() -> first.count("SELECT count(*) FROM ledger_leaf") >= written / 2);

        first.append(files, 100);
        long eventsAtStop = first.count("SELECT count(*) FROM domain_event_entry");
        long leavesAtStop = first.count("SELECT count(*) FROM ledger_leaf");
        first.vrs.close();
        assertThat(leavesAtStop).as("stopped while integration was in flight").isLessThan(eventsAtStop)
                .isGreaterThanOrEqualTo(written / 2);

        LedgerFixture second = LedgerFixture.start(root, Map.of());
        try {
            second.awaitIntegrated();
            long events = second.count("SELECT count(*) FROM domain_event_entry");
            assertThat(events).isEqualTo(eventsAtStop);
            assertThat(second.count("SELECT count(DISTINCT global_index) FROM ledger_leaf")).isEqualTo(events);
            Sha256 uninterrupted = rootBuiltInOneGo(second);
            VerificationReport.Verified verified = (VerificationReport.Verified) second.verify();
            assertThat(verified.head()).isEqualTo(new TreeHead(new TreeSize(events), uninterrupted));
            String latest = second.vrs.bean(LedgerQueries.class).latestCheckpoint().orElseThrow();
            assertThat(SignedCheckpoint.parse(latest.getBytes(StandardCharsets.UTF_8)).checkpoint().head())
                    .isEqualTo(verified.head());
        } finally {
            second.vrs.close();
        }
    }

    /**
     * The RFC 6962 root over the events in global-index order, which is commit order here (one
     * writer at a time), computed with the literal recursive definition.
     */
    private static Sha256 rootBuiltInOneGo(LedgerFixture ledger) throws SQLException {
        List<Sha256> leafHashes = new ArrayList<>();
        Map<String, Sha256> fileHeads = new HashMap<>();
        try (Connection c = ledger.vrs.ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + StoredEvent.columns("") + " FROM domain_event_entry ORDER BY global_index")) {
            while (rs.next()) {
                StoredEvent row = StoredEvent.read(rs, 1);
                Sha256 leafHash = row.toLeaf(fileHeads.getOrDefault(row.fileId(), Sha256.ZERO)).leafHash();
                fileHeads.put(row.fileId(), leafHash);
                leafHashes.add(leafHash);
            }
        }
        return new ReferenceTree(leafHashes).root(leafHashes.size());
    }

    /** Kills the integrator's database sessions that are inside a transaction touching the ledger. */
    private static int terminateLedgerSessionsInTransaction(LedgerFixture ledger) throws SQLException {
        try (Connection admin = DriverManager.getConnection(ledger.vrs.jdbcUrl(), "postgres", "");
             Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
                     + "WHERE usename = 'vrs_app' AND state IN ('active', 'idle in transaction') "
                     + "AND query LIKE '%INSERT INTO ledger_%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
