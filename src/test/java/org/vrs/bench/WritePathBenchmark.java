package org.vrs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.support.Caller;
import org.vrs.support.ChildService;

/**
 * Write path: single-event commands through HTTP, Axon, encryption and the JDBC append, at 1, 4,
 * 16 and 64 clients, each level against raw JDBC inserts of same-size rows into a same-shape
 * table at the same concurrency, measured in the same run on the same PostgreSQL. The service runs
 * in its own JVM (-Xmx512m) with a flight recording, for its peak heap and a CPU profile.
 * <p>
 * {@code mvn -B -Pbench test -Dtest=WritePathBenchmark} ({@code -Dvrs.bench.seconds=15},
 * {@code -Dvrs.bench.warmup=20}); results in {@code target/benchmarks/write-path.md}.
 */
@Tag("benchmark")
class WritePathBenchmark {
    private static final int[] LEVELS = {1, 4, 16, 64};

    @TempDir
    Path root;

    @Test
    void writePathAgainstRawJdbc() throws Exception {
        Duration measure = Duration.ofSeconds(Long.getLong("vrs.bench.seconds", 15));
        Duration warmup = Duration.ofSeconds(Long.getLong("vrs.bench.warmup", 20));
        Path data = root.resolve("data");
        Path jfr = root.resolve("service.jfr");
        Path profileJfr = root.resolve("profile.jfr");
        String loadBefore = CpuMeter.loadAverage();
        Instant started = Instant.now();
        ChildService child = ChildService.start(data, root.resolve("keys"), root.resolve("service.log"),
                List.of("-Xmx512m", "-XX:StartFlightRecording=name=memory,filename=" + jfr + ",settings=default,dumponexit=true"), Map.of());
        List<LevelResult> levels = new ArrayList<>();
        long peakRss;
        JdbcBaseline.RowShape shape;
        try {
            ServiceLoad.run(child.port(), identity(child), 16, warmup);
            jcmd(child, "JFR.start", "name=profile", "settings=" + finerProfile(root), "filename=" + profileJfr);
            String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + ChildService.databasePort(data) + "/vrs";
            try (Connection owner = child.ownerConnection()) {
                shape = JdbcBaseline.measure(owner);
                JdbcBaseline.createTable(owner);
            }
            CpuMeter cpu = CpuMeter.of(child.pid(), data);
            for (int clients : LEVELS) {
                List<Connection> connections = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    connections.add(JdbcBaseline.connect(jdbcUrl));
                }
                CpuMeter.Sample b0 = cpu.sample();
                Stats baseline = JdbcBaseline.run(connections, shape, measure);
                CpuMeter.Sample b1 = cpu.sample();
                for (Connection c : connections) {
                    c.close();
                }
                CpuMeter.Sample s0 = cpu.sample();
                Map<String, Double> t0 = cpu.serviceThreads();
                Stats service = ServiceLoad.run(child.port(), identity(child), clients, measure);
                CpuMeter.Sample s1 = cpu.sample();
                Map<String, Double> threads = CpuMeter.minus(cpu.serviceThreads(), t0);
                long lag = projectionLag(child);
                levels.add(new LevelResult(clients, baseline, b1.minus(b0), service, s1.minus(s0), lag, threads));
                System.out.printf("%d clients: raw JDBC %.0f rows/s, service %.0f events/s (%.0f%%), %d errors, projection lag %d%n",
                        clients, baseline.perSecond(), service.perSecond(), 100 * service.perSecond() / baseline.perSecond(),
                        service.errors(), lag);
            }
            peakRss = child.peakRssKib();
            jcmd(child, "JFR.stop", "name=profile");
        } finally {
            child.stop();
        }
        JfrSummary memory = JfrSummary.read(jfr);
        JfrSummary steady = JfrSummary.read(profileJfr);
        JfrSummary profile = new JfrSummary(memory.peakHeapBytes(), memory.committedHeapBytes(), memory.gcCount(), memory.gcPauseMillis(),
                steady.samples(), steady.byArea(), steady.topMethods());
        String report = WritePathReport.render(levels, shape, profile, peakRss, measure, warmup, started, loadBefore, CpuMeter.loadAverage());
        Path out = Path.of(System.getProperty("vrs.bench.out", "target/benchmarks/write-path.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        Files.copy(profileJfr, out.resolveSibling("write-path.jfr"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println(report);
        levels.forEach(l -> assertThat(l.service().operations()).isPositive());
    }

    /** The identity headers a request of the reception officer carries, as the test support authenticates it. */
    private static Map<String, String> identity(ChildService child) {
        HttpRequest.Builder probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1/"));
        child.http().authenticate(probe, Caller.RECEPTION);
        Map<String, String> headers = new LinkedHashMap<>();
        probe.build().headers().map().forEach((k, v) -> headers.put(k, v.get(0)));
        return headers;
    }

    /** The JDK's "profile" settings with Java stacks sampled every 2 ms instead of 10, for enough samples per run. */
    private static Path finerProfile(Path dir) throws Exception {
        Path jdk = Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc");
        String settings = Files.readString(jdk).replace("<setting name=\"period\" control=\"method-sampling-java-interval\">10 ms</setting>",
                "<setting name=\"period\" control=\"method-sampling-java-interval\">2 ms</setting>");
        Path out = dir.resolve("finer-profile.jfc");
        Files.writeString(out, settings);
        return out;
    }

    /** Flight recorder control of the running service (the JDK's jcmd beside this JVM's java). */
    private static void jcmd(ChildService child, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(child.pid())));
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }


    /** Events stored but not yet in the file views when the level ended. */
    private static long projectionLag(ChildService child) throws Exception {
        try (Connection c = child.ownerConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT (SELECT max(global_index) FROM domain_event_entry) - coalesce((SELECT min((convert_from(token, 'UTF8')::json"
                        + "->>'index')::bigint) FROM token_entry WHERE processor_name = 'file-views' AND token IS NOT NULL), 0)")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
