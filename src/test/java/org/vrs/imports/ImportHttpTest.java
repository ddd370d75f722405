package org.vrs.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vrs.ledger.LedgerSigningKey;
import org.vrs.ledger.StoreVerifier;
import org.vrs.ledger.VerificationReport;
import org.vrs.support.Caller;
import org.vrs.support.Response;
import org.vrs.support.TableDump;
import org.vrs.support.RunningService;

/** Bulk import over real HTTP with real tokens, against the real store, views and ledger. */
class ImportHttpTest {
    private static final Caller IMPORTER = new Caller("u-migration", "LC-HEALTH", "CASEWORKER", null);
    private final RunningService vrs = RunningService.shared();
    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    private String name(int file) {
        return "Lo Thi Imported" + marker + "n" + file;
    }

    private String address(int file) {
        return "Thon Secret" + marker + " so " + file;
    }

    /** A paper file: opened, identity, whereabouts, a support request, notes, closed. */
    private String file(String reference, int file, int notes) {
        StringBuilder commands = new StringBuilder();
        commands.append("""
                {"command":"open-file","body":{"channel":"RESCUE","receivingAgency":"LC-HEALTH","receivedOn":"2025-06-04"}},
                {"command":"record-identity","body":{"identity":{"fullName":"%s","sex":"FEMALE","idDocumentType":"NONE"}}},
                {"command":"record-whereabouts","body":{"whereabouts":{"residenceAddress":"%s","province":"LC"}}},
                {"command":"request-support","body":{"regime":"ESSENTIAL_NEEDS","requestedOn":"2025-06-05"}}""".formatted(name(file), address(file)));
        for (int n = 0; n < notes; n++) {
            commands.append(",\n{\"command\":\"add-case-note\",\"body\":{\"category\":\"HEALTH\",\"text\":\"paper note " + n + " of " + address(file) + "\"}}");
        }
        commands.append(",\n{\"command\":\"close-file\",\"body\":{\"reason\":\"REINTEGRATED\",\"closedOn\":\"2026-01-15\"}}");
        return "{\"reference\":\"" + reference + "\",\"commands\":[" + commands + "]}";
    }

    private static String batch(List<String> files) {
        return "{\"source\":\"paper-register-lc\",\"files\":[" + String.join(",", files) + "]}";
    }

    private long importedEventsOf(String reference) {
        return vrs.count("SELECT count(*) FROM domain_event_entry WHERE convert_from(meta_data, 'UTF8') LIKE '%\"" + reference + "\"%'");
    }

