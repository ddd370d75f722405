package org.vrs.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The write-path results as the markdown section of docs/benchmarks.md. */
final class WritePathReport {
    private WritePathReport() {
    }

    static String render(List<LevelResult> levels, JdbcBaseline.RowShape shape, JfrSummary profile, long peakRssKib,
                         Duration measure, Duration warmup, Instant started, String loadBefore, String loadAfter) {
        StringBuilder md = new StringBuilder();
        md.append("Run ").append(started).append(": ").append(Runtime.getRuntime().availableProcessors()).append(" cores, load average ")
                .append(loadBefore).append(" before and ").append(loadAfter).append(" after; ").append(measure.toSeconds())
                .append(" s per measurement after a ").append(warmup.toSeconds()).append(" s warm-up at 16 clients. Rows: payload ")
                .append(shape.payloadBytes()).append(" B, metadata ").append(shape.metaDataBytes()).append(" B (averages of the service's stored case notes).\n\n");
        md.append("| clients | raw JDBC rows/s | p50 / p99 / p99.9 ms | service events/s | p50 / p99 / p99.9 ms | ratio | errors |\n");
        md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (LevelResult l : levels) {
            md.append(String.format("| %d | %.0f | %s | %.0f | %s | %.0f%% | %d |%n", l.clients(), l.baseline().perSecond(),
                    percentiles(l.baseline()), l.service().perSecond(), percentiles(l.service()), 100 * l.ratio(), l.service().errors()));
        }
        md.append("\nCPU per stored event (µs; the machine has ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, so 1 s of wall time is at most 2,000,000 µs of CPU):\n\n");
        md.append("| clients | raw JDBC: PostgreSQL | raw JDBC: client | service: JVM | service: PostgreSQL | service: load client | projection lag at end (events) |\n");
        md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (LevelResult l : levels) {
            md.append(String.format("| %d | %.0f | %.0f | %.0f | %.0f | %.0f | %d |%n", l.clients(),
                    LevelResult.micros(l.baselineCpu().database(), l.baseline()), LevelResult.micros(l.baselineCpu().client(), l.baseline()),
                    LevelResult.micros(l.serviceCpu().service(), l.service()), LevelResult.micros(l.serviceCpu().database(), l.service()),
                    LevelResult.micros(l.serviceCpu().client(), l.service()), l.projectionLag()));
        }
        md.append("\nService JVM CPU per event by thread kind (µs):\n\n| clients |");
        List<String> kinds = levels.get(0).serviceThreads().keySet().stream().toList();
        kinds.forEach(k -> md.append(' ').append(k).append(" |"));
        md.append("\n| ---: |").append(" ---: |".repeat(kinds.size())).append('\n');
        for (LevelResult l : levels) {
            md.append("| ").append(l.clients()).append(" |");
            kinds.forEach(k -> md.append(String.format(" %.0f |", LevelResult.micros(l.serviceThreads().getOrDefault(k, 0.0), l.service()))));
            md.append('\n');
        }
        md.append(String.format("%nMemory: peak heap used %.0f MiB of -Xmx512m (committed at most %.0f MiB), %d collections, %.0f ms "
                        + "of pauses in total; peak resident set of the service JVM %.0f MiB (PostgreSQL not included).%n",
                profile.peakHeapBytes() / 1048576.0, profile.committedHeapBytes() / 1048576.0, profile.gcCount(), profile.gcPauseMillis(),
                peakRssKib / 1024.0));
        md.append("\nWhere the service JVM's CPU samples landed (").append(profile.samples())
                .append(" samples from the end of the warm-up to the end of the last level; attributed to the first non-JDK frame, except crypto, I/O and regex):\n\n");
        md.append("| area | share |\n| --- | ---: |\n");
        top(profile.byArea(), 14).forEach(e -> md.append(String.format("| %s | %.1f%% |%n", e.getKey(), 100.0 * e.getValue() / profile.samples())));
        md.append("\nHottest methods (top frame):\n\n| method | share |\n| --- | ---: |\n");
        top(profile.topMethods(), 12).forEach(e -> md.append(String.format("| `%s` | %.1f%% |%n", e.getKey(), 100.0 * e.getValue() / profile.samples())));
        return md.toString();
    }

    private static String percentiles(Stats s) {
        return String.format("%.2f / %.2f / %.2f", s.millis(50), s.millis(99), s.millis(99.9));
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(n).toList();
    }
}
