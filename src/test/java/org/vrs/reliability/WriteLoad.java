package org.vrs.reliability;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.vrs.support.Caller;
import org.vrs.support.RawHttp;
import org.vrs.support.Response;

/**
 * Concurrent clients writing case notes (and now and then opening a file) as fast as they can.
 * Each request carries a unique reason code, which the service stores in clear metadata, so the
 * test can find exactly which requests left events behind.
 */
final class WriteLoad {
    /** What one request got: a status (-1: no response at all), and for a 2xx the file and sequence. */
    record Outcome(String reason, String file, int status, long sequence, String error, long startedNanos, long endedNanos) {
        boolean acknowledged() {
            return status / 100 == 2;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_REQUESTS_PER_CLIENT = 20_000;

    private final List<String> files;
    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final ExecutorService pool;
    private final List<Future<?>> clients = new ArrayList<>();

    WriteLoad(RawHttp http, List<String> files, int clientCount, String prefix, long seed) {
        this.files = new CopyOnWriteArrayList<>(files);
        this.pool = Executors.newFixedThreadPool(clientCount);
        for (int c = 0; c < clientCount; c++) {
            Random random = new Random(seed + c);
            String client = prefix + "-c" + c;
            clients.add(pool.submit(() -> run(http, client, random)));
        }
    }

    private void run(RawHttp http, String client, Random random) {
        for (int n = 0; n < MAX_REQUESTS_PER_CLIENT && !stop.get(); n++) {
            String reason = client + "-" + n;
            boolean open = random.nextInt(10) == 0;
            String file = open ? null : files.get(random.nextInt(files.size()));
            long started = System.nanoTime();
            try {
                Response r = open
                        ? http.postJson(Caller.RECEPTION, "/api/v1/files", "{\"channel\":\"RESCUE\",\"receivingAgency\":"
                                + "\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"" + LocalDate.now().minusDays(1) + "\"}", reason, TIMEOUT)
                        : http.postJson(Caller.RECEPTION, "/api/v1/files/" + file + "/add-case-note", "{\"noteId\":\""
                                + UUID.randomUUID() + "\",\"category\":\"CASE_ADMIN\",\"text\":\"load " + reason + "\"}", reason, TIMEOUT);
                boolean ok = r.status() / 100 == 2;
                String target = ok ? r.json().path("fileId").asText() : file;
                outcomes.add(new Outcome(reason, target, r.status(), ok ? r.json().path("sequence").asLong() : -1,
                        ok ? null : errorCode(r), started, System.nanoTime()));
                if (ok) {
                    acknowledged.incrementAndGet();
                    if (open) {
                        files.add(target);
                    }
                }
            } catch (IOException e) {
                outcomes.add(new Outcome(reason, file, -1, -1, e.getClass().getSimpleName(), started, System.nanoTime()));
            }
        }
    }

    private static String errorCode(Response r) {
        try {
            return r.json().path("error").asText();
        } catch (AssertionError notJson) {
            return "not-json";
        }
    }

    int acknowledged() {
        return acknowledged.get();
    }

    List<String> files() {
        return List.copyOf(files);
    }

    /** Stops the clients (their next request is not sent) and returns every outcome. */
    List<Outcome> stop() throws Exception {
        stop.set(true);
        for (Future<?> client : clients) {
            client.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        return List.copyOf(outcomes);
    }

    /** Outcomes so far, without stopping. */
    List<Outcome> snapshot() {
        return List.copyOf(outcomes);
    }
}
