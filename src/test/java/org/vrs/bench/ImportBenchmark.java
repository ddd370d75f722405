package org.vrs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.support.BenchmarkStore;
import org.vrs.support.Caller;
import org.vrs.support.MemoryProbe;
import org.vrs.support.Response;
import org.vrs.support.RunningService;

/**
 * Bulk import through the whole stack (HTTP, binding, the file's rules in one unit of work,
 * encryption, one JDBC batch per request, the ledger following) against raw batched JDBC inserts
 * of rows of the same size into a table of the same shape, same batch size, measured in the same run.
 * Run with {@code mvn -B -Pbench test -Dtest=ImportBenchmark}; results in target/benchmarks/import.txt.
 */
@Tag("benchmark")
class ImportBenchmark {
    private static final int FILES = Integer.getInteger("vrs.benchmark.import.files", 2_000);
    private static final int EVENTS_PER_FILE = 50;
    private static final int FILES_PER_BATCH = Integer.getInteger("vrs.benchmark.import.batch", 50);
    private static final Caller IMPORTER = new Caller("u-migration", "LC-HEALTH", "CASEWORKER", null);
    private static final String NOTE = "Paper record transcribed: reception interview, needs assessed, family contacted, "
            + "follow-up planned with the commune social worker; documents scanned and filed under the register number.";

    @TempDir
    Path root;

    @Test
    void importFigures() throws Exception {
        List<String> report = new ArrayList<>();
        report.add("date " + java.time.Instant.now() + ", load " + BenchmarkStore.loadAverage() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        MemoryProbe memory = MemoryProbe.start();
        try (RunningService vrs = RunningService.start(root.resolve("data"), root.resolve("keys"), Map.of())) {
            importBatches(vrs, 0, 4, 1); // warm-up: JIT, pools, key caches
            vrs.awaitLedger();
            for (int clients : new int[] {1, 2}) {
                int offset = clients * 1_000_000;
                long events = vrs.count("SELECT count(*) FROM domain_event_entry");
                InProcessProfile profile = clients == 1 ? InProcessProfile.start("import") : null;
                long start = System.nanoTime();
                long[] latencies = importBatches(vrs, offset, FILES / FILES_PER_BATCH, clients);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (profile != null) {
                    report.addAll(profile.stop());
                    profile.close();
                }
                long imported = vrs.count("SELECT count(*) FROM domain_event_entry") - events;
                assertThat(imported).isEqualTo((long) FILES * EVENTS_PER_FILE);
                long ledgerStart = System.nanoTime();
                vrs.awaitLedger();
                double ledgerLag = (System.nanoTime() - ledgerStart) / 1e9;
                double service = imported / seconds;

                JdbcBaseline.RowShape shape = shape(vrs);
                double baseline = baseline(vrs, shape, clients);
                Arrays.sort(latencies);
                report.add(String.format("clients %d | %d files x %d events, %d files (%d events) per request | import %.0f events/s "
                                + "(request p50 %.0f ms, max %.0f ms) | raw batched JDBC %.0f rows/s (rows of %d + %d bytes) | ratio %.2f "
                                + "| ledger caught up %.1f s after the last batch",
                        clients, FILES, EVENTS_PER_FILE, FILES_PER_BATCH, FILES_PER_BATCH * EVENTS_PER_FILE, service,
                        latencies[latencies.length / 2] / 1e6, latencies[latencies.length - 1] / 1e6, baseline,
                        shape.payloadBytes(), shape.metaDataBytes(), service / baseline, ledgerLag));
            }
        }
        report.add("memory " + memory.summary());
        BenchmarkStore.report("import", report);
    }

    private static long[] importBatches(RunningService vrs, int offset, int batches, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Long>> results = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            String body = batch(offset + b);
            results.add(pool.submit(() -> {
                long t = System.nanoTime();
                Response r = vrs.post(IMPORTER, "/api/v1/imports", body);
                if (r.status() != 201) {
                    throw new IllegalStateException("import refused: " + r.status() + " " + r.json().path("message").asText());
                }
                return System.nanoTime() - t;
            }));
        }
        long[] latencies = new long[batches];
        for (int i = 0; i < batches; i++) {
            latencies[i] = results.get(i).get();
        }
        pool.shutdown();
        return latencies;
    }

    /** Synthetic paper files: opening, identity, whereabouts and 47 transcribed notes. */
    private static String batch(int number) {
        StringBuilder files = new StringBuilder();
        for (int f = 0; f < FILES_PER_BATCH; f++) {
            if (f > 0) {
                files.append(',');
            }
            String reference = "BENCH/" + number + "/" + f;
            files.append("{\"reference\":\"").append(reference).append("\",\"commands\":[")
                    .append("{\"command\":\"open-file\",\"body\":{\"channel\":\"RESCUE\",\"receivingAgency\":\"LC-HEALTH\",\"receivedOn\":\"2025-06-04\"}},")
                    .append("{\"command\":\"record-identity\",\"body\":{\"identity\":{\"fullName\":\"Synthetic Person ").append(number).append('-').append(f)
                    .append("\",\"sex\":\"FEMALE\",\"idDocumentType\":\"NONE\"}}},")
                    .append("{\"command\":\"record-whereabouts\",\"body\":{\"whereabouts\":{\"residenceAddress\":\"Synthetic hamlet ").append(f)
                    .append("\",\"province\":\"LC\"}}}");
            for (int n = 3; n < EVENTS_PER_FILE; n++) {
                files.append(",{\"command\":\"add-case-note\",\"body\":{\"category\":\"CASE_ADMIN\",\"text\":\"").append(NOTE).append(' ').append(n).append("\"}}");
            }
            files.append("]}");
        }
        return "{\"source\":\"paper-register-bench\",\"files\":[" + files + "]}";
    }

    private static JdbcBaseline.RowShape shape(RunningService vrs) throws Exception {
        try (Connection c = vrs.ownerConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT avg(octet_length(payload))::int, avg(octet_length(meta_data))::int, max(payload_type) FROM domain_event_entry")) {
            rs.next();
            return new JdbcBaseline.RowShape(rs.getInt(1), rs.getInt(2), rs.getString(3));
        }
    }

    /** The same rows, files and batch size, by as many connections as the service had clients. */
    private static double baseline(RunningService vrs, JdbcBaseline.RowShape shape, int clients) throws Exception {
        try (Connection owner = vrs.ownerConnection()) {
            JdbcBaseline.createTable(owner);
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Double>> rates = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            rates.add(pool.submit(() -> {
                try (Connection connection = vrs.ownerConnection()) {
                    return JdbcBaseline.batched(connection, shape, FILES / clients, EVENTS_PER_FILE, FILES_PER_BATCH);
                }
            }));
        }
        double total = 0;
        for (Future<Double> rate : rates) {
            total += rate.get();
        }
        pool.shutdown();
        return total;
    }
}
