package org.vrs.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.support.Caller;
import org.vrs.support.Response;
import org.vrs.support.RunningService;
import org.vrs.views.FileQueries;

/**
 * Not part of the default run: {@code mvn -o test -Dtest=ExtractBenchmark -Dvrs.benchmark=true}.
 * A 1,000-event file on a service of its own; extracts over HTTP covering every event (proofs,
 * CMS signature, time-stamp, PDF), then offline verification of the bundle, and once the proof
 * script. Prints the figures; docs/benchmarks.md records what was measured.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "vrs.benchmark", matches = "true")
class ExtractBenchmark {

    private static final int EVENTS = 1000;
    private static final int WARM_UP = 5;
    private static final int RUNS = 40;
    private static final List<String> CATEGORIES = List.of("LEGAL", "HEALTH", "SUPPORT", "CASE_ADMIN");

    @TempDir
    Path root;

    @Test
    void extractOfAThousandEventFile() throws Exception {
        try (RunningService vrs = RunningService.start(root.resolve("data"), root.resolve("keys"), Map.of())) {
            String file = writeFile(vrs);
            String order = """
                    {"orderReference":"B-1","issuingCourt":"LC-COURT","fileId":"%s","categories":["CASE_ADMIN","LEGAL"],
                     "periodFrom":"2026-01-01","periodTo":"%s","purpose":"benchmark"}""".formatted(file, LocalDate.now(TestBundles.VIETNAM));

            List<Long> issue = new ArrayList<>();
            byte[] zip = null;
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                vrs.awaitLedger();
                long start = System.nanoTime();
                HttpResponse<byte[]> response = vrs.postForBytes(CourtFile.JUDGE, "/api/v1/extracts", order);
                long elapsed = System.nanoTime() - start;
                assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(201);
                if (i >= WARM_UP) {
                    issue.add(elapsed);
                }
                zip = response.body();
            }
            Path bundle = Files.write(root.resolve("bundle.zip"), zip);
            byte[] anchor = Files.readAllBytes(vrs.keysDir().resolve("extract").resolve("ca.pem"));
            List<Long> verify = new ArrayList<>();
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                long start = System.nanoTime();
                VerificationReport report = ExtractVerifier.verify(bundle, anchor);
                long elapsed = System.nanoTime() - start;
                assertThat(report.verified()).as(String.join("\n", report.lines())).isTrue();
                if (i >= WARM_UP) {
                    verify.add(elapsed);
                }
            }
            Map<String, byte[]> files = Zips.read(zip);
            int events = ExtractDocumentParser.parse(files.get(BundleFiles.EXTRACT)).events().size();
            int pages;
            try (PDDocument pdf = Loader.loadPDF(files.get(BundleFiles.PDF))) {
                pages = pdf.getNumberOfPages();
            }
            long script = proofScript(zip);
            System.out.printf("EXTRACT-BENCHMARK events=%d bundle=%d bytes extract.json=%d bytes pdf=%d bytes (%d pages)%n",
                    events, zip.length, files.get(BundleFiles.EXTRACT).length, files.get(BundleFiles.PDF).length, pages);
            System.out.println("EXTRACT-BENCHMARK issue over HTTP " + stats(issue));
            System.out.println("EXTRACT-BENCHMARK verify-extract (in-process) " + stats(verify));
            System.out.println("EXTRACT-BENCHMARK sh verify-proofs.sh once: " + script + " ms");
            assertThat(events).isGreaterThanOrEqualTo(EVENTS);
        }
    }

    private static String writeFile(RunningService vrs) {
        Response opened = vrs.post(Caller.RECEPTION, "/api/v1/files",
                "{\"channel\":\"RESCUE\",\"receivingAgency\":\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"2026-11-01\"}");
        String file = opened.text("fileId");
        for (int i = 1; i < EVENTS; i++) {
            String category = CATEGORIES.get(i % CATEGORIES.size());
            Response r = vrs.post(Caller.RECEPTION, "/api/v1/files/" + file + "/add-case-note", """
                    {"category":"%s","text":"Note %d: the person reported on the proceedings, the care received and the support \
                    still needed; the caseworker will follow up with the commune and the provincial court next month."}"""
                    .formatted(category, i));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            if (i == EVENTS / 2) {
                vrs.awaitLedger();
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> vrs.bean(FileQueries.class).scope(file).isPresent());
        return file;
    }

    private long proofScript(byte[] zip) throws Exception {
        Path dir = Files.createDirectories(root.resolve("unpacked"));
        Zips.unpack(zip, dir);
        long start = System.nanoTime();
        Process process = new ProcessBuilder("/bin/sh", "verify-proofs.sh").directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.MINUTES)).isTrue();
        assertThat(output).as(output).endsWith("ALL PROOFS VERIFIED\n");
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Nearest-rank percentiles in milliseconds; with 40 runs p99 is the slowest run. */
    private static String stats(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("runs=%d min=%.0f ms p50=%.0f ms p90=%.0f ms p99=%.0f ms max=%.0f ms", sorted.size(),
                ms(sorted.get(0)), ms(rank(sorted, 0.50)), ms(rank(sorted, 0.90)), ms(rank(sorted, 0.99)), ms(sorted.get(sorted.size() - 1)));
    }

    private static long rank(List<Long> sorted, double p) {
        return sorted.get((int) Math.ceil(p * sorted.size()) - 1);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
