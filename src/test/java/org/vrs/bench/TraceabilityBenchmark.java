package org.vrs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.audit.TraceabilityChecks;
import org.vrs.protection.DataKeys;
import org.vrs.protection.RawEventScan;
import org.vrs.support.BenchmarkStore;
import org.vrs.support.MemoryProbe;

/**
 * Traceability checks over the whole store (issue 5): {@link TraceabilityChecks#run} (what the
 * auditor's command runs) against a raw sequential JDBC read of the event table in the same run,
 * and a raw read with decryption. Not part of {@code mvn verify}:
 * {@code mvn -B -Pbench test -Dtest=TraceabilityBenchmark -Dvrs.benchmark.dir=DIR}
 * ({@code -Dvrs.benchmark.events=N}). Results in {@code target/benchmarks/traceability.txt}.
 */
@Tag("benchmark")
class TraceabilityBenchmark {

    @TempDir
    Path root;

    @Test
    void checksAgainstRawRead() throws Exception {
        List<String> report = BenchmarkStore.newReport();
        try (BenchmarkStore store = BenchmarkStore.open(root, Map.of())) {
            long events = store.events();
            report.add(store.describe());
            TraceabilityChecks checks = store.vrs.bean(TraceabilityChecks.class);
            DataKeys keys = store.vrs.bean(DataKeys.class);
            RawEventScan.Result rawWarm;
            try (Connection app = store.vrs.appConnection()) {
                RawEventScan.scan(app, null); // cold pass: page cache and JIT, not reported
                rawWarm = RawEventScan.scan(app, null);
            }
            MemoryProbe memory = MemoryProbe.start();
            InProcessProfile profile = InProcessProfile.start("traceability");
            CpuMeter cpu = CpuMeter.of(ProcessHandle.current().pid(), store.vrs.dataDir());
            CpuMeter.Sample cpu0 = cpu.sample();
            long started = System.nanoTime();
            TraceabilityChecks.Report result = checks.run(null, read -> {
                if (read % 100_000 == 0) {
                    System.out.printf("traceability: %,d events read%n", read);
                }
            });
            double seconds = BenchmarkStore.seconds(started);
            CpuMeter.Sample used = cpu.sample().minus(cpu0);
            String checkMemory = memory.summary();
            List<String> profiled = profile.stop();
            profile.close();
            RawEventScan.Result rawAfter;
            RawEventScan.Result decrypted;
            try (Connection app = store.vrs.appConnection()) {
                rawAfter = RawEventScan.scan(app, null);
                decrypted = RawEventScan.scan(app, keys);
            }
            double raw = Math.max(rawWarm.perSecond(), rawAfter.perSecond());
            report.add(String.format("TraceabilityChecks.run over the whole store: %,d events read in %.1f s, %,.0f events/s, "
                    + "%,d findings; CPU per event: service JVM %.0f µs, PostgreSQL %.0f µs", result.eventsRead(), seconds,
                    result.eventsRead() / seconds, result.findings().size(), used.service() * 1e6 / events, used.database() * 1e6 / events));
            report.add(String.format("baseline, raw JDBC read of domain_event_entry in global-index order (every column, no "
                    + "decryption): %.1f s before (%,.0f rows/s), %.1f s after (%,.0f rows/s)", rawWarm.seconds(), rawWarm.perSecond(),
                    rawAfter.seconds(), rawAfter.perSecond()));
            report.add(String.format("raw read + real decryption, no Axon: %.1f s (%,.0f rows/s)", decrypted.seconds(),
                    decrypted.perSecond()));
            report.add(String.format("ratio, checks / best raw read: %.1f%%; checks / raw read+decrypt: %.1f%%",
                    100 * (result.eventsRead() / seconds) / raw, 100 * (result.eventsRead() / seconds) / decrypted.perSecond()));
            report.add("memory during the checks: " + checkMemory);
            report.addAll(profiled);
            assertThat(result.eventsRead()).isEqualTo(events);
        } finally {
            report.add("load average after: " + BenchmarkStore.loadAverage());
            BenchmarkStore.report("traceability", report);
        }
    }
}
