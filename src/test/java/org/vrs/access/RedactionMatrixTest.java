package org.vrs.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vrs.casefile.api.DataCategory.*;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vrs.casefile.api.DataCategory;
import org.vrs.support.Caller;
import org.vrs.support.Response;
import org.vrs.support.RunningService;

/**
 * For every role and every read endpoint: each category's plaintext appears in the response
 * (body and headers) exactly where the policy says FULL, and nowhere else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedactionMatrixTest {
    private static final Map<DataCategory, String> MARKER = new EnumMap<>(Map.of(
            CASE_ADMIN, "Adminmarker note", IDENTITY, "Identmarker Alpha", WHEREABOUTS, "Wheremarker Street 9",
            TRAFFICKING_ACCOUNT, "Traffmarker narrative", HEALTH, "Healthmarker note", FAMILY, "Famimarker Beta",
            LEGAL, "Legalmarker Authority", SUPPORT, "Suppmarker reason", CONSENT_PROTECTION, "Consmarker purpose"));

    /** Each role at an agency that holds the file (owner, verification, or a referral sharing every category). */
    private static final Map<Role, Caller> READERS = new EnumMap<>(Map.ofEntries(
            Map.entry(Role.RECEPTION_OFFICER, Caller.RECEPTION), Map.entry(Role.INVESTIGATOR, Caller.INVESTIGATOR),
            Map.entry(Role.CASEWORKER, Caller.CASEWORKER), Map.entry(Role.SHELTER_STAFF, Caller.SHELTER),
            Map.entry(Role.LEGAL_AID, Caller.LEGAL_AID), Map.entry(Role.MEDICAL, new Caller("u-doctor", "LC-HOSPITAL", "MEDICAL", null)),
            Map.entry(Role.AUDITOR, new Caller("u-auditor", "STATE-AUDIT", "AUDITOR", null)),
            Map.entry(Role.PROCURATOR, new Caller("u-procurator", "LC-PROCURACY", "PROCURATOR", null)),
            Map.entry(Role.COURT, new Caller("u-judge", "LC-COURT", "COURT", null)),
            Map.entry(Role.STATISTICIAN, new Caller("u-stats", "GSO-STATISTICS", "STATISTICIAN", null)),
            Map.entry(Role.DATA_PROTECTION_OFFICER, Caller.DPO),
            Map.entry(Role.SYSTEM_ADMINISTRATOR, new Caller("u-admin", "LC-HEALTH", "SYSTEM_ADMINISTRATOR", null))));

    private final RunningService vrs = RunningService.shared();
    private final RedactionPolicy policy = RedactionPolicy.fromClasspath("/config/redaction-policy.yml");
    private String file;
    private String fileNumber;

    @BeforeAll
    void writeAFileWithOneMarkerPerCategory() {
        Response opened = vrs.post(Caller.RECEPTION, "/api/v1/files",
                "{\"channel\":\"RESCUE\",\"receivingAgency\":\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"2026-09-01\"}");
        file = opened.text("fileId");
        String p = "/api/v1/files/" + file + "/";
        send(Caller.RECEPTION, p + "record-identity", "{\"identity\":{\"fullName\":\"Identmarker Alpha\",\"sex\":\"FEMALE\",\"idDocumentType\":\"NONE\"}}");
        send(Caller.RECEPTION, p + "record-whereabouts", "{\"whereabouts\":{\"residenceAddress\":\"Wheremarker Street 9\",\"province\":\"LC\"}}");
        send(Caller.RECEPTION, p + "add-case-note", "{\"category\":\"CASE_ADMIN\",\"text\":\"Adminmarker note\"}");
        send(Caller.RECEPTION, p + "add-case-note", "{\"category\":\"HEALTH\",\"text\":\"Healthmarker note\"}");
        send(Caller.RECEPTION, p + "add-related-person", "{\"relation\":\"RELATIVE\",\"fullName\":\"Famimarker Beta\"}");
        send(Caller.RECEPTION, p + "give-consent", "{\"categories\":[\"SUPPORT\"],\"recipientAgency\":\"LC-HEALTH\","
                + "\"purpose\":\"Consmarker purpose\",\"givenBy\":\"PERSON\",\"givenOn\":\"2026-09-02\"}");
        send(Caller.RECEPTION, p + "request-verification", "{\"verifyingAgency\":\"LC-POLICE\",\"requestedOn\":\"2026-09-02\"}");
        for (String agency : List.of("LC-HEALTH", "LC-SOCIAL-CENTRE", "LC-LEGAL-AID", "LC-HOSPITAL")) {
            send(Caller.RECEPTION, p + "make-referral", "{\"recipientAgency\":\"" + agency + "\",\"categories\":[\"CASE_ADMIN\",\"IDENTITY\","
                    + "\"WHEREABOUTS\",\"TRAFFICKING_ACCOUNT\",\"HEALTH\",\"FAMILY\",\"LEGAL\",\"SUPPORT\",\"CONSENT_PROTECTION\"],"
                    + "\"purpose\":\"referral\",\"legalBasis\":\"court order 12/2026\",\"madeOn\":\"2026-09-02\",\"expiresOn\":\"2099-01-01\"}");
        }
        send(Caller.INVESTIGATOR, p + "record-trafficking-account",
                "{\"account\":{\"exploitationTypes\":[\"SEXUAL\"],\"narrative\":\"Traffmarker narrative\"}}");
        send(Caller.INVESTIGATOR, p + "conclude-verification", "{\"outcome\":\"CONFIRMED\",\"concludedOn\":\"2026-09-10\","
                + "\"document\":{\"type\":\"POLICE_CERTIFICATE\",\"issuingAuthority\":\"Legalmarker Authority\",\"number\":\"1\",\"issuedOn\":\"2026-09-10\"}}");
        Response support = send(Caller.CASEWORKER, p + "request-support", "{\"regime\":\"MEDICAL\",\"requestedOn\":\"2026-09-11\"}");
        send(Caller.CASEWORKER, p + "refuse-support", "{\"supportId\":\"" + support.text("id") + "\",\"refusedBy\":\"VICTIM\","
                + "\"reason\":\"Suppmarker reason\",\"decidedOn\":\"2026-09-12\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response r = vrs.get(Caller.RECEPTION.withPurpose("setup"), "/api/v1/files/" + file);
            return r.status() == 200 && r.json().path("sequence").asLong() == support.json().path("sequence").asLong() + 1;
        });
        fileNumber = vrs.get(Caller.RECEPTION.withPurpose("setup"), "/api/v1/files/" + file).json()
                .path("sections").path("CASE_ADMIN").path("fileNumber").asText();
    }

    Iterable<Arguments> rolesAndEndpoints() {
        List<Arguments> out = new java.util.ArrayList<>();
        for (Role role : Role.values()) {
            for (String endpoint : List.of("view", "support", "history", "changes", "search", "deadlines", "statistics")) {
                out.add(Arguments.of(role, endpoint));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} reading {1}")
    @MethodSource("rolesAndEndpoints")
    void eachPlaintextAppearsExactlyWherePolicySaysFull(Role role, String endpoint) {
        Caller reader = READERS.get(role).withPurpose("matrix-check");
        Response r = switch (endpoint) {
            case "view" -> vrs.get(reader, "/api/v1/files/" + file);
            case "support" -> vrs.get(reader, "/api/v1/files/" + file + "/support");
            case "history" -> vrs.get(reader, "/api/v1/files/" + file + "/history");
            case "changes" -> vrs.get(reader, "/api/v1/files/" + file + "/changes"); // from nothing to now: every field added
            case "search" -> vrs.get(reader, "/api/v1/files?fileNumber=" + fileNumber);
            case "deadlines" -> vrs.get(reader, "/api/v1/deadlines");
            default -> vrs.get(reader, "/api/v1/statistics?by=province");
        };
        Set<DataCategory> shown = switch (endpoint) {
            case "view", "history", "changes" -> EnumSet.allOf(DataCategory.class);
            case "support" -> EnumSet.of(CASE_ADMIN, SUPPORT);
            default -> EnumSet.noneOf(DataCategory.class);
        };
        Map<DataCategory, Disclosure> row = policy.forRole(role).orElse(Map.of());
        String everything = r.body() + "\n" + r.headers();
        for (DataCategory category : DataCategory.values()) {
            boolean expected = shown.contains(category) && row.get(category) == Disclosure.FULL;
            assertThat(everything.contains(MARKER.get(category)))
                    .as("%s via %s: %s (%s) should %s", role, endpoint, category, row.get(category), expected ? "appear" : "not appear")
                    .isEqualTo(expected);
        }
        if (row.isEmpty() && !endpoint.equals("statistics")) {
            assertThat(r.status()).as("%s reads no file (%s)", role, endpoint).isIn(403, 404);
        } else if (!row.isEmpty() && shown.size() > 0) {
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
    }

    private Response send(Caller caller, String path, String json) {
        Response r = vrs.post(caller, path, json);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        return r;
    }
}
