package org.vrs.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time spent by the service JVM, by PostgreSQL (the postmaster and every backend) and by this
 * benchmark process, read from /proc, to say where each event's cost goes.
 */
final class CpuMeter {
    /** Cumulative CPU seconds of each party at one instant. */
    record Sample(double service, double database, double client) {
        Sample minus(Sample earlier) {
            return new Sample(service - earlier.service, database - earlier.database, client - earlier.client);
        }
    }

    private static final double TICKS = 100.0; // USER_HZ on Linux

    private final long servicePid;
    private final long postmasterPid;

    CpuMeter(long servicePid, long postmasterPid) {
        this.servicePid = servicePid;
        this.postmasterPid = postmasterPid;
    }

    /** Meters the service JVM and the embedded PostgreSQL whose data folder is {@code dataDir}. */
    static CpuMeter of(long servicePid, Path dataDir) throws IOException {
        return new CpuMeter(servicePid, Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).trim()));
    }

    /** The postmaster's own time, its reaped children's (backends and workers that exited), and its live children's. */
    Sample sample() {
        double db = ProcessHandle.of(postmasterPid).map(p -> seconds(p.pid(), true) + p.descendants()
                .mapToDouble(h -> seconds(h.pid(), false)).sum()).orElse(0.0);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Sample(seconds(servicePid, false), db, os.getProcessCpuTime() / 1e9);
    }

    /** utime + stime of a process, plus cutime + cstime (children it has waited for) when asked. */
    private static double seconds(long pid, boolean withReapedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (withReapedChildren) {
                ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return ticks / TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU seconds of the service JVM by thread kind (JIT compiler, GC, request threads, ...), from /proc/<pid>/task. */
    java.util.Map<String, Double> serviceThreads() {
        java.util.Map<String, Double> out = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(servicePid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.merge(kind(name), (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS, Double::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between listing and reading
                }
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private static String kind(String thread) {
        if (thread.startsWith("C2 ") || thread.startsWith("C1 ")) {
            return "JIT compiler";
        }
        if (thread.startsWith("GC ") || thread.startsWith("G1 ") || thread.startsWith("VM ")) {
            return "GC and VM";
        }
        if (thread.startsWith("http-nio")) {
            return "HTTP request threads";
        }
        if (thread.startsWith("WorkPackage") || thread.startsWith("Coordinator") || thread.startsWith("EmbeddedEvent")) {
            return "projection (event processor)";
        }
        return "other";
    }

    static java.util.Map<String, Double> minus(java.util.Map<String, Double> later, java.util.Map<String, Double> earlier) {
        java.util.Map<String, Double> out = new java.util.TreeMap<>();
        later.forEach((k, v) -> out.put(k, v - earlier.getOrDefault(k, 0.0)));
        return out;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a";
        }
    }
}
