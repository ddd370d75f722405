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
 * benchmark phase: the heap in use sampled every 20 ms (live data and not yet collected garbage),
 * the old generation's peak as the JVM tracks it (the data that survived collections), and the
 * resident set's high water mark (VmHWM), all reset when the phase starts. The embedded PostgreSQL
 * is a separate process and not included.
 */
public final class MemoryProbe {
    private final java.util.concurrent.atomic.AtomicLong peakHeap = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.ScheduledExecutorService sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "memory-probe");
        t.setDaemon(true);
        return t;
    });
    /** Largest heap in use right after a collection: what the heap had to hold, garbage aside. */
    private final java.util.concurrent.atomic.AtomicLong peakAfterCollection = new java.util.concurrent.atomic.AtomicLong();
    private final javax.management.NotificationListener afterCollection = (notification, handback) -> {
        if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            com.sun.management.GarbageCollectionNotificationInfo info = com.sun.management.GarbageCollectionNotificationInfo.from(
                    (javax.management.openmbean.CompositeData) notification.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                    .filter(e -> !e.getKey().contains("Metaspace") && !e.getKey().contains("Code") && !e.getKey().contains("Class"))
                    .mapToLong(e -> e.getValue().getUsed()).sum();
            peakAfterCollection.accumulateAndGet(used, Math::max);
        }
    };
    private final long gcCountBefore;
    private final long gcMillisBefore;
    private final boolean rssReset;

    private MemoryProbe() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        gcCountBefore = ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        gcMillisBefore = ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        rssReset = resetRssPeak();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof javax.management.NotificationEmitter emitter) {
                emitter.addNotificationListener(afterCollection, null, null);
            }
        }
        sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max), 0, 20, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public static MemoryProbe start() {
        return new MemoryProbe();
    }

    /** One line for the report: peak heap, old generation's peak, maximum heap, collections, peak resident set; stops sampling. */
    public String summary() {
        sampler.shutdownNow();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof javax.management.NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(afterCollection);
                } catch (javax.management.ListenerNotFoundException e) {
                    // never added
                }
            }
        }
        long oldPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Old") && pool.getPeakUsage() != null) {
                oldPeak = pool.getPeakUsage().getUsed();
            }
        }
        long gcs = ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum()
                - gcCountBefore;
        long gcMillis = ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum()
                - gcMillisBefore;
        long heapMax = Runtime.getRuntime().maxMemory();
        long rss = rssPeakKib();
        System.gc(); // after everything above is read: what is still reachable at the phase's end
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return String.format("live heap after a full collection at the end %,d MiB; peak heap used %,d MiB (sampled every 20 ms; largest heap after a collection %,d MiB; old generation's peak %,d MiB) "
                + "of %,d MiB max; %,d collections, "
                + "%,d ms in collectors; peak resident set of the service JVM %,d MiB%s",
                live >> 20, peakHeap.get() >> 20, peakAfterCollection.get() >> 20, oldPeak >> 20, heapMax >> 20, gcs, gcMillis, rss >> 10,
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
