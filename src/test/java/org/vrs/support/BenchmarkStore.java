package org.vrs.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.vrs.casefile.api.AgencyId;
import org.vrs.casefile.api.CaseNoteAdded;
import org.vrs.casefile.api.DataCategory;
import org.vrs.casefile.api.FileId;
import org.vrs.casefile.api.FileOpened;
import org.vrs.casefile.api.NoteId;
import org.vrs.casefile.api.ReceptionChannel;
import org.vrs.views.Projections;

/**
 * The large store the 1,000,000-event benchmarks share: a real service on a real embedded
 * PostgreSQL, filled once through the real (encrypting) event store and kept on disk with
 * {@code -Dvrs.benchmark.dir=DIR}, so the ledger, replay and traceability benchmarks reuse one fill.
 *
 * <p>The fill writes files in waves of {@value #WAVE_FILES}: each file is opened (with the actor
 * metadata a command would carry) and then gets case notes of about 200 characters, in rounds
 * across the wave's files, {@value #PER_TRANSACTION} events per transaction, until each file has
 * {@value #EVENTS_PER_FILE} events. Waves keep the files that are active at one time to a realistic
 * number (and within the service's data-key cache) instead of interleaving all 40,000 files. While
 * it writes, the ledger integrator follows and its lag is sampled; the figures are kept in the
 * folder ({@value #FILL_REPORT}) for whichever benchmark reports them.
 */
public final class BenchmarkStore implements AutoCloseable {
    public static final int EVENTS_PER_FILE = 25;
    static final int WAVE_FILES = 1_000;
    static final int PER_TRANSACTION = 500;
    static final String FILL_REPORT = "fill-report.txt";
    private static final MetaData ACTOR = MetaData.from(Map.of("actorId", "u-bench", "agencyId", "LC-COMMUNE-BATXAT",
            "role", "RECEPTION_OFFICER"));
    private static final String NOTE = "Synthetic benchmark note: follow-up call scheduled with the commune officer; documents "
            + "checked against the reception record; no change to the support plan; next review at the end of the month. #";

    public final RunningService vrs;
    public final Path dir;
    private final boolean reused;

    private BenchmarkStore(RunningService vrs, Path dir, boolean reused) {
        this.vrs = vrs;
        this.dir = dir;
        this.reused = reused;
    }

    /** Size asked for with {@code -Dvrs.benchmark.events} (default 1,000,000). */
    public static int requestedEvents() {
        return Integer.getInteger("vrs.benchmark.events", 1_000_000);
    }

    /**
     * Starts the service on {@code -Dvrs.benchmark.dir} (or on {@code scratch}) and fills it unless a
     * previous run already did (then {@code vrs.benchmark.events} is ignored: reports give the
     * store's own size); then waits until the projections have caught up.
     */
    public static BenchmarkStore open(Path scratch, Map<String, Object> properties) throws Exception {
        String keep = System.getProperty("vrs.benchmark.dir");
        Path dir = keep == null ? scratch : Path.of(keep);
        Files.createDirectories(dir);
        Path report = dir.resolve(FILL_REPORT);
        boolean reused = Files.exists(report);
        if (!reused && Files.exists(dir.resolve("data"))) {
            throw new IllegalStateException(dir + " holds a store whose fill did not finish; remove it and run again");
        }
        BenchmarkStore store = new BenchmarkStore(RunningService.start(dir.resolve("data"), dir.resolve("keys"), properties), dir, reused);
        if (!reused) {
            store.fill(requestedEvents());
        } else {
            System.out.println("BENCHMARK reusing the store filled in " + dir + " (" + store.events() + " events)");
        }
        // the projections follow the fill after it; nothing is measured while they still compete for the CPU
        long started = System.nanoTime();
        store.awaitProjections(Duration.ofHours(2));
        if (!reused) {
            String line = String.format("projections %s caught up with the fill %.1f s after the ledger did",
                    store.vrs.bean(Projections.class).all().keySet(), seconds(started));
            Files.write(report, List.of(line), java.nio.file.StandardOpenOption.APPEND);
            System.out.println("BENCHMARK " + line);
        }
        return store;
    }

