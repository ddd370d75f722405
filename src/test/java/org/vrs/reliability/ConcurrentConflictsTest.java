package org.vrs.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vrs.support.Caller;
import org.vrs.support.RawHttp;
import org.vrs.support.Response;
import org.vrs.support.RunningService;

/**
 * Many clients racing on the same files with the same {@code expectedSequence}: exactly one wins
 * each round, every loser gets 409 and left nothing behind, and the file equals what a single
 * client sending only the acknowledged commands, one after another, would have produced.
 */
class ConcurrentConflictsTest {
    private static final int FILES = 4;
    private static final int ROUNDS = Integer.getInteger("vrs.conflicts.rounds", 12);
    private static final int CONTENDERS = 8;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final RunningService vrs = RunningService.shared();
    private final RawHttp http = RawHttp.to(vrs);
    private final ExecutorService pool = Executors.newFixedThreadPool(FILES * CONTENDERS);

    /** One contender's command: where it goes, its body, and the reason code that marks its events. */
    private record Attempt(String path, String body, String reason) {
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void contendersOnTheSameSequenceGetOneWinnerAndConflictsAndTheFileEqualsItsSerialReplay() throws Exception {
        List<String> files = new ArrayList<>();
        for (int f = 0; f < FILES; f++) {
            files.add(open());
        }
        Map<String, List<Attempt>> winners = new ConcurrentHashMap<>();
        Set<String> losers = ConcurrentHashMap.newKeySet();
        for (int round = 0; round < ROUNDS; round++) {
            CyclicBarrier start = new CyclicBarrier(FILES * CONTENDERS);
            List<Future<Response>> responses = new ArrayList<>();
            List<Attempt> attempts = new ArrayList<>();
            for (int f = 0; f < FILES; f++) {
                for (int c = 0; c < CONTENDERS; c++) {
                    Attempt attempt = attempt(files.get(f), f, round, c, round);
                    attempts.add(attempt);
                    responses.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return http.postJson(Caller.RECEPTION, attempt.path(), attempt.body(), attempt.reason(), TIMEOUT);
                    }));
                }
            }
            for (int f = 0; f < FILES; f++) {
                int wins = 0;
                for (int c = 0; c < CONTENDERS; c++) {
                    int i = f * CONTENDERS + c;
                    Response r = responses.get(i).get(2, TimeUnit.MINUTES);
                    if (r.status() == 200) {
                        wins++;
                        assertThat(r.json().path("sequence").asLong()).isEqualTo(round + 1L);
                        winners.computeIfAbsent(files.get(f), k -> new ArrayList<>()).add(attempts.get(i));
                    } else {
                        assertThat(r.status()).as(r.body()).isEqualTo(409);
                        assertThat(r.text("error")).isEqualTo("sequence-conflict");
                        losers.add(attempts.get(i).reason());
                    }
                }
                assertThat(wins).as("winners on file %d in round %d", f, round).isEqualTo(1);
            }
        }
        assertThat(losers).hasSize(FILES * ROUNDS * (CONTENDERS - 1));
        for (String file : files) {
            assertStoredExactly(file, winners.get(file), losers);
            assertThat(view(replaySerially(winners.get(file)), ROUNDS)).isEqualTo(view(file, ROUNDS));
        }
    }

    @Test
    void concurrentCommandsWithoutExpectedSequenceAreAllKeptInSomeOrder() throws Exception {
        String file = open();
        int clients = 16;
        CyclicBarrier start = new CyclicBarrier(clients);
        List<Future<Response>> responses = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String body = "{\"noteId\":\"" + UUID.randomUUID() + "\",\"category\":\"CASE_ADMIN\",\"text\":\"client " + c + "\"}";
            responses.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return http.postJson(Caller.RECEPTION, "/api/v1/files/" + file + "/add-case-note", body, null, TIMEOUT);
            }));
        }
        Set<Long> sequences = new HashSet<>();
        for (Future<Response> f : responses) {
            Response r = f.get(2, TimeUnit.MINUTES);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            sequences.add(r.json().path("sequence").asLong());
        }
        assertThat(sequences).hasSize(clients).allMatch(s -> s >= 1 && s <= clients);
        JsonNode notes = view(file, clients).path("CASE_ADMIN").path("notes");
        assertThat(notes).hasSize(clients);
    }

    /** Contender c's command in a round: a case note, a related person or whereabouts, all on the same sequence. */
    private static Attempt attempt(String file, int f, int round, int c, long expected) {
        String reason = "race-" + f + "-" + round + "-" + c;
        String body = switch (c % 3) {
            case 0 -> "{\"expectedSequence\":" + expected + ",\"noteId\":\"" + UUID.randomUUID()
                    + "\",\"category\":\"CASE_ADMIN\",\"text\":\"note by contender " + c + " in round " + round + "\"}";
            case 1 -> "{\"expectedSequence\":" + expected + ",\"personId\":\"" + UUID.randomUUID()
                    + "\",\"relation\":\"RELATIVE\",\"fullName\":\"Relative " + c + "-" + round + "\"}";
            default -> "{\"expectedSequence\":" + expected + ",\"whereabouts\":{\"province\":\"LC\",\"district\":\"District "
                    + c + "-" + round + "\"}}";
        };
        String command = switch (c % 3) {
            case 0 -> "add-case-note";
            case 1 -> "add-related-person";
            default -> "record-whereabouts";
        };
        return new Attempt("/api/v1/files/" + file + "/" + command, body, reason);
    }

    /** The file holds its opening and exactly the winners, in order, and nothing of any loser. */
    private void assertStoredExactly(String file, List<Attempt> winners, Set<String> losers) throws Exception {
        List<String> reasons = new ArrayList<>();
        try (Connection c = vrs.ownerConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT sequence_number, convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            s.setString(1, file);
            try (ResultSet rs = s.executeQuery()) {
                for (long expected = 0; rs.next(); expected++) {
                    assertThat(rs.getLong(1)).isEqualTo(expected);
                    JsonNode meta = new com.fasterxml.jackson.databind.ObjectMapper().readTree(rs.getString(2));
                    reasons.add(meta.path("reasonCode").asText(""));
                }
            }
        }
        assertThat(reasons).hasSize(ROUNDS + 1);
        assertThat(reasons.subList(1, reasons.size())).containsExactlyElementsOf(winners.stream().map(Attempt::reason).toList());
        assertThat(reasons).noneMatch(losers::contains);
    }

    /** A fresh file that receives only the acknowledged commands, one at a time. */
    private String replaySerially(List<Attempt> acknowledged) throws IOException {
        String file = open();
        long sequence = 0;
        for (Attempt a : acknowledged) {
            String path = a.path().replaceFirst("/files/[^/]+/", "/files/" + file + "/");
            Response r = http.postJson(Caller.RECEPTION, path, a.body().replaceFirst("\"expectedSequence\":\\d+",
                    "\"expectedSequence\":" + sequence), a.reason(), TIMEOUT);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            sequence++;
        }
        return file;
    }

    /** The file's view for its owner once the projection has caught up, without what names the file itself. */
    private JsonNode view(String file, long sequence) {
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = vrs.get(Caller.RECEPTION.withPurpose("case-review"), "/api/v1/files/" + file);
            return last[0].status() == 200 && last[0].json().path("sequence").asLong() >= sequence;
        });
        ObjectNode sections = (ObjectNode) last[0].json().path("sections");
        ObjectNode admin = (ObjectNode) sections.path("CASE_ADMIN");
        admin.remove(List.of("fileId", "fileNumber", "lastChangedAt"));
        return sections;
    }

    private String open() {
        Response r = vrs.post(Caller.RECEPTION, "/api/v1/files", "{\"channel\":\"SELF_REPORT\",\"receivingAgency\":"
                + "\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"" + LocalDate.now().minusDays(3) + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("fileId");
    }
}
