package org.vrs.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vrs.ledger.LedgerQueries;
import org.vrs.support.Caller;
import org.vrs.support.Response;
import org.vrs.support.RunningService;

/** The timeline's leaf indexes and the field-level changes between two points, over HTTP with real tokens. */
class AuditTimelineHttpTest {
    private static final String NAME_BEFORE = "Vang Thi Changesfirst";
    private static final String NAME_AFTER = "Vang Thi Changessecond";
    private static final String SUPPORT_NOTE = "Quietly moved to the Sapa safe house";
    private static final Caller OWNER_CASEWORKER = new Caller("u-cw-batxat", "LC-COMMUNE-BATXAT", "CASEWORKER", "case-review");
    private static final Caller AUDITOR = new Caller("u-auditor", "STATE-AUDIT", "AUDITOR", "audit");

    private final RunningService vrs = RunningService.shared();

    @Test
    void theTimelineNamesEachEventsLeafOnceTheLedgerHasIt() {
        String file = fileWithACorrectedName();
        vrs.awaitLedger();
        Response history = vrs.get(AUDITOR, "/api/v1/files/" + file + "/history");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        JsonNode events = history.json().path("events");
        assertThat(events).hasSize(4);
        List<String> ids = new ArrayList<>();
        events.forEach(e -> ids.add(e.path("eventId").asText()));
        Map<String, LedgerQueries.Leaf> leaves = vrs.bean(LedgerQueries.class).leavesOf(ids);
        for (JsonNode e : events) {
            assertThat(e.path("ledger").asText()).isEqualTo("integrated");
            assertThat(e.path("leafIndex").isIntegralNumber()).as(e.toString()).isTrue();
            assertThat(e.path("leafIndex").asLong()).isEqualTo(leaves.get(e.path("eventId").asText()).index().value());
        }
        assertThat(history.body()).doesNotContain(NAME_BEFORE).doesNotContain(NAME_AFTER).doesNotContain(SUPPORT_NOTE);
    }

    @Test
    void aCaseworkerSeesTheChangedFieldAndAnAuditorSeesNoHiddenCategory() {
        String file = fileWithACorrectedName();
        String path = "/api/v1/files/" + file + "/changes";

        Response caseworker = vrs.get(OWNER_CASEWORKER, path + "?fromSequence=1&toSequence=2");
        assertThat(caseworker.status()).as(caseworker.body()).isEqualTo(200);
        assertThat(caseworker.json().path("fromSequence").asLong()).isEqualTo(1);
        assertThat(caseworker.json().path("toSequence").asLong()).isEqualTo(2);
        JsonNode name = change(caseworker, "/IDENTITY/current/fullName");
        assertThat(name).as(caseworker.body()).isNotNull();
        assertThat(name.path("change").asText()).isEqualTo("changed");
        assertThat(name.path("category").asText()).isEqualTo("IDENTITY");
        assertThat(name.path("before").asText()).isEqualTo(NAME_BEFORE);
        assertThat(name.path("after").asText()).isEqualTo(NAME_AFTER);

        // the same two points by time: the last event stored at or before each instant
        JsonNode timeline = vrs.get(OWNER_CASEWORKER, "/api/v1/files/" + file + "/history").json().path("events");
        Response byTime = vrs.get(OWNER_CASEWORKER, path + "?from=" + timeline.get(1).path("time").asText()
                + "&to=" + timeline.get(2).path("time").asText());
        assertThat(byTime.status()).as(byTime.body()).isEqualTo(200);
        assertThat(byTime.json().path("changes")).isEqualTo(caseworker.json().path("changes"));

        Response auditor = vrs.get(AUDITOR, path + "?fromSequence=0");
        assertThat(auditor.status()).as(auditor.body()).isEqualTo(200);
        assertThat(auditor.json().path("disclosure").path("IDENTITY").asText()).isEqualTo("HIDDEN");
        assertThat(auditor.body()).doesNotContain("Changesfirst").doesNotContain("Changessecond").doesNotContain("Sapa");
        assertThat(auditor.json().path("changes")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.path("category").asText()).isIn("CASE_ADMIN", "SUPPORT", "CONSENT_PROTECTION"));
        // support is masked for auditors: the note shows only as a count
        JsonNode notes = change(auditor, "/SUPPORT/notes");
        assertThat(notes).as(auditor.body()).isNotNull();
        assertThat(notes.path("before").asInt()).isZero();
        assertThat(notes.path("after").asInt()).isEqualTo(1);

        Response caseworkerNote = vrs.get(OWNER_CASEWORKER, path + "?fromSequence=2&toSequence=3");
        assertThat(caseworkerNote.body()).contains(SUPPORT_NOTE);
    }

    @Test
    void refusalsAsOnEveryFilePath() {
        String file = fileWithACorrectedName();
        String path = "/api/v1/files/" + file + "/changes";
        assertThat(vrs.get(null, path).status()).isEqualTo(401);
        Response otherAgency = vrs.get(Caller.CASEWORKER.withPurpose("case-review"), path + "?fromSequence=0");
        assertThat(otherAgency.status()).isEqualTo(404);
        assertThat(otherAgency.body()).doesNotContain("Changes");
        assertThat(vrs.get(OWNER_CASEWORKER.withPurpose(null), path).status()).isEqualTo(400);

        badParameter(path + "?fromSequence=-1", "fromSequence");
        badParameter(path + "?toSequence=two", "toSequence");
        badParameter(path + "?from=last-week", "from");
        badParameter(path + "?to=2026-11-40T00:00:00Z", "to");
        badParameter(path + "?fromSequence=3&toSequence=1", "toSequence");
        badParameter(path + "?fromSequence=1&from=2026-11-01T00:00:00Z", "fromSequence");
        badParameter(path + "?from=2026-11-05T00:00:00Z&to=2026-11-01T00:00:00Z", "to");
    }

    private void badParameter(String path, String parameter) {
        Response r = vrs.get(OWNER_CASEWORKER, path);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(400);
        assertThat(r.json().path("message").asText()).contains("'" + parameter + "'");
    }

    private static JsonNode change(Response r, String pointer) {
        for (JsonNode c : r.json().path("changes")) {
            if (c.path("path").asText().equals(pointer)) {
                return c;
            }
        }
        return null;
    }

    /** Opened (0), a name recorded (1) and corrected (2), a support note (3); returns once the view is there. */
    private String fileWithACorrectedName() {
        Response opened = vrs.post(Caller.RECEPTION, "/api/v1/files",
                "{\"channel\":\"RESCUE\",\"receivingAgency\":\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"2026-11-01\"}");
        assertThat(opened.status()).isEqualTo(201);
        String file = opened.text("fileId");
        String p = "/api/v1/files/" + file + "/";
        ok(p + "record-identity", "{\"identity\":{\"fullName\":\"" + NAME_BEFORE + "\",\"sex\":\"FEMALE\",\"idDocumentType\":\"NONE\"}}");
        ok(p + "correct-identity", "{\"correctsSequence\":1,\"reason\":\"spelling\",\"identity\":{\"fullName\":\"" + NAME_AFTER
                + "\",\"sex\":\"FEMALE\",\"idDocumentType\":\"NONE\"}}");
        ok(p + "add-case-note", "{\"category\":\"SUPPORT\",\"text\":\"" + SUPPORT_NOTE + "\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> vrs.get(Caller.RECEPTION.withPurpose("setup"), "/api/v1/files/" + file)
                .json().path("sequence").asLong() >= 3);
        return file;
    }

    private void ok(String path, String json) {
        Response r = vrs.post(Caller.RECEPTION, path, json);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
    }
}