    /** Waits until every projection runs, is not replaying, and has processed every stored event. */
    public void awaitProjections(Duration atMost) throws InterruptedException {
        Projections projections = vrs.bean(Projections.class);
        long deadline = System.nanoTime() + atMost.toNanos();
        long lastPrint = System.nanoTime();
        while (!projectionsCaughtUp(projections)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the projections did not catch up within " + atMost);
            }
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                lastPrint = System.nanoTime();
                projections.all().keySet().forEach(n -> System.out.println("BENCHMARK projection " + n + " behind by "
                        + projections.progress(n).behind()));
            }
            Thread.sleep(100);
        }
    }

    public static boolean projectionsCaughtUp(Projections projections) {
        return projections.all().keySet().stream().map(projections::progress)
                .allMatch(p -> p.running() && !p.replaying() && !p.positions().isEmpty() && p.behind() == 0);
    }

    public boolean reused() {
        return reused;
    }

    /** What the fill measured (write rate, integrator rate and lag), as recorded when it ran. */
    public List<String> fillReport() throws IOException {
        return Files.readAllLines(dir.resolve(FILL_REPORT));
    }

    public long events() {
        return vrs.count("SELECT count(*) FROM domain_event_entry");
    }

    public long files() {
        return vrs.count("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry WHERE type IS NOT NULL");
    }

    private void fill(int events) throws Exception {
        int files = Math.max(1, events / EVENTS_PER_FILE);
        EventStore store = vrs.bean(EventStore.class);
        LagSampler lag = new LagSampler(vrs);
        Instant day = LocalDate.of(2026, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        long started = System.nanoTime();
        lag.start();
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        long written = 0;
        for (int waveStart = 0; waveStart < files; waveStart += WAVE_FILES) {
            Map<String, Long> wave = new LinkedHashMap<>();
            for (int f = waveStart; f < Math.min(files, waveStart + WAVE_FILES); f++) {
                wave.put(UUID.randomUUID().toString(), 0L);
            }
            for (int round = 0; round < EVENTS_PER_FILE; round++) {
                for (Map.Entry<String, Long> file : wave.entrySet()) {
                    long sequence = file.getValue();
                    file.setValue(sequence + 1);
                    FileId id = new FileId(file.getKey());
                    Object payload = sequence == 0
                            ? new FileOpened(id, "LC-BENCH-" + written, ReceptionChannel.SELF_REPORT, new AgencyId("LC-COMMUNE-BATXAT"),
                                    "LC", LocalDate.of(2026, 1, 1).plusDays(written % 300))
                            : new CaseNoteAdded(id, NoteId.random(), DataCategory.CASE_ADMIN, NOTE + sequence);
                    batch.add(new GenericDomainEventMessage<>("VictimFile", file.getKey(), sequence, payload, ACTOR,
                            UUID.randomUUID().toString(), day.plus(written, ChronoUnit.SECONDS)));
                    written++;
                    if (batch.size() == PER_TRANSACTION) {
                        store.publish(batch);
                        batch = new ArrayList<>();
                    }
                }
            }
            System.out.printf("BENCHMARK fill: %,d / %,d events%n", written, (long) files * EVENTS_PER_FILE);
        }
        if (!batch.isEmpty()) {
            store.publish(batch);
        }
        double writeSeconds = seconds(started);
        long stored = events();
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> vrs.count("SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM ledger_leaf") >= stored); // dense: no count(*) at 1M
        double integrateSeconds = seconds(started);
        lag.stop();
        vrs.awaitLedger();
        List<String> lines = new ArrayList<>();
        lines.add(String.format("fill: %,d events in %,d files (%d events each; waves of %,d files; %d events per transaction), %s",
                stored, files, EVENTS_PER_FILE, WAVE_FILES, PER_TRANSACTION, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        lines.add(String.format("write: %,.0f events/s through the encrypting event store, %.1f s", stored / writeSeconds, writeSeconds));
        lines.add(String.format("integrator: %,.0f leaf appends/s while following the writes (all %,d leaves %.1f s after the first "
                + "write, %.1f s after the last)", stored / integrateSeconds, stored, integrateSeconds, integrateSeconds - writeSeconds));
        lines.add("integrator lag while writing (time until the ledger held every event stored at a sample; 200 ms samples): "
                + lag.summary());
        Files.write(dir.resolve(FILL_REPORT), lines);
        lines.forEach(l -> System.out.println("BENCHMARK " + l));
    }

    public static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** The first lines of every report: the machine and when the run started. */
    public static List<String> newReport() {
        List<String> report = new ArrayList<>();
        report.add("machine: " + machine());
        report.add("started: " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        return report;
    }

    /** One report line: the store's size and whether this run filled it. */
    public String describe() {
        return String.format("store: %,d events in %,d files (%s)", events(), files(),
                reused() ? "reused from an earlier run" : "filled in this run");
    }

    /** The machine and JVM a figure was measured on, for the report. */
    public static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException | UncheckedIOException e) {
            // not Linux
        }
        long memGib = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() >> 30;
        return String.format("%d vCPU (%s), %d GiB, Java %s, max heap %d MiB, load average before: %s",
                Runtime.getRuntime().availableProcessors(), cpu, memGib, System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, loadAverage());
    }

    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a";
        }
    }

    /** Writes a benchmark's lines to target/benchmarks/NAME.txt and to standard output. */
    public static void report(String name, List<String> lines) throws IOException {
        Path out = Path.of("target", "benchmarks", name + ".txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
        lines.forEach(l -> System.out.println("BENCHMARK " + l));
    }

    @Override
    public void close() {
        vrs.close();
    }

    /**
     * Samples stored events and leaves every 200 ms. The lag of a sample is how long until the
     * ledger held as many leaves as there were events at that sample.
     */
    public static final class LagSampler {
        private final RunningService vrs;
        private final List<long[]> samples = new ArrayList<>();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        public LagSampler(RunningService vrs) {
            this.vrs = vrs;
        }

        public void start() {
            timer.scheduleAtFixedRate(() -> {
                long events = vrs.count("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry");
                long leaves = vrs.count("SELECT COALESCE(MAX(global_index), 0) FROM ledger_leaf");
                synchronized (samples) {
                    samples.add(new long[] {System.nanoTime(), events, leaves});
                }
            }, 0, 200, TimeUnit.MILLISECONDS);
        }

        public void stop() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(5, TimeUnit.SECONDS);
        }

        public String summary() {
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
