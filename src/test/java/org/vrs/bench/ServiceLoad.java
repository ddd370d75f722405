package org.vrs.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Single-event commands through the whole stack, from {@code clients} threads for a fixed time:
 * each client adds case notes to its current file and opens a new one every
 * {@value #NOTES_PER_FILE} notes, so files stay the size of real ones (tens of events).
 */
final class ServiceLoad {
    static final int NOTES_PER_FILE = 30;
    /** About the size of a real case note: two short paragraphs. */
    static final String NOTE = "Follow-up call made; the person reports feeling safe at the shelter and asks about vocational "
            + "training. Next visit planned with the caseworker and an interpreter. Documents for the support "
            + "application are being collected by the commune.";

    private ServiceLoad() {
    }

    static Stats run(int port, Map<String, String> identity, int clients, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CyclicBarrier start = new CyclicBarrier(clients);
        AtomicLong errors = new AtomicLong();
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> client(port, identity, start, duration, errors)));
        }
        List<long[]> latencies = new ArrayList<>();
        for (Future<long[]> r : results) {
            latencies.add(r.get(duration.toSeconds() + 300, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return Stats.of("service", clients, latencies, errors.get(), duration.toNanos() / 1e9);
    }

    private static long[] client(int port, Map<String, String> identity, CyclicBarrier start, Duration duration,
                                 AtomicLong errors) throws Exception {
        long[] latencies = new long[1 << 16];
        int n = 0;
        try (KeepAliveClient http = new KeepAliveClient(port, identity)) {
            String file = open(http);
            int notes = 0;
            start.await(60, TimeUnit.SECONDS);
            long end = System.nanoTime() + duration.toNanos();
            for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                boolean opening = notes == NOTES_PER_FILE;
                KeepAliveClient.Reply reply;
                try {
                    reply = opening ? openReply(http) : http.post("/api/v1/files/" + file + "/add-case-note",
                            "{\"noteId\":\"" + UUID.randomUUID() + "\",\"category\":\"CASE_ADMIN\",\"text\":\"" + NOTE + "\"}");
                } catch (IOException e) {
                    errors.incrementAndGet();
                    http.close();
                    continue;
                }
                long took = System.nanoTime() - now;
                if (reply.status() / 100 != 2) {
                    errors.incrementAndGet();
                    continue;
                }
                if (opening) {
                    file = fileId(reply.body());
                    notes = 0;
                } else {
                    notes++;
                }
                if (n == latencies.length) {
                    latencies = java.util.Arrays.copyOf(latencies, n * 2);
                }
                latencies[n++] = took;
            }
        }
        return java.util.Arrays.copyOf(latencies, n);
    }

    private static String open(KeepAliveClient http) throws IOException {
        KeepAliveClient.Reply reply = openReply(http);
        if (reply.status() != 201) {
            throw new IllegalStateException("opening a file failed: " + reply.status());
        }
        return fileId(reply.body());
    }

    private static KeepAliveClient.Reply openReply(KeepAliveClient http) throws IOException {
        return http.post("/api/v1/files", "{\"channel\":\"RESCUE\",\"receivingAgency\":\"LC-COMMUNE-BATXAT\",\"receivedOn\":\""
                + LocalDate.now().minusDays(1) + "\"}");
    }

    private static String fileId(String json) {
        int at = json.indexOf("\"fileId\":\"") + 10;
        return json.substring(at, json.indexOf('"', at));
    }
}
