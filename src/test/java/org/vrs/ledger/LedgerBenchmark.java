package org.vrs.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.support.Caller;
import org.vrs.support.Response;

/**
 * The ledger's figures for {@code docs/benchmarks.md}; not part of {@code mvn verify}. Run with
 * {@code mvn -Pbenchmark test} (add {@code -Dvrs.benchmark.events=N} for another size).
 *
 * <p>Fills the store through the real encrypting event store (synthetic case notes, 1,000 events
 * per transaction, spread over 5,000 files) while the integrator follows, sampling how far it
 * lags; then times a full {@link StoreVerifier} run and inclusion-proof latency, in process and
 * over HTTP.
 */
@Tag("benchmark")
class LedgerBenchmark {

    private static final int EVENTS = Integer.getInteger("vrs.benchmark.events", 1_000_000);
    private static final int FILES = Math.min(5_000, Math.max(1, EVENTS / 200));

    @TempDir
    Path root;

    private final List<String> report = new ArrayList<>();

    /**
     * With {@code -Dvrs.benchmark.dir=DIR} the store is kept in DIR, and a later run on the same DIR
     * skips the writing phases (to time verify and proofs again).
     */
    @Test
    void ledgerFigures() throws Exception {
        String keep = System.getProperty("vrs.benchmark.dir");
        Path dir = keep == null ? root : Path.of(keep);
        boolean filled = Files.isDirectory(dir.resolve("data"));
        LedgerFixture ledger = LedgerFixture.start(dir, Map.of("logging.level.org.vrs.ledger", "INFO"));
        try {
            if (!filled) {
                fillWhileIntegrating(ledger);
                lagUnderTheHttpWritePath(ledger);
            }
            verifyTheWholeStore(ledger);
            inclusionProofLatency(ledger);
        } finally {
            ledger.vrs.close();
            Path out = Path.of(System.getProperty("vrs.benchmark.out", "target/benchmark-ledger.txt"));
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.write(out, report);
            report.forEach(line -> System.out.println("BENCHMARK " + line));
        }
    }

