package org.vrs.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.access.AgencyRegistry;
import org.vrs.bench.InProcessProfile;
import org.vrs.support.BenchmarkStore;
import org.vrs.support.Caller;
import org.vrs.support.MemoryProbe;
import org.vrs.support.Response;

/**
 * The ledger's figures for {@code docs/benchmarks.md} (issue 3); not part of {@code mvn verify}. Run with
 * {@code mvn -B -Pbench test -Dtest=LedgerBenchmark -Dvrs.benchmark.dir=DIR} (add
 * {@code -Dvrs.benchmark.events=N} for another size than 1,000,000).
 *
 * <p>Uses the {@link BenchmarkStore} (filled once through the real encrypting event store while
 * the integrator follows, its lag sampled); then measures the integrator's lag under the HTTP write
 * path, times a full {@link StoreVerifier} run, and inclusion-proof latency in process and over
 * HTTP. Results in {@code target/benchmarks/ledger.txt}.
 */
@Tag("benchmark")
class LedgerBenchmark {

    @TempDir
    Path root;

    private final List<String> report = BenchmarkStore.newReport();

    @Test
    void ledgerFigures() throws Exception {
        MemoryProbe memory = MemoryProbe.start();
        boolean reused = false;
        try (BenchmarkStore store = BenchmarkStore.open(root, Map.of("logging.level.org.vrs.ledger", "INFO"))) {
            reused = store.reused();
            report.add(reused ? "store reused from an earlier run; its fill, as recorded then:" : "store filled in this run:");
            store.fillReport().forEach(l -> report.add("  " + l));
            lagUnderTheHttpWritePath(store);
            verifyTheWholeStore(store);
            InProcessProfile profile = InProcessProfile.start("ledger-proofs");
            inclusionProofLatency(store);
            List<String> profiled = profile.stop();
            profile.close();
            report.add("during the inclusion proofs:");
            profiled.forEach(l -> report.add("  " + l));
        } finally {
            report.add("memory (this JVM hosts the service; " + (reused ? "measured phases only" : "fill included")
                    + "): " + memory.summary());
            report.add("load average after: " + BenchmarkStore.loadAverage());
            BenchmarkStore.report("ledger", report);
        }
    }

    /** The real write path: clients sending commands over HTTP, one transaction per command, as fast as they can. */
    private void lagUnderTheHttpWritePath(BenchmarkStore store) throws Exception {
        int clients = 8;
        long seconds = Long.getLong("vrs.benchmark.http-seconds", 20);
        long before = store.events();
        BenchmarkStore.LagSampler sampler = new BenchmarkStore.LagSampler(store.vrs);
        sampler.start();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread client = new Thread(() -> {
                String path = null;
                for (int n = 0; System.nanoTime() < deadline; n++) {
                    if (n % 31 == 0) { // files of 1-31 events, as real ones (and the write-path benchmark's)
                        Response opened = store.vrs.post(Caller.RECEPTION, "/api/v1/files",
                                "{\"channel\":\"SELF_REPORT\",\"receivingAgency\":\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"2026-10-01\"}");
                        path = "/api/v1/files/" + opened.text("fileId") + "/add-case-note";
                    } else {
                        store.vrs.post(Caller.RECEPTION, path, "{\"category\":\"CASE_ADMIN\",\"text\":\"benchmark note\"}");
                    }
                }
            });
            client.start();
            threads.add(client);
        }
        for (Thread client : threads) {
            client.join();
        }
        long events = store.events() - before;
        store.vrs.awaitLedger();
        sampler.stop();
        report.add(String.format("HTTP write path: %d clients, %,d commands in %d s (%,.0f commits/s); integrator lag: %s",
                clients, events, seconds, events / (double) seconds, sampler.summary()));
    }

    private void verifyTheWholeStore(BenchmarkStore store) throws Exception {
        StoreVerifier verifier = StoreVerifier.of(StoreVerifier.DEFAULT_ORIGIN,
                LedgerSigningKey.readPublicKey(store.vrs.keysDir().resolve(LedgerSigningKey.PUBLIC_KEY_FILE)));
        long started = System.nanoTime();
        VerificationReport result;
        try (Connection app = store.vrs.appConnection()) {
            result = verifier.withProgress((checked, total, perSecond, remaining) -> System.out.printf(
                    "verify: %,d / %,d (%,.0f/s)%n", checked, total, perSecond)).verify(app);
        }
        double seconds = BenchmarkStore.seconds(started);
        assertThat(result).isInstanceOf(VerificationReport.Verified.class);
        VerificationReport.Verified ok = (VerificationReport.Verified) result;
        report.add(String.format("verify (StoreVerifier, in process, as the vrs_app role): %.1f s for %,d leaves (%,.0f leaves/s), "
                + "%,d nodes, %,d checkpoints, %,d files", seconds, ok.head().size().value(), ok.head().size().value() / seconds,
                ok.nodes(), ok.checkpoints(), ok.files()));
    }

    private void inclusionProofLatency(BenchmarkStore store) throws Exception {
        LedgerQueries queries = store.vrs.bean(LedgerQueries.class);
        long size = store.vrs.count("SELECT count(*) FROM ledger_leaf");
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
        // one client with one token for the whole run, as a real client reuses its token until it expires
        String token = Caller.INVESTIGATOR.token(store.vrs.tokens(), store.vrs.bean(AgencyRegistry.class));
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + store.vrs.port() + "/api/v1/ledger/proofs/inclusion?size=" + size + "&index=";
        for (int i = 0; i < 1_000; i++) {
            http.send(HttpRequest.newBuilder(URI.create(base + random.nextLong(size))).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        long[] overHttp = new long[2_000];
        long cpuBefore = processCpuNanos();
        for (int i = 0; i < overHttp.length; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + random.nextLong(size))).header("Authorization", "Bearer " + token)
                    .build();
            long t = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            overHttp[i] = System.nanoTime() - t;
            assertThat(response.statusCode()).isEqualTo(200);
        }
        double cpuPerRequest = (processCpuNanos() - cpuBefore) / 1e6 / overHttp.length;
        report.add("inclusion proof in a tree of " + String.format("%,d", size) + " leaves, in process (LedgerQueries): "
                + percentiles(inProcess));
        report.add("inclusion proof over HTTP on localhost (GET /api/v1/ledger/proofs/inclusion, one client "
                + "reusing one bearer token: its signature is checked once and remembered, its claims on every request): " + percentiles(overHttp)
                + String.format("; CPU of this JVM (client and service) per request %.2f ms", cpuPerRequest));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms (%,d requests)", sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
    }
}
