package org.vrs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A flight recording of this JVM (which hosts the service in the in-process benchmarks) over one
 * phase, with the JDK's "profile" settings, summarised by {@link JfrSummary}: where the CPU
 * samples landed by library and by method. The recording is kept beside the report.
 */
public final class InProcessProfile implements AutoCloseable {
    private final Recording recording;
    private final Path file;

    private InProcessProfile(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    public static InProcessProfile start(String name) throws Exception {
        Path file = Path.of("target", "benchmarks", name + ".jfr");
        Files.createDirectories(file.getParent());
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.setToDisk(true);
        recording.start();
        return new InProcessProfile(recording, file);
    }

    /** Stops the recording and returns the summary lines (shares of the Java execution samples). */
    public List<String> stop() throws Exception {
        recording.stop();
        recording.dump(file);
        JfrSummary summary = JfrSummary.read(file);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("CPU profile (JFR, %,d Java execution samples; recording %s): by library %s", summary.samples(), file,
                shares(summary.byArea(), summary.samples(), 8)));
        lines.add("  top methods (self): " + shares(summary.topMethods(), summary.samples(), 12));
        return lines;
    }

    private static String shares(Map<String, Long> counts, long total, int limit) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(limit)
                .map(e -> String.format("%s %.1f%%", e.getKey(), 100.0 * e.getValue() / Math.max(1, total)))
                .reduce((a, b) -> a + ", " + b).orElse("no samples");
    }

    @Override
    public void close() {
        recording.close();
    }
}
