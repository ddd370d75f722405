package org.vrs.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.support.Caller;
import org.vrs.support.Response;
import org.vrs.support.RunningService;

/** The live projection, a full rebuild and a point-in-time replay all agree, because they are one fold. */
class ReplayEqualityTest {
    private static final Caller READER = Caller.RECEPTION.withPurpose("audit-check");

    @TempDir
    Path root;

    @Test
    void aRebuiltProjectionEqualsTheLiveOneForHundredsOfFiles() throws Exception {
        try (RunningService vrs = RunningService.start(root.resolve("data"), root.resolve("keys"), Map.of())) {
            for (int i = 0; i < 200; i++) {
                String file = TestFiles.openWithIdentityAndAddress(vrs, "Person " + i, "Hamlet " + i);
                if (i % 3 == 0) {
                    vrs.post(Caller.RECEPTION, "/api/v1/files/" + file + "/add-case-note", "{\"category\":\"HEALTH\",\"text\":\"note " + i + "\"}");
                }
            }
            Projections projections = vrs.bean(Projections.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> projections.progress("file-views").behind() == 0);
            Map<String, String> live = snapshot(vrs);
            assertThat(live).hasSizeGreaterThanOrEqualTo(200);

            Response rebuild = vrs.post(new Caller("u-admin", "LC-HEALTH", "SYSTEM_ADMINISTRATOR", null),
                    "/api/v1/admin/projections/file-views/rebuild", "");
            assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(120)).until(() -> projections.progress("file-views").behind() == 0
                    && snapshot(vrs).size() == live.size());
            assertThat(snapshot(vrs)).isEqualTo(live);
        }
    }

    @Test
    void theViewAsOfEverySequenceEqualsTheLiveViewAtThatPoint() throws Exception {
        try (RunningService vrs = RunningService.start(root.resolve("data"), root.resolve("keys"), Map.of())) {
            String file = TestFiles.openWithIdentityAndAddress(vrs, "Long History", "Hamlet 1");
            List<String> liveAt = new ArrayList<>();
            liveAt.add(null);
            liveAt.add(null);
            liveAt.add(sections(awaitSequence(vrs, file, 2)));
            for (int i = 3; i <= 40; i++) {
                String command = i % 2 == 0 ? "add-case-note" : "record-whereabouts";
                String body = i % 2 == 0 ? "{\"category\":\"CASE_ADMIN\",\"text\":\"step " + i + "\"}"
                        : "{\"whereabouts\":{\"residenceAddress\":\"House " + i + "\",\"province\":\"LC\"}}";
                assertThat(vrs.post(Caller.RECEPTION, "/api/v1/files/" + file + "/" + command, body).status()).isEqualTo(200);
                liveAt.add(sections(awaitSequence(vrs, file, i)));
            }
            for (int n = 2; n <= 40; n++) {
                Response past = vrs.get(READER, "/api/v1/files/" + file + "?asOfSequence=" + n);
                assertThat(past.status()).isEqualTo(200);
                assertThat(sections(past)).as("as of sequence " + n).isEqualTo(liveAt.get(n));
            }
        }
    }

    private static Response awaitSequence(RunningService vrs, String file, long sequence) {
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            last[0] = vrs.get(READER, "/api/v1/files/" + file);
            return last[0].status() == 200 && last[0].json().path("sequence").asLong() == sequence;
        });
        return last[0];
    }

    /** The view without its position stamp, which differs by nature between live and replayed. */
    private static String sections(Response r) {
        var sections = r.json().path("sections").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) sections.path("CASE_ADMIN")).remove("lastChangedAt");
        return sections.toString();
    }

    private static Map<String, String> snapshot(RunningService vrs) throws Exception {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = vrs.ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT file_id, file_number, status, closed, owner_agency, province, last_sequence, "
                     + "(SELECT string_agg(encode(name_hmac, 'hex'), ',' ORDER BY name_hmac) FROM file_name_index n WHERE n.file_id = v.file_id) "
                     + "FROM file_view v")) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 2; i <= 8; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.put(rs.getString(1), row.toString());
            }
        }
        for (String file : List.copyOf(rows.keySet())) {
            rows.put(file, rows.get(file) + vrs.bean(FileQueries.class).current(file).map(v -> {
                var doc = v.document();
                ((com.fasterxml.jackson.databind.node.ObjectNode) doc.path("CASE_ADMIN")).remove("lastChangedAt");
                return doc.toString();
            }).orElse("none"));
        }
        return rows;
    }
}