    private void fillWhileIntegrating(LedgerFixture ledger) throws Exception {
        LagSampler sampler = new LagSampler(ledger);
        List<String> files = ledger.newFiles(FILES, 1);
        long started = System.nanoTime();
        sampler.start();
        int rounds = EVENTS / FILES - 1;
        for (int done = 0; done < rounds; done += 10) {
            ledger.append(files, Math.min(10, rounds - done));
        }
        double writeSeconds = seconds(started);
        long events = ledger.count("SELECT count(*) FROM domain_event_entry");
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> ledger.count("SELECT count(*) FROM ledger_leaf") == events);
        double integrateSeconds = seconds(started);
        sampler.stop();
        report.add(String.format("events: %,d in %,d files", events, FILES));
        report.add(String.format("write: %,.0f events/s through the encrypting event store (1,000 per transaction), %.1f s",
                events / writeSeconds, writeSeconds));
        report.add(String.format("integrator: %,.0f leaf appends/s while following the writes (all %,d leaves %.1f s after "
                + "the first write, %.1f s after the last)", events / integrateSeconds, events, integrateSeconds,
                integrateSeconds - writeSeconds));
        report.add("integrator lag while writing (time until the ledger had every event stored at a sample, 200 ms samples): "
                + sampler.lagSummary());
        ledger.awaitIntegrated();
    }

    /** The real write path: clients sending commands over HTTP, one transaction per command, as fast as they can. */
    private void lagUnderTheHttpWritePath(LedgerFixture ledger) throws Exception {
        int clients = 8;
        long seconds = Long.getLong("vrs.benchmark.http-seconds", 20);
        long before = ledger.count("SELECT count(*) FROM domain_event_entry");
        LagSampler sampler = new LagSampler(ledger);
        sampler.start();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread client = new Thread(() -> {
                Response opened = ledger.vrs.post(Caller.RECEPTION, "/api/v1/files",
                        "{\"channel\":\"SELF_REPORT\",\"receivingAgency\":\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"2026-10-01\"}");
                String path = "/api/v1/files/" + opened.text("fileId") + "/add-case-note";
                while (System.nanoTime() < deadline) {
                    ledger.vrs.post(Caller.RECEPTION, path, "{\"category\":\"CASE_ADMIN\",\"text\":\"benchmark note\"}");
                }
            });
            client.start();
            threads.add(client);
        }
        for (Thread client : threads) {
            client.join();
        }
        long events = ledger.count("SELECT count(*) FROM domain_event_entry") - before;
        ledger.awaitIntegrated();
        sampler.stop();
        report.add(String.format("HTTP write path: %d clients, %,d commands in %d s (%,.0f commits/s); integrator lag: %s",
                clients, events, seconds, events / (double) seconds, sampler.lagSummary()));
    }

    private void verifyTheWholeStore(LedgerFixture ledger) throws Exception {
        long started = System.nanoTime();
        VerificationReport result;
        try (Connection app = ledger.vrs.appConnection()) {
            result = ledger.verifier().withProgress((checked, total, perSecond, remaining) -> System.out.printf(
                    "verify: %,d / %,d (%,.0f/s)%n", checked, total, perSecond)).verify(app);
        }
        double seconds = seconds(started);
        assertThat(result).isInstanceOf(VerificationReport.Verified.class);
        VerificationReport.Verified ok = (VerificationReport.Verified) result;
        report.add(String.format("verify: %.1f s for %,d leaves (%,.0f leaves/s), %,d nodes, %,d checkpoints, %,d files",
                seconds, ok.head().size().value(), ok.head().size().value() / seconds, ok.nodes(), ok.checkpoints(), ok.files()));
    }

    private void inclusionProofLatency(LedgerFixture ledger) throws Exception {
        LedgerQueries queries = ledger.vrs.bean(LedgerQueries.class);
        long size = ledger.count("SELECT count(*) FROM ledger_leaf");
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 2_000; i++) {
            queries.inclusionProof(new LeafIndex(random.nextLong(size)), new TreeSize(size));
        }
        long[] inProcess = new long[10_000];
        for (int i = 0; i < inProcess.length; i++) {
            long t = System.nanoTime();
            queries.inclusionProof(new LeafIndex(random.nextLong(size)), new TreeSize(size));
            inProcess[i] = System.nanoTime() - t;
        }
        long[] overHttp = new long[2_000];
        for (int i = 0; i < overHttp.length; i++) {
            long t = System.nanoTime();
            Response response = ledger.vrs.get(Caller.INVESTIGATOR,
                    "/api/v1/ledger/proofs/inclusion?index=" + random.nextLong(size) + "&size=" + size);
            overHttp[i] = System.nanoTime() - t;
            assertThat(response.status()).isEqualTo(200);
        }
        report.add("inclusion proof in a tree of " + String.format("%,d", size) + " leaves, in process (LedgerQueries): "
                + percentiles(inProcess));
        report.add("inclusion proof over HTTP on localhost (GET /api/v1/ledger/proofs/inclusion): " + percentiles(overHttp));
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms (%,d requests)", sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /**
     * Samples stored events and leaves every 200 ms. The lag of a sample is how long until the
     * ledger held as many leaves as there were events at that sample.
     */
    private static final class LagSampler {
        private final LedgerFixture ledger;
        private final List<long[]> samples = new ArrayList<>();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        LagSampler(LedgerFixture ledger) {
            this.ledger = ledger;
        }

        void start() {
            timer.scheduleAtFixedRate(() -> {
                try {
                    long events = ledger.count("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry");
                    long leaves = ledger.count("SELECT COALESCE(MAX(global_index), 0) FROM ledger_leaf");
                    synchronized (samples) {
                        samples.add(new long[] {System.nanoTime(), events, leaves});
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, 0, 200, TimeUnit.MILLISECONDS);
        }

        void stop() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(5, TimeUnit.SECONDS);
        }

        String lagSummary() {
            List<Long> lags = new ArrayList<>();
            synchronized (samples) {
                for (int i = 0; i < samples.size(); i++) {
                    for (int j = i; j < samples.size(); j++) {
                        if (samples.get(j)[2] >= samples.get(i)[1]) {
                            lags.add(samples.get(j)[0] - samples.get(i)[0]);
                            break;
                        }
                    }
                }
            }
            long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                return "no samples";
            }
            return String.format("median %.1f s, p99 %.1f s, max %.1f s (%d samples)", sorted[sorted.length / 2] / 1e9,
                    sorted[(int) (sorted.length * 0.99)] / 1e9, sorted[sorted.length - 1] / 1e9, sorted.length);
        }
    }
}
