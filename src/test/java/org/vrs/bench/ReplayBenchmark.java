package org.vrs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.protection.DataKeys;
import org.vrs.protection.RawEventScan;
import org.vrs.support.BenchmarkStore;
import org.vrs.support.Caller;
import org.vrs.support.MemoryProbe;
import org.vrs.support.Response;
import org.vrs.views.Projections;

/**
 * Replay (issue 7.3): every projection rebuilt from the whole store through the real rebuild path
 * (the administrator's {@code POST /api/v1/admin/projections/{name}/rebuild}), against a raw
 * sequential JDBC read and decryption of the same rows in the same run. Not part of
 * {@code mvn verify}: {@code mvn -B -Pbench test -Dtest=ReplayBenchmark -Dvrs.benchmark.dir=DIR}
 * ({@code -Dvrs.benchmark.events=N}). Results in {@code target/benchmarks/replay.txt}.
 */
@Tag("benchmark")
class ReplayBenchmark {
    private static final Caller ADMIN = new Caller("u-admin", "LC-HEALTH", "SYSTEM_ADMINISTRATOR", null);

    @TempDir
    Path root;

    @Test
    void rebuildAgainstRawReadAndDecrypt() throws Exception {
        List<String> report = BenchmarkStore.newReport();
        try (BenchmarkStore store = BenchmarkStore.open(root, Map.of())) {
            long events = store.events();
            report.add(store.describe());
            Projections projections = store.vrs.bean(Projections.class);
            DataKeys keys = store.vrs.bean(DataKeys.class);

            // the baseline first (a cold run warms the page cache for both), then measured again after the rebuild
            RawEventScan.Result warm;
            try (Connection app = store.vrs.appConnection()) {
                RawEventScan.scan(app, keys);
                warm = RawEventScan.scan(app, keys);
            }
            MemoryProbe memory = MemoryProbe.start();
            InProcessProfile profile = InProcessProfile.start("replay");
            CpuMeter cpu = CpuMeter.of(ProcessHandle.current().pid(), store.vrs.dataDir());
            CpuMeter.Sample cpu0 = cpu.sample();
            long started = System.nanoTime();
            List<String> each = new ArrayList<>();
            // one after the other, as an administrator would, so each projection's cost is its own
            for (String name : projections.all().keySet()) {
                long t = System.nanoTime();
                CpuMeter.Sample c0 = cpu.sample();
                Response rebuild = store.vrs.post(ADMIN, "/api/v1/admin/projections/" + name + "/rebuild", "{}");
                assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(200);
                store.awaitProjections(java.time.Duration.ofHours(2));
                double s = BenchmarkStore.seconds(t);
                CpuMeter.Sample c = cpu.sample().minus(c0);
                each.add(String.format("%s %.1f s (%,.0f events/s; CPU per event: service JVM %.0f µs, PostgreSQL %.0f µs)", name, s,
                        events / s, c.service() * 1e6 / events, c.database() * 1e6 / events));
            }
            double rebuildSeconds = BenchmarkStore.seconds(started);
            CpuMeter.Sample used = cpu.sample().minus(cpu0);
            String rebuildMemory = memory.summary();
            List<String> profiled = profile.stop();
            profile.close();
            RawEventScan.Result after;
            RawEventScan.Result readOnly;
            try (Connection app = store.vrs.appConnection()) {
                after = RawEventScan.scan(app, keys);
                readOnly = RawEventScan.scan(app, null);
            }
            double raw = Math.max(warm.perSecond(), after.perSecond());
            report.add(String.format("rebuild of all projections %s over HTTP (admin endpoint, one after the other), until each is caught up: %.1f s, "
                    + "%,.0f events/s; CPU per event: service JVM %.0f µs, PostgreSQL %.0f µs", projections.all().keySet(), rebuildSeconds,
                    events / rebuildSeconds, used.service() * 1e6 / events, used.database() * 1e6 / events));
            report.add("  each, one after the other: " + String.join("; ", each));
            report.add(String.format("baseline, raw JDBC read in global-index order + real decryption (DataKeys, Envelope, AES-GCM), "
                    + "no Axon: %.1f s before the rebuild (%,.0f rows/s), %.1f s after (%,.0f rows/s); read only, no decryption: %.1f s "
                    + "(%,.0f rows/s)", warm.seconds(), warm.perSecond(), after.seconds(), after.perSecond(), readOnly.seconds(),
                    readOnly.perSecond()));
            report.add(String.format("ratio, rebuild / best raw read+decrypt: %.1f%%", 100 * (events / rebuildSeconds) / raw));
            report.add("memory during the rebuild: " + rebuildMemory);
            report.addAll(profiled);
            assertThat(after.rows()).isEqualTo(events);
            viewsLookRight(store);
        } finally {
            report.add("load average after: " + BenchmarkStore.loadAverage());
            BenchmarkStore.report("replay", report);
        }
    }


    /** Every file has its view again: the rebuild did the work it was timed for. */
    private static void viewsLookRight(BenchmarkStore store) throws Exception {
        long views = store.vrs.count("SELECT count(*) FROM file_view");
        assertThat(views).isGreaterThanOrEqualTo(store.files() - 1);
    }
}
