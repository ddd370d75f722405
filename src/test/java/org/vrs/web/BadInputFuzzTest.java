package org.vrs.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.vrs.support.RawHttp;
import org.vrs.support.Response;
import org.vrs.support.RunningService;

/**
 * At least 10,000 generated bad requests (seeded: {@code -Dvrs.fuzz.seed=N}, {@code -Dvrs.fuzz.requests=N})
 * against every command and query endpoint of the real service: no 5xx, nothing stored by a refused
 * request, every error body a JSON {status, error, message} that names the problem and carries no
 * stack trace and none of the personal data sent, and none of it in the service's log either.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadInputFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ACCESS_EVENTS = List.of("org.vrs.access.api.FileRead", "org.vrs.access.api.FileReadRefused");

    private final RunningService vrs = RunningService.shared();

    /** What one probe got back; the body is kept only when something is wrong with it. */
    private record Outcome(BadRequests.Probe probe, int status, String problem) {
    }

    @Test
    void tenThousandBadRequestsGetNamedRefusalsAndStoreNothing(CapturedOutput output) throws Exception {
        long seed = Long.getLong("vrs.fuzz.seed", 20261122L);
        int count = Integer.getInteger("vrs.fuzz.requests", 10_000);
        BadRequests.Files files = FuzzFiles.create(vrs);
        List<BadRequests.Probe> probes = new BadRequests(seed, files).generate(count);
        long storedBefore = nonAccessEvents();

        Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        Queue<String[]> acknowledged = new ConcurrentLinkedQueue<>();
        RawHttp http = RawHttp.to(vrs);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < probes.size(); i = next.getAndIncrement()) {
                    outcomes.add(send(http, probes.get(i), acknowledged));
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(15, TimeUnit.MINUTES);
        }
        pool.shutdown();

        List<String> problems = outcomes.stream().filter(o -> o.problem() != null)
                .map(o -> "seed " + seed + " " + o.probe().kind() + " " + o.probe().method() + " " + redact(o.probe().path())
                        + " -> " + o.status() + ": " + o.problem())
                .limit(40).toList();
        System.out.println("bad-input probes, seed " + seed + ": " + count + " requests, by status "
                + new java.util.TreeMap<>(outcomes.stream().collect(java.util.stream.Collectors.groupingBy(Outcome::status,
                java.util.stream.Collectors.counting()))) + ", " + acknowledged.size() + " commands accepted");
        assertThat(problems).as("probes answered wrongly").isEmpty();
        assertThat(outcomes).hasSize(count);
        assertThat(outcomes).noneMatch(o -> o.status() >= 500);
        assertThat(outcomes.stream().filter(o -> o.status() >= 400).count()).as("refusals").isGreaterThan(count * 8L / 10);

        long storedAfter = nonAccessEvents();
        assertThat(storedAfter - storedBefore).as("events stored = commands acknowledged").isEqualTo(acknowledged.size());
        assertEveryAcknowledgedCommandIsStored(acknowledged);
        List<String> leaks = output.getAll().lines().filter(line -> line.toLowerCase(Locale.ROOT).contains("fuzz"))
                .map(BadInputFuzzTest::redact).limit(5).toList();
        assertThat(leaks).as("service log lines holding personal data that was sent").isEmpty();
    }

    private static Outcome send(RawHttp http, BadRequests.Probe p, Queue<String[]> acknowledged) {
        Response r;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + p.path()))
                    .timeout(Duration.ofSeconds(60))
                    .method(p.method(), p.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : p.chunked() ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(p.body()))
                            : HttpRequest.BodyPublishers.ofByteArray(p.body()));
            p.headers().forEach(request::header);
            http.authenticate(request, p.caller());
            r = http.send(request.build());
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(p, -1, "no response: " + e.getClass().getSimpleName());
        }
        return new Outcome(p, r.status(), judge(p, r, acknowledged));
    }

    /** The problem with this response, or null when it is what the contract promises. */
    private static String judge(BadRequests.Probe p, Response r, Queue<String[]> acknowledged) {
        if (r.status() >= 500) {
            return "server error " + redact(r.body());
        }
        if (r.status() < 400) {
            if (p.mustReject()) {
                return "accepted a request that must be refused: " + p.headers() + " "
                        + redact(p.body() == null ? "" : new String(p.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            if (p.method().equals("POST") && r.status() / 100 == 2) {
                JsonNode body = parse(r.body());
                acknowledged.add(new String[] {body.path("fileId").asText(), body.path("sequence").asText()});
            }
            return null;
        }
        JsonNode body = parse(r.body());
        if (body == null || !body.isObject()) {
            return "error body is not a JSON object: '" + redact(r.body()) + "'";
        }
        if (body.path("status").asInt() != r.status() || !body.path("error").asText().matches("[a-z][a-z-]+")
                || body.path("message").asText().isBlank()) {
            return "error body lacks status/error/message: " + redact(r.body());
        }
        String text = r.body().toLowerCase(Locale.ROOT);
        if (text.contains("fuzz") || ValidBodies.PERSONAL.stream().anyMatch(s -> r.body().contains(s))) {
            return "error body echoes personal data: " + redact(r.body());
        }
        if (r.body().contains("at org.") || r.body().contains("Exception")) {
            return "error body carries a stack trace or exception name: " + redact(r.body());
        }
        if (p.mustName() != null && r.status() == 400 && !body.path("message").asText().contains(p.mustName())) {
            return "400 does not name '" + p.mustName() + "': " + redact(r.body());
        }
        return null;
    }

    private void assertEveryAcknowledgedCommandIsStored(Queue<String[]> acknowledged) throws Exception {
        try (Connection c = vrs.ownerConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?")) {
            for (String[] ack : acknowledged) {
                s.setString(1, ack[0]);
                s.setLong(2, Long.parseLong(ack[1]));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("stored event for an acknowledged command").isEqualTo(1);
                }
            }
        }
    }

    private long nonAccessEvents() throws Exception {
        try (Connection c = vrs.ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM domain_event_entry WHERE payload_type NOT IN ('"
                     + String.join("','", ACCESS_EVENTS) + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** Failure messages may quote a response, never the personal data in it. */
    static String redact(String s) {
        if (s == null) {
            return "";
        }
        String out = s.length() > 300 ? s.substring(0, 300) + "..." : s;
        for (String personal : ValidBodies.PERSONAL) {
            out = out.replace(personal, "[personal]");
        }
        return out.replaceAll("(?i)[^\\s\"',:]*fuzz[^\\s\"',]*", "[personal]");
    }
}
