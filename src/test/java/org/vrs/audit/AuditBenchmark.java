package org.vrs.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.access.AgencyRegistry;
import org.vrs.support.Caller;
import org.vrs.support.Response;
import org.vrs.support.RunningService;
import org.vrs.views.FileQueries;

/**
 * Not part of the default run: {@code mvn -B -Pbench test -Dtest=AuditBenchmark}. One file of 1,000
 * events written over HTTP on a service of its own, then the timeline ({@code GET /history}, pages of
 * 1,000 and of 100) and the point-in-time view ({@code ?asOfSequence=} at random sequences), each
 * timed over HTTP with a real bearer token after a warm-up. Prints the figures; docs/benchmarks.md
 * records what was measured. Every read is also recorded as a FileRead event, as in production.
 */
@Tag("benchmark")
class AuditBenchmark {
    private static final int EVENTS = 1000;
    private static final int WARM_UP = 30;
    private static final int SAMPLES = 300;
    private static final List<String> CATEGORIES = List.of("CASE_ADMIN", "SUPPORT", "LEGAL", "HEALTH");
    private static final Caller AUDITOR = new Caller("u-auditor", "STATE-AUDIT", "AUDITOR", "audit");
    private static final Caller OWNER = Caller.RECEPTION.withPurpose("case-review");

    @TempDir
    Path root;

    @Test
    void timelineAndPointInTimeOfAThousandEventFile() throws Exception {
        try (RunningService vrs = RunningService.start(root.resolve("data"), root.resolve("keys"), Map.of())) {
            String file = writeFile(vrs);
            vrs.awaitLedger();
            HttpClient http = HttpClient.newHttpClient();
            Random random = new Random(42);
            String files = "http://127.0.0.1:" + vrs.port() + "/api/v1/files/" + file;
            System.out.println("AUDIT BENCHMARK (" + EVENTS + "-event file, " + WARM_UP + " warm-up, " + SAMPLES + " timed each)");
            report("history size=1000, auditor", measure(vrs, http, AUDITOR, i -> files + "/history?size=1000"));
            report("history size=1000, owner's reception officer", measure(vrs, http, OWNER, i -> files + "/history?size=1000"));
            report("history size=100, random page, auditor", measure(vrs, http, AUDITOR, i -> files + "/history?size=100&page=" + random.nextInt(10)));
            report("view ?asOfSequence=random, auditor", measure(vrs, http, AUDITOR, i -> files + "?asOfSequence=" + random.nextInt(EVENTS)));
            report("view ?asOfSequence=random, owner's reception officer", measure(vrs, http, OWNER, i -> files + "?asOfSequence=" + random.nextInt(EVENTS)));
            report("view, live (projection), auditor", measure(vrs, http, AUDITOR, i -> files));
        }
    }

    private static long[] measure(RunningService vrs, HttpClient http, Caller caller, IntFunction<String> uri) throws Exception {
        String token = caller.token(vrs.tokens(), vrs.bean(AgencyRegistry.class)); // issued outside the timed part
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < WARM_UP + SAMPLES; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(uri.apply(i))).GET().header("Authorization", "Bearer " + token)
                    .header("X-VRS-Purpose", caller.purpose()).build();
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long elapsed = System.nanoTime() - start;
            assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
            if (i >= WARM_UP) {
                nanos[i - WARM_UP] = elapsed;
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void report(String what, long[] sorted) {
        System.out.printf(Locale.ROOT, "AUDIT | %s | %d | min %.1f ms | p50 %.1f ms | p90 %.1f ms | p99 %.1f ms | max %.1f ms%n", what,
                sorted.length, ms(sorted[0]), percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), ms(sorted[sorted.length - 1]));
    }

    /** Nearest rank. */
    private static double percentile(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return ms(sorted[Math.max(0, Math.min(sorted.length - 1, i))]);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** The opening and 999 case notes of about 200 characters in four categories, as in ExtractBenchmark. */
    private static String writeFile(RunningService vrs) {
        Response opened = vrs.post(Caller.RECEPTION, "/api/v1/files",
                "{\"channel\":\"RESCUE\",\"receivingAgency\":\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"2026-11-01\"}");
        assertThat(opened.status()).isEqualTo(201);
        String file = opened.text("fileId");
        for (int i = 1; i < EVENTS; i++) {
            Response r = vrs.post(Caller.RECEPTION, "/api/v1/files/" + file + "/add-case-note", """
                    {"category":"%s","text":"Note %d: the person reported on the proceedings, the care received and the support \
                    still needed; the caseworker will follow up with the commune and the provincial court next month."}"""
                    .formatted(CATEGORIES.get(i % CATEGORIES.size()), i));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> vrs.bean(FileQueries.class).current(file)
                .map(v -> v.lastSequence() == EVENTS - 1).orElse(false));
        return file;
    }
}
