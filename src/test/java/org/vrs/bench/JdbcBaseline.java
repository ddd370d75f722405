package org.vrs.bench;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * What PostgreSQL itself can do on this machine: one row per durable transaction into a table of
 * the event table's shape (same columns, primary key, unique constraints), rows as large as the
 * service's real rows, from the same number of clients, each on its own connection.
 */
final class JdbcBaseline {
    /** Sizes of a real stored event, measured from the service's own rows. */
    record RowShape(int payloadBytes, int metaDataBytes, String payloadType) {
    }

    static final String TABLE = "bench_event";

    private JdbcBaseline() {
    }

    static void createTable(Connection owner) throws Exception {
        try (Statement s = owner.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("CREATE TABLE " + TABLE + " (global_index BIGSERIAL PRIMARY KEY, event_identifier VARCHAR(255) NOT NULL UNIQUE, "
                    + "aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL, type VARCHAR(255), "
                    + "time_stamp VARCHAR(255) NOT NULL, payload_type VARCHAR(255) NOT NULL, payload_revision VARCHAR(255), "
                    + "payload BYTEA NOT NULL, meta_data BYTEA, UNIQUE (aggregate_identifier, sequence_number))");
        }
    }

    /** Average sizes of the case-note events the service stored. */
    static RowShape measure(Connection owner) throws Exception {
        try (Statement s = owner.createStatement(); ResultSet rs = s.executeQuery("SELECT avg(octet_length(payload))::int, "
                + "avg(octet_length(meta_data))::int, max(payload_type) FROM domain_event_entry WHERE payload_type LIKE '%CaseNoteAdded'")) {
            rs.next();
            return new RowShape(rs.getInt(1), rs.getInt(2), rs.getString(3));
        }
    }

    /** Connections are opened by the caller, so their backends' CPU time is still countable when the run ends. */
    static Stats run(List<Connection> connections, RowShape shape, Duration duration) throws Exception {
        int clients = connections.size();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CyclicBarrier start = new CyclicBarrier(clients);
        List<Future<long[]>> results = new ArrayList<>();
        for (Connection connection : connections) {
            results.add(pool.submit(() -> client(connection, shape, start, duration)));
        }
        List<long[]> latencies = new ArrayList<>();
        for (Future<long[]> r : results) {
            latencies.add(r.get(duration.toSeconds() + 300, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return Stats.of("raw JDBC", clients, latencies, 0, duration.toNanos() / 1e9);
    }

    private static final String INSERT = "INSERT INTO " + TABLE + " (event_identifier, aggregate_identifier, sequence_number, "
            + "type, time_stamp, payload_type, payload_revision, payload, meta_data) VALUES (?,?,?,?,?,?,?,?,?)";

    /** One row of the service's shape: random payload and metadata of its sizes, as {@link #INSERT} takes them. */
    private static void bindRow(PreparedStatement insert, RowShape shape, SecureRandom random, String aggregate, long sequence)
            throws java.sql.SQLException {
        byte[] payload = new byte[shape.payloadBytes()];
        byte[] meta = new byte[shape.metaDataBytes()];
        random.nextBytes(payload);
        random.nextBytes(meta);
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, aggregate);
        insert.setLong(3, sequence);
        insert.setString(4, "VictimFile");
        insert.setString(5, Instant.now().toString());
        insert.setString(6, shape.payloadType());
        insert.setString(7, "1");
        insert.setBytes(8, payload);
        insert.setBytes(9, meta);
    }

    static Connection connect(String jdbcUrl) throws Exception {
        return DriverManager.getConnection(jdbcUrl, "vrs_owner", "");
    }

    private static long[] client(Connection c, RowShape shape, CyclicBarrier start, Duration duration) throws Exception {
        SecureRandom random = new SecureRandom();
        long[] latencies = new long[1 << 16];
        int n = 0;
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            c.setAutoCommit(true); // one durable transaction per row, as each command is
            String aggregate = UUID.randomUUID().toString();
            long sequence = 0;
            start.await(60, TimeUnit.SECONDS);
            long end = System.nanoTime() + duration.toNanos();
            for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                if (sequence > ServiceLoad.NOTES_PER_FILE) {
                    aggregate = UUID.randomUUID().toString();
                    sequence = 0;
                }
                bindRow(insert, shape, random, aggregate, sequence++);
                insert.executeUpdate();
                if (n == latencies.length) {
                    latencies = java.util.Arrays.copyOf(latencies, n * 2);
                }
                latencies[n++] = System.nanoTime() - now;
            }
        }
        return java.util.Arrays.copyOf(latencies, n);
    }

    /**
     * The bulk-import baseline: {@code files} files of {@code perFile} rows each, {@code filesPerBatch}
     * files per transaction inserted with one JDBC batch, as the import appends them. Returns rows/s.
     */
    static double batched(Connection c, RowShape shape, int files, int perFile, int filesPerBatch) throws Exception {
        SecureRandom random = new SecureRandom();
        c.setAutoCommit(false);
        long start = System.nanoTime();
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (int f = 0; f < files; f++) {
                String aggregate = UUID.randomUUID().toString();
                for (int e = 0; e < perFile; e++) {
                    bindRow(insert, shape, random, aggregate, e);
                    insert.addBatch();
                }
                if ((f + 1) % filesPerBatch == 0 || f == files - 1) {
                    insert.executeBatch();
                    c.commit();
                }
            }
        } finally {
            c.setAutoCommit(true);
        }
        return (double) files * perFile / ((System.nanoTime() - start) / 1e9);
    }
}
