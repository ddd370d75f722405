package org.vrs.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.support.Caller;
import org.vrs.support.RawHttp;
import org.vrs.support.Response;
import org.vrs.support.RunningService;

/**
 * The database stopped (cleanly and by a crash) and its connections cut, under concurrent writes:
 * while it is down every write is refused with 503, nothing acknowledged is lost, nothing is stored
 * twice, and the service serves again as soon as the database is back, without a restart.
 */
class DatabaseFaultTest {
    private static final int CLIENTS = 8;
    private static final int WRITES_BETWEEN_FAULTS = 40;

    @TempDir
    Path root;
    private RunningService vrs;

    @AfterEach
    void stop() {
        if (vrs != null) {
            vrs.close();
        }
    }

    @Test
    void writesGet503WhileTheDatabaseIsDownAndTheServiceRecoversWithoutARestart() throws Exception {
        vrs = RunningService.start(root.resolve("data"), root.resolve("keys"), Map.of());
        RawHttp http = RawHttp.to(vrs);
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            files.add(open());
        }
        PostgresControl pg = PostgresControl.of(vrs.dataDir().resolve("pg"), root.resolve("pg.log"));
        WriteLoad load = new WriteLoad(http, files, CLIENTS, "db", 11L);
        awaitAcknowledged(load, WRITES_BETWEEN_FAULTS);

        for (String mode : List.of("fast", "immediate")) {
            long down = System.nanoTime();
            pg.stop(mode);
            long stopped = System.nanoTime();
            await("503s while the database is down (" + mode + ")").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> load.snapshot().stream().filter(o -> o.startedNanos() > stopped && o.status() == 503).count() >= CLIENTS);
            pg.start();
            long up = System.nanoTime();
            List<WriteLoad.Outcome> whileDown = load.snapshot().stream()
                    .filter(o -> o.startedNanos() > stopped && o.endedNanos() < up).toList();
            assertThat(whileDown).as("writes started and answered while the database was down (%s)", mode)
                    .isNotEmpty().allMatch(o -> o.status() == 503 && o.error() != null && o.error().matches("database-unavailable|outcome-unknown"));
            System.out.printf("database %s stop: down for %d ms, %d writes refused with 503 meanwhile%n", mode,
                    (up - down) / 1_000_000, whileDown.size());
            awaitAcknowledged(load, WRITES_BETWEEN_FAULTS);
        }

        for (int cut = 0; cut < 3; cut++) {
            int terminated = pg.terminateServiceConnections();
            System.out.printf("connections cut: %d%n", terminated);
            awaitAcknowledged(load, WRITES_BETWEEN_FAULTS / 2);
        }

        List<WriteLoad.Outcome> outcomes = load.stop();
        Map<String, Long> answers = new TreeMap<>(outcomes.stream().collect(Collectors.groupingBy(
                o -> o.status() + (o.error() == null ? "" : " " + o.error()), Collectors.counting())));
        System.out.println("answers: " + answers);
        assertThat(outcomes).as("every answer is a success or a 503 naming the database; the service never went away")
                .allMatch(o -> o.acknowledged() || (o.status() == 503 && List.of("database-unavailable", "outcome-unknown").contains(o.error())));

        StoredEvents stored;
        try (Connection owner = vrs.ownerConnection()) {
            stored = StoredEvents.read(owner);
        }
        stored.assertWhole();
        stored.assertHolds(outcomes);
        List<WriteLoad.Outcome> notStoredClaims = outcomes.stream().filter(o -> "database-unavailable".equals(o.error())).toList();
        assertThat(stored.committedWithoutAcknowledgement(notStoredClaims)).as("writes answered 'nothing was stored' that were stored: %s",
                notStoredClaims.stream().filter(o -> stored.byReason().containsKey(o.reason())).toList()).isZero();
        System.out.printf("answered outcome-unknown: %d, of which stored: %d%n", outcomes.stream().filter(o -> "outcome-unknown".equals(o.error())).count(),
                stored.committedWithoutAcknowledgement(outcomes.stream().filter(o -> "outcome-unknown".equals(o.error())).toList()));

        await("projection caught up").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Connection owner = vrs.ownerConnection()) {
                return StoredEvents.read(owner).viewsBehind().isEmpty();
            }
        });
        for (Map.Entry<String, Long> head : stored.heads().entrySet()) {
            Response view = vrs.get(Caller.RECEPTION.withPurpose("fault-check"), "/api/v1/files/" + head.getKey());
            assertThat(view.json().path("sections").path("CASE_ADMIN").path("notes"))
                    .as("notes in the view of %s: every event after the opening is one, none skipped", head.getKey())
                    .hasSize(head.getValue().intValue());
        }
        // a processor that failed while the database was down retries with a growing back-off (Axon's,
        // up to a minute), so health turns UP when each has retried once, without a restart
        await("health UP").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> vrs.get(null, "/actuator/health").status() == 200);
        Response health = vrs.get(null, "/actuator/health");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
    }

    private static void awaitAcknowledged(WriteLoad load, int more) {
        int target = load.acknowledged() + more;
        await(more + " more acknowledged writes").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> load.acknowledged() >= target);
    }

    private String open() {
        Response r = vrs.post(Caller.RECEPTION, "/api/v1/files", "{\"channel\":\"RESCUE\",\"receivingAgency\":"
                + "\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"" + LocalDate.now().minusDays(2) + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("fileId");
    }
}
