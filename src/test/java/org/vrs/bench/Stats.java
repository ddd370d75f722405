package org.vrs.bench;

import java.util.Arrays;
import java.util.List;

/** Throughput and latency percentiles of one measured run. */
record Stats(String name, int clients, long operations, long errors, double seconds, long[] latenciesNanos) {

    static Stats of(String name, int clients, List<long[]> perThreadLatencies, long errors, double seconds) {
        long[] all = perThreadLatencies.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return new Stats(name, clients, all.length, errors, seconds, all);
    }

    double perSecond() {
        return operations / seconds;
    }

    double millis(double percentile) {
        if (latenciesNanos.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(latenciesNanos.length - 1, Math.ceil(percentile / 100 * latenciesNanos.length) - 1);
        return latenciesNanos[Math.max(0, i)] / 1e6;
    }
}
