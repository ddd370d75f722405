package org.vrs.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vrs.support.Caller;
import org.vrs.support.Response;
import org.vrs.support.RunningService;

/** Out of scope means no data and a recorded refusal: other agency, other province, ended referral, withdrawn consent. */
class ScopeRefusalTest {
    private static final Caller SHELTER = Caller.SHELTER.withPurpose("shelter-care");
    private final RunningService vrs = RunningService.shared();

    @Test
    void anotherProvincesAgencyIsRefusedEvenWithTheRightRole() throws Exception {
        String file = open("Out Of Province Person");
        Caller hanoi = new Caller("u-hn", "HN-POLICE", "INVESTIGATOR", "investigation");
        assertRefused(vrs.get(hanoi, "/api/v1/files/" + file), file);
    }

    @Test
    void aRevokedReferralEndsAccess() throws Exception {
        String file = open("Revoked Referral Person");
        String referral = refer(file, null, "2099-01-01");
        awaitStatus(SHELTER, file, 200);
        post(Caller.RECEPTION, file, "revoke-referral", "{\"referralId\":\"" + referral + "\",\"reason\":\"ended\",\"revokedOn\":\"2026-11-05\"}");
        awaitStatus(SHELTER, file, 404);
        assertRefused(vrs.get(SHELTER, "/api/v1/files/" + file), file);
    }

    @Test
    void anExpiredReferralGivesNoAccess() throws Exception {
        String file = open("Expired Referral Person");
        refer(file, null, "2026-11-03");
        awaitView(file);
        assertRefused(vrs.get(SHELTER, "/api/v1/files/" + file), file);
    }

    @Test
    void withdrawingTheConsentEndsTheReferralThatRestsOnIt() throws Exception {
        String file = open("Withdrawn Consent Person");
        Response consent = post(Caller.RECEPTION, file, "give-consent", "{\"categories\":[\"IDENTITY\",\"HEALTH\"],"
                + "\"recipientAgency\":\"LC-SOCIAL-CENTRE\",\"purpose\":\"care\",\"givenBy\":\"PERSON\",\"givenOn\":\"2026-11-02\"}");
        refer(file, consent.text("id"), "2099-01-01");
        awaitStatus(SHELTER, file, 200);
        post(Caller.RECEPTION, file, "withdraw-consent", "{\"consentId\":\"" + consent.text("id") + "\",\"withdrawnOn\":\"2026-11-06\"}");
        awaitStatus(SHELTER, file, 404);
        assertRefused(vrs.get(SHELTER, "/api/v1/files/" + file), file);
    }

    @Test
    void aReadWithoutAPurposeIsRefusedBeforeAnythingIsRead() {
        String file = open("No Purpose Person");
        Response r = vrs.get(Caller.RECEPTION, "/api/v1/files/" + file);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("error")).isEqualTo("purpose-required");
    }

    @Test
    void breakGlassNeedsAWrittenReasonAndIsRecordedAsSuch() throws Exception {
        String file = open("Break Glass Person");
        awaitView(file);
        Caller other = new Caller("u-cw", "LC-HEALTH", "CASEWORKER", "emergency");
        assertRefused(vrs.get(other, "/api/v1/files/" + file), file);
        Response r = vrs.getWithHeader(other, "/api/v1/files/" + file, "X-VRS-Break-Glass", "victim in hospital, shelter unreachable at night");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("basis").asText()).isEqualTo("BREAK_GLASS");
        assertThat(count("SELECT count(*) FROM domain_event_entry WHERE payload_type = 'org.vrs.access.api.FileRead'")).isPositive();
    }

    private void assertRefused(Response r, String file) throws Exception {
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).doesNotContain("Person").doesNotContain("Hamlet");
        assertThat(count("SELECT count(*) FROM domain_event_entry WHERE payload_type = 'org.vrs.access.api.FileReadRefused'")).isPositive();
    }

    private String open(String name) {
        Response r = vrs.post(Caller.RECEPTION, "/api/v1/files",
                "{\"channel\":\"RESCUE\",\"receivingAgency\":\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"2026-11-01\"}");
        String file = r.text("fileId");
        post(Caller.RECEPTION, file, "record-identity", "{\"identity\":{\"fullName\":\"" + name + "\",\"sex\":\"FEMALE\",\"idDocumentType\":\"NONE\"}}");
        post(Caller.RECEPTION, file, "record-whereabouts", "{\"whereabouts\":{\"residenceAddress\":\"Hamlet 4\",\"province\":\"LC\"}}");
        return file;
    }

    private String refer(String file, String consentId, String expiresOn) {
        String basis = consentId == null ? ",\"legalBasis\":\"Decree 162/2025 shelter placement\"" : ",\"consentId\":\"" + consentId + "\"";
        return post(Caller.RECEPTION, file, "make-referral", "{\"recipientAgency\":\"LC-SOCIAL-CENTRE\",\"categories\":[\"IDENTITY\",\"HEALTH\"],"
                + "\"purpose\":\"shelter\",\"madeOn\":\"2026-11-02\",\"expiresOn\":\"" + expiresOn + "\"" + basis + "}").text("id");
    }

    private Response post(Caller caller, String file, String command, String json) {
        Response r = vrs.post(caller, "/api/v1/files/" + file + "/" + command, json);
        assertThat(r.status()).as(command + " " + r.body()).isEqualTo(200);
        return r;
    }

    private void awaitView(String file) {
        awaitStatus(Caller.RECEPTION.withPurpose("setup"), file, 200);
    }

    private void awaitStatus(Caller caller, String file, int status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> vrs.get(caller, "/api/v1/files/" + file).status() == status);
    }

    private long count(String sql) throws Exception {
        try (Connection c = vrs.ownerConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
