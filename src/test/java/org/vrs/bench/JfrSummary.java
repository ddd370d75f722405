package org.vrs.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/** What the service's flight recording says: peak heap, garbage collection, and where CPU samples landed. */
record JfrSummary(long peakHeapBytes, long committedHeapBytes, int gcCount, double gcPauseMillis, long samples,
                  Map<String, Long> byArea, Map<String, Long> topMethods) {

    /** Areas a stack's top frame is counted under, first match wins. */
    private static final List<String[]> AREAS = List.of(
            new String[] {"org.vrs.", "VRS code"},
            new String[] {"org.axonframework.", "Axon"},
            new String[] {"com.fasterxml.jackson.", "Jackson (JSON)"},
            new String[] {"org.postgresql.", "PostgreSQL JDBC driver"},
            new String[] {"com.zaxxer.hikari.", "Hikari pool"},
            new String[] {"org.apache.", "Tomcat / HTTP"},
            new String[] {"org.springframework.", "Spring (MVC, security, tx)"},
            new String[] {"com.sun.crypto.", "JDK crypto (AES-GCM)"},
            new String[] {"sun.security.", "JDK crypto (AES-GCM)"},
            new String[] {"javax.crypto.", "JDK crypto (AES-GCM)"},
            new String[] {"jakarta.validation", "Bean Validation"},
            new String[] {"org.hibernate.validator.", "Bean Validation"},
            new String[] {"sun.nio.", "JDK I/O"},
            new String[] {"java.io.", "JDK I/O"},
            new String[] {"java.net.", "JDK I/O"},
            new String[] {"java.lang.invoke.", "JDK reflection / invoke"},
            new String[] {"java.lang.reflect.", "JDK reflection / invoke"},
            new String[] {"jdk.internal.reflect.", "JDK reflection / invoke"},
            new String[] {"java.util.regex.", "JDK regex"},
            new String[] {"java.", "JDK other (collections, strings)"},
            new String[] {"jdk.", "JDK other (collections, strings)"},
            new String[] {"sun.", "JDK other (collections, strings)"});

    static JfrSummary read(Path recording) throws IOException {
        long peak = 0;
        long committed = 0;
        int gcs = 0;
        double pause = 0;
        long samples = 0;
        Map<String, Long> areas = new HashMap<>();
        Map<String, Long> methods = new HashMap<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                switch (e.getEventType().getName()) {
                    case "jdk.GCHeapSummary" -> {
                        peak = Math.max(peak, e.getLong("heapUsed"));
                        committed = Math.max(committed, e.getValue("heapSpace.committedSize") instanceof Long l ? l : 0);
                    }
                    case "jdk.GarbageCollection" -> {
                        gcs++;
                        pause += e.getDuration("sumOfPauses").toNanos() / 1e6;
                    }
                    case "jdk.ExecutionSample" -> {
                        if (e.getStackTrace() == null || e.getStackTrace().getFrames().isEmpty()) {
                            continue;
                        }
                        samples++;
                        List<RecordedFrame> frames = e.getStackTrace().getFrames();
                        RecordedFrame top = frames.get(0);
                        String type = top.getMethod().getType().getName();
                        areas.merge(attribute(frames), 1L, Long::sum);
                        methods.merge(type + "." + top.getMethod().getName(), 1L, Long::sum);
                    }
                    default -> {
                        // other events are not summarised
                    }
                }
            }
        }
        return new JfrSummary(peak, committed, gcs, pause, samples, areas, methods);
    }

    /**
     * The area that spent a sample: the first frame outside the JDK (the library that called into
     * it), except where the JDK frame is itself the cost (crypto, I/O, regex).
     */
    private static String attribute(List<RecordedFrame> frames) {
        String topArea = area(frames.get(0).getMethod().getType().getName());
        if (topArea.startsWith("JDK crypto") || topArea.startsWith("JDK I/O") || topArea.startsWith("JDK regex")) {
            return topArea;
        }
        for (RecordedFrame frame : frames) {
            String a = area(frame.getMethod().getType().getName());
            if (!a.startsWith("JDK")) {
                return a;
            }
        }
        return topArea;
    }

    private static String area(String type) {
        for (String[] a : AREAS) {
            if (type.startsWith(a[0])) {
                return a[1];
            }
        }
        return "other";
    }
}
