package org.vrs.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vrs.ledger.LedgerSigningKey;
import org.vrs.ledger.StoreVerifier;
import org.vrs.ledger.VerificationReport;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.support.Caller;
import org.vrs.support.ChildService;
import org.vrs.support.Response;

/**
 * SIGKILL of the service at random moments under concurrent writes, then a restart on the same
 * folders, several times: every acknowledged command is stored where its response said, nothing
 * is stored twice or half, every event still opens, and the projection catches up and equals a
 * rebuild from scratch. {@code -Dvrs.crash.kills=N} for a longer run (default 3).
 */
class CrashUnderLoadTest {
    private static final int KILLS = Integer.getInteger("vrs.crash.kills", 3);
    private static final int CLIENTS = 8;
    static final List<String> CHILD_JVM = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    @TempDir
    Path root;
    private ChildService child;

    @AfterEach
    void stopChild() {
        if (child != null) {
            child.close();
        }
        ChildService.stopOrphanedDatabase(root.resolve("data"));
    }

    @Test
    void acknowledgedWritesSurviveSigkillAndNothingIsHalfWritten() throws Exception {
        long seed = Long.getLong("vrs.crash.seed", 7L);
        Random random = new Random(seed);
        child = start();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            files.add(open());
        }
        List<WriteLoad.Outcome> all = new ArrayList<>();
        long committedUnacknowledged = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            int killAfter = 1 + random.nextInt(300);
            WriteLoad load = new WriteLoad(child.http(), files, CLIENTS, "k" + kill, seed * 100 + kill);
            await("%d acknowledged writes before kill %d".formatted(killAfter, kill)).atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(5)).until(() -> load.acknowledged() >= killAfter);
            child.kill();
            List<WriteLoad.Outcome> outcomes = load.stop();
            all.addAll(outcomes);
            files = load.files();

            child = start();
            StoredEvents stored = read();
            stored.assertWhole();
            stored.assertHolds(all);
            committedUnacknowledged += stored.committedWithoutAcknowledgement(outcomes);
            awaitViewsCaughtUp(); // reads are scoped through the view: a file opened just before the kill needs it
            assertEveryFileOpens(stored.heads());
            assertTheLedgerCatchesUpAndVerifies();
            System.out.printf("kill %d after %d acknowledged writes: %d outcomes, %d without response; store holds %d file events%n",
                    kill, killAfter, outcomes.size(), outcomes.stream().filter(o -> o.status() < 0).count(), stored.size());
        }
        assertThat(all.stream().filter(WriteLoad.Outcome::acknowledged).count()).isGreaterThan(KILLS);
        assertThat(all).allMatch(o -> o.status() < 0 || o.acknowledged(), "every answer was a 2xx or no answer at all");
        System.out.printf("%d requests committed although the client never saw the response (allowed: at most once)%n",
                committedUnacknowledged);

        Map<String, JsonNode> live = views(read().heads());
        rebuildViewsFromScratch();
        assertThat(views(read().heads())).isEqualTo(live);
    }

    private ChildService start() {
        return ChildService.start(root.resolve("data"), root.resolve("keys"), root.resolve("child.log"), CHILD_JVM, Map.of());
    }

    private StoredEvents read() throws Exception {
        try (Connection owner = child.ownerConnection()) {
            return StoredEvents.read(owner);
        }
    }

    /** Every event of every file still decrypts and folds: the owner reads each whole history. */
    private void assertEveryFileOpens(Map<String, Long> heads) throws IOException {
        for (Map.Entry<String, Long> head : heads.entrySet()) {
            Response r = child.http().get(Caller.RECEPTION.withPurpose("crash-check"),
                    "/api/v1/files/" + head.getKey() + "/history?size=1000", Duration.ofSeconds(30));
            assertThat(r.status()).as("history of %s", head.getKey()).isEqualTo(200);
            assertThat(r.json().path("events")).hasSize((int) (head.getValue() + 1));
        }
    }

    /** Every stored event gets its leaf after the restart, none twice, and the whole store verifies. */
    private void assertTheLedgerCatchesUpAndVerifies() throws Exception {
        await("ledger caught up").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Connection owner = child.ownerConnection(); java.sql.Statement s = owner.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM domain_event_entry), "
                         + "(SELECT COALESCE(MAX(tree_size), 0) FROM ledger_checkpoint)")) {
                rs.next();
                return rs.getLong(1) == rs.getLong(2);
            }
        });
        StoreVerifier verifier = StoreVerifier.of(StoreVerifier.DEFAULT_ORIGIN,
                LedgerSigningKey.readPublicKey(root.resolve("keys").resolve(LedgerSigningKey.PUBLIC_KEY_FILE)));
        try (Connection owner = child.ownerConnection()) {
            VerificationReport report = verifier.verify(owner);
            assertThat(report).as(report.toString()).isInstanceOf(VerificationReport.Verified.class);
        }
    }

    private void awaitViewsCaughtUp() {
        await("projection caught up").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> read().viewsBehind().isEmpty());
    }

    /** The live views as the owner reads them. */
    private Map<String, JsonNode> views(Map<String, Long> heads) throws IOException {
        awaitViewsCaughtUp();
        Map<String, JsonNode> out = new TreeMap<>();
        for (String file : heads.keySet()) {
            Response r = child.http().get(Caller.RECEPTION.withPurpose("crash-check"), "/api/v1/files/" + file, Duration.ofSeconds(30));
            assertThat(r.status()).isEqualTo(200);
            out.put(file, r.json().path("sections"));
        }
        return out;
    }

    /**
     * What a rebuild does (reset handler, token back to the start), done to a crashed service: the
     * next start replays every event into empty view tables.
     */
    private void rebuildViewsFromScratch() throws Exception {
        child.kill();
        try (Connection owner = child.ownerConnection(); Statement s = owner.createStatement()) {
            s.execute("DELETE FROM token_entry WHERE processor_name = 'file-views'");
            s.execute("TRUNCATE file_view, file_grant, file_name_index, file_support_regime, file_deadline");
        }
        child = start();
    }

    private String open() throws IOException {
        Response r = child.http().postJson(Caller.RECEPTION, "/api/v1/files", "{\"channel\":\"RESCUE\",\"receivingAgency\":"
                + "\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"" + LocalDate.now().minusDays(2) + "\"}", null, Duration.ofSeconds(30));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("fileId");
    }
}