    @Test
    void wholeFilesAreImportedThroughTheFileRulesEncryptedAndLedgered() throws Exception {
        List<String> files = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            files.add(file("LC/2025/" + marker + "-" + f, f, 3));
        }
        Response response = vrs.post(IMPORTER, "/api/v1/imports", batch(files));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.path("events").asLong()).isEqualTo(3 * 8);
        assertThat(body.path("files")).hasSize(3);
        for (int f = 0; f < 3; f++) {
            JsonNode imported = body.path("files").get(f);
            assertThat(imported.path("reference").asText()).isEqualTo("LC/2025/" + marker + "-" + f);
            assertThat(imported.path("lastSequence").asLong()).isEqualTo(7);
            assertThat(importedEventsOf("LC/2025/" + marker + "-" + f)).isEqualTo(8);
        }

        // the owner reads an imported file back through the ordinary view
        String fileId = body.path("files").get(1).path("fileId").asText();
        Caller owner = IMPORTER.withPurpose("case-review");
        await().atMost(Duration.ofSeconds(30)).until(() -> vrs.get(owner, "/api/v1/files/" + fileId).status() == 200
                && vrs.get(owner, "/api/v1/files/" + fileId).json().path("sequence").asLong() == 7);
        Response view = vrs.get(owner, "/api/v1/files/" + fileId);
        JsonNode sections = view.json().path("sections");
        assertThat(sections.path("CASE_ADMIN").path("closed").asBoolean()).isTrue();
        assertThat(sections.path("CASE_ADMIN").path("closedOn").asText()).isEqualTo("2026-01-15");
        assertThat(sections.path("IDENTITY").path("current").path("fullName").asText().equals(name(1))).as("the imported name").isTrue();

        // what was stored holds none of it in clear, and the metadata says where it came from
        try (Connection c = vrs.ownerConnection(); Statement s = c.createStatement()) {
            String events = TableDump.of(s, "SELECT * FROM domain_event_entry WHERE convert_from(meta_data, 'UTF8') LIKE '%" + marker + "%'");
            assertThat(events).contains("import-paper-register-lc").contains("LC/2025/" + marker);
            String views = TableDump.of(s, "SELECT * FROM file_view");
            for (int f = 0; f < 3; f++) {
                assertThat(events).doesNotContain(name(f)).doesNotContain(address(f)).doesNotContain("Secret" + marker);
                assertThat(views).doesNotContain(name(f)).doesNotContain("Secret" + marker);
            }
        }

        // every imported event has its leaf, and the whole log verifies
        vrs.awaitLedger();
        StoreVerifier verifier = StoreVerifier.of(StoreVerifier.DEFAULT_ORIGIN,
                LedgerSigningKey.readPublicKey(vrs.keysDir().resolve(LedgerSigningKey.PUBLIC_KEY_FILE)));
        try (Connection owner2 = vrs.ownerConnection()) {
            VerificationReport report = verifier.verify(owner2);
            assertThat(report).as(report.toString()).isInstanceOf(VerificationReport.Verified.class);
        }
        assertThat(vrs.count("SELECT count(*) FROM ledger_leaf l JOIN domain_event_entry e ON e.event_identifier = l.event_identifier "
                + "WHERE convert_from(e.meta_data, 'UTF8') LIKE '%LC/2025/" + marker + "%'")).isEqualTo(24);
    }

    @Test
    void oneRefusedCommandRejectsTheWholeBatchAndStoresNothing() {
        String good = file("LC/2025/" + marker + "-ok", 0, 1);
        // support granted that was never requested: the file's own rules refuse it
        String bad = """
                {"reference":"LC/2025/%s-bad","commands":[
                 {"command":"open-file","body":{"channel":"RESCUE","receivingAgency":"LC-HEALTH","receivedOn":"2025-06-04"}},
                 {"command":"grant-support","body":{"supportId":"%s","decidedOn":"2025-06-06","amountVnd":1000,"provider":"LC-HEALTH"}}]}"""
                .formatted(marker, UUID.randomUUID());
        long before = vrs.count("SELECT count(*) FROM domain_event_entry");
        Response refused = vrs.post(IMPORTER, "/api/v1/imports", batch(List.of(good, bad)));
        assertThat(refused.status()).as(refused.body()).isBetween(400, 499);
        assertThat(refused.json().path("message").asText()).startsWith("file 1 (LC/2025/" + marker + "-bad), command 1 (grant-support): ");
        assertThat(importedEventsOf("LC/2025/" + marker + "-ok")).as("the good file was rolled back too").isZero();
        assertThat(importedEventsOf("LC/2025/" + marker + "-bad")).isZero();
        assertThat(vrs.count("SELECT count(*) FROM domain_event_entry")).isEqualTo(before);
        assertThat(refused.body()).doesNotContain(name(0)).doesNotContain("Secret" + marker);
    }

    @Test
    void malformedBatchesAreRefusedWithTheirPosition() {
        String open = "{\"command\":\"open-file\",\"body\":{\"channel\":\"RESCUE\",\"receivingAgency\":\"LC-HEALTH\",\"receivedOn\":\"2025-06-04\"}}";
        record Case(String body, int status, String message) {
        }
        List<Case> cases = List.of(
                new Case("{\"source\":\"x\",\"files\":[", 400, "malformed JSON"),
                new Case("[]", 400, "must be a JSON object"),
                new Case("{\"source\":\"Paper Register\",\"files\":[]}", 400, "'source' must be a code"),
                new Case("{\"source\":\"p\",\"files\":[]}", 400, "'files' must be an array of 1 to"),
                new Case("{\"source\":\"p\",\"files\":[{\"reference\":\"R1\",\"commands\":[]}]}", 400, "file 0 (R1): 'commands' must be a non-empty array"),
                new Case("{\"source\":\"p\",\"files\":[{\"reference\":\"Nguyen Van A\",\"commands\":[" + open + "]}]}", 400, "file 0: 'reference' must be a register number"),
                new Case("{\"source\":\"p\",\"files\":[{\"reference\":\"R1\",\"commands\":[{\"command\":\"add-case-note\",\"body\":{}}]}]}", 400,
                        "file 0 (R1), command 0: a file's first command must be open-file"),
                new Case("{\"source\":\"p\",\"files\":[{\"reference\":\"R1\",\"commands\":[" + open + "," + open + "]}]}", 400,
                        "file 0 (R1), command 1: open-file may only come first"),
                new Case("{\"source\":\"p\",\"files\":[{\"reference\":\"R1\",\"commands\":[" + open + ",{\"command\":\"fly-away\",\"body\":{}}]}]}", 400,
                        "file 0 (R1), command 1: no file command is named 'fly-away'"),
                new Case("{\"source\":\"p\",\"files\":[{\"reference\":\"R1\",\"commands\":[" + open
                        + ",{\"command\":\"add-case-note\",\"body\":{\"category\":\"GOSSIP\",\"text\":\"t\"}}]}]}", 400, "file 0 (R1), command 1 (add-case-note): "),
                new Case("{\"source\":\"p\",\"files\":[{\"reference\":\"R1\",\"commands\":[" + open + "]},{\"reference\":\"R1\",\"commands\":[" + open + "]}]}", 400,
                        "file 1: reference R1 appears twice"),
                new Case("{\"source\":\"p\",\"files\":[{\"reference\":\"R1\",\"commands\":[" + open.replace("2025-06-04", "2099-01-01") + "]}]}", 400,
                        "file 0 (R1), command 0 (open-file): "),
                new Case("{\"source\":\"p\",\"extra\":1,\"files\":[]}", 400, "unknown field 'extra'"));
        long before = vrs.count("SELECT count(*) FROM domain_event_entry");
        for (Case c : cases) {
            Response r = vrs.post(IMPORTER, "/api/v1/imports", c.body());
            assertThat(r.status()).as(c.body() + " -> " + r.body()).isEqualTo(c.status());
            assertThat(r.json().path("message").asText()).as(c.body()).contains(c.message());
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(vrs.count("SELECT count(*) FROM domain_event_entry")).isEqualTo(before);
    }

    @Test
    void onlyAFrontLineRoleImportsAndOnlyForItsOwnAgency() {
        String body = batch(List.of(file("LC/2025/" + marker + "-scope", 0, 0)));
        long before = vrs.count("SELECT count(*) FROM domain_event_entry");
        assertThat(vrs.postWithHeaders(java.util.Map.of("Content-Type", "application/json"), "/api/v1/imports", body).status()).isEqualTo(401);
        for (Caller c : List.of(new Caller("u-aud", "STATE-AUDIT", "AUDITOR", null), Caller.SHELTER, Caller.DPO,
                new Caller("u-admin", "LC-HEALTH", "SYSTEM_ADMINISTRATOR", null))) {
            Response r = vrs.post(c, "/api/v1/imports", body);
            assertThat(r.status()).as(c + " " + r.body()).isEqualTo(403);
        }
        // a reception officer may open and describe a file, but not close it: refused at that command
        Response reception = vrs.post(Caller.RECEPTION, "/api/v1/imports", body.replace("LC-HEALTH", "LC-COMMUNE-BATXAT"));
        assertThat(reception.status()).as(reception.body()).isEqualTo(403);
        assertThat(reception.json().path("message").asText()).contains("command 4").contains("may not close-file");
        // a caseworker cannot import a file received by another agency
        Response foreign = vrs.post(IMPORTER, "/api/v1/imports", body.replace("\"receivingAgency\":\"LC-HEALTH\"", "\"receivingAgency\":\"LC-POLICE\""));
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(403);
        assertThat(foreign.json().path("message").asText()).startsWith("file 0 (LC/2025/" + marker + "-scope), command 0 (open-file): ");
        assertThat(vrs.count("SELECT count(*) FROM domain_event_entry")).isEqualTo(before);
    }

    @Test
    void batchesOverTheLimitsAreRefusedBeforeAnythingRuns() {
        String open = "{\"command\":\"open-file\",\"body\":{\"channel\":\"RESCUE\",\"receivingAgency\":\"LC-HEALTH\",\"receivedOn\":\"2025-06-04\"}}";
        List<String> files = new ArrayList<>();
        for (int f = 0; f < 501; f++) {
            files.add("{\"reference\":\"R" + f + "\",\"commands\":[" + open + "]}");
        }
        Response tooMany = vrs.post(IMPORTER, "/api/v1/imports", batch(files));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("message").asText()).contains("1 to 500 files");

        String huge = "{\"source\":\"p\",\"files\":[],\"pad\":\"" + "x".repeat(16 * 1024 * 1024) + "\"}";
        Response tooLarge = vrs.post(IMPORTER, "/api/v1/imports", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().path("message").asText()).contains("16777216 bytes");
    }
}
