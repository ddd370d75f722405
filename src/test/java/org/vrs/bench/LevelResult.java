package org.vrs.bench;

/** One concurrency level: the raw JDBC baseline and the service, and the CPU each party spent on them. */
record LevelResult(int clients, Stats baseline, CpuMeter.Sample baselineCpu, Stats service, CpuMeter.Sample serviceCpu,
                   long projectionLag, java.util.Map<String, Double> serviceThreads) {

    double ratio() {
        return service.perSecond() / baseline.perSecond();
    }

    /** CPU microseconds per stored event (or row), by party. */
    static double micros(double cpuSeconds, Stats run) {
        return run.operations() == 0 ? Double.NaN : cpuSeconds * 1e6 / run.operations();
    }
}
