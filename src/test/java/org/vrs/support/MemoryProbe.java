package org.vrs.support;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak memory of this JVM (which hosts the service in the in-process benchmarks) over one
 * benchmark phase: the heap pools' peak usage as the JVM tracks it, and the resident set's high
 * water mark (VmHWM), both reset when the phase starts. The sum of the pools' peaks is an upper
 * bound of the peak heap (each pool peaks at its own moment); the embedded PostgreSQL is a
 * separate process and not included.
 */
public final class MemoryProbe {
    private final long gcCountBefore;
    private final long gcMillisBefore;
    private final boolean rssReset;

    private MemoryProbe() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        gcCountBefore = ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        gcMillisBefore = ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        rssReset = resetRssPeak();
    }

    public static MemoryProbe start() {
        return new MemoryProbe();
    }

    /** One line for the report: peak heap, its old generation, maximum heap, collections, peak resident set. */
    public String summary() {
        long peak = 0;
        long oldPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
                if (pool.getName().contains("Old")) {
                    oldPeak = pool.getPeakUsage().getUsed();
                }
            }
        }
        long gcs = ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum()
                - gcCountBefore;
        long gcMillis = ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum()
                - gcMillisBefore;
        long heapMax = Runtime.getRuntime().maxMemory();
        return String.format("peak heap used %,d MiB (sum of the pools' peaks; old generation %,d MiB) of %,d MiB max; %,d collections, "
                + "%,d ms in collectors; peak resident set of the service JVM %,d MiB%s",
                peak >> 20, oldPeak >> 20, heapMax >> 20, gcs, gcMillis, rssPeakKib() >> 10,
                rssReset ? "" : " (since the JVM started: the peak could not be reset)");
    }

    /** Writing 5 to clear_refs resets VmHWM to the current resident set (Linux 4.0+). */
    private static boolean resetRssPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static long rssPeakKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
