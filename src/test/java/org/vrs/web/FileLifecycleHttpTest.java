package org.vrs.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrs.support.Caller.*;

import org.junit.jupiter.api.Test;
import org.vrs.support.Caller;
import org.vrs.support.Response;
import org.vrs.support.RunningService;

/** A whole file's life through real HTTP against the real database. */
class FileLifecycleHttpTest {
    private final RunningService vrs = RunningService.shared();

    private long seq;

    @Test
    void aFileLivesFromReceptionToClosureAndReopening() {
        String file = open();
        seq = 0;
        String path = "/api/v1/files/" + file + "/";
        ok(RECEPTION, path + "record-identity", """
                {"identity":{"fullName":"Lo Thi Mai","dateOfBirth":"2004-05-01","sex":"FEMALE","ethnicity":"Hmong",
                 "idDocumentType":"NONE","poorHousehold":true}}""");
        ok(RECEPTION, path + "record-whereabouts", """
                {"whereabouts":{"residenceAddress":"Thon 3, Bat Xat","province":"LC","phone":"0912 000 111"}}""");
        ok(RECEPTION, path + "record-essential-needs-met", """
                {"needs":["FOOD","CLOTHING"],"providerAgency":"LC-COMMUNE-BATXAT","providedOn":"2026-11-02"}""");
        ok(RECEPTION, path + "request-verification", """
                {"verifyingAgency":"LC-POLICE","requestedOn":"2026-11-02"}""");
        ok(INVESTIGATOR, path + "record-trafficking-account", """
                {"account":{"exploitationTypes":["FORCED_MARRIAGE"],"countries":["CN"],"recruitment":["SOCIAL_MEDIA"],
                 "narrative":"Met a man on Zalo who promised work"}}""");
        ok(INVESTIGATOR, path + "conclude-verification", """
                {"outcome":"CONFIRMED","concludedOn":"2026-11-10","document":{"type":"POLICE_CERTIFICATE",
                 "issuingAuthority":"Lao Cai provincial police","number":"123/XN","issuedOn":"2026-11-10"}}""");
        Response consent = ok(RECEPTION, path + "give-consent", """
                {"categories":["IDENTITY","HEALTH","SUPPORT"],"recipientAgency":"LC-SOCIAL-CENTRE","purpose":"shelter and care",
                 "givenBy":"PERSON","givenOn":"2026-11-10"}""");
        ok(RECEPTION, path + "make-referral", """
                {"recipientAgency":"LC-HEALTH","categories":["IDENTITY","WHEREABOUTS","FAMILY","SUPPORT","HEALTH","CONSENT_PROTECTION"],
                 "purpose":"reception and support","legalBasis":"Law 53/2024/QH15 Art. 24: notification of the receiving department",
                 "madeOn":"2026-11-02","expiresOn":"2027-11-02"}""");
        ok(RECEPTION, path + "make-referral", """
                {"recipientAgency":"LC-LEGAL-AID","categories":["IDENTITY","LEGAL"],"purpose":"legal aid",
                 "legalBasis":"Law 53/2024/QH15 Art. 37(đ): legal aid to a confirmed victim","madeOn":"2026-11-10","expiresOn":"2027-11-10"}""");
        Response referral = ok(CASEWORKER, path + "make-referral", """
                {"recipientAgency":"LC-SOCIAL-CENTRE","categories":["IDENTITY","SUPPORT"],"purpose":"shelter",
                 "consentId":"%s","madeOn":"2026-11-10","expiresOn":"2027-05-10"}""".formatted(consent.text("id")));
        ok(SHELTER, path + "accept-referral", """
                {"referralId":"%s","decidedOn":"2026-11-11"}""".formatted(referral.text("id")));
        Response support = ok(CASEWORKER, path + "request-support", """
                {"regime":"HARDSHIP_ALLOWANCE_AND_LOAN","amountVnd":1000000,"requestedOn":"2026-11-12"}""");
        String supportId = support.text("id");
        ok(CASEWORKER, path + "grant-support", """
                {"supportId":"%s","amountVnd":1000000,"provider":"LC-HEALTH","decidedOn":"2026-11-13"}""".formatted(supportId));
        ok(CASEWORKER, path + "deliver-support", """
                {"supportId":"%s","amountVnd":600000,"provider":"LC-HEALTH","deliveredOn":"2026-11-14"}""".formatted(supportId));
        refused(CASEWORKER, path + "deliver-support", """
                {"supportId":"%s","amountVnd":600000,"provider":"LC-HEALTH","deliveredOn":"2026-11-15"}""".formatted(supportId),
                422, "amount-exceeds");
        Response stay = ok(SHELTER, path + "admit-to-shelter", """
                {"shelter":"LC-SOCIAL-CENTRE","admittedOn":"2026-11-11"}""");
        ok(SHELTER, path + "discharge-from-shelter", """
                {"stayId":"%s","reason":"returned home","dischargedOn":"2026-11-20"}""".formatted(stay.text("id")));
        Response child = ok(RECEPTION, path + "add-related-person", """
                {"relation":"ACCOMPANYING_CHILD","fullName":"Lo Van Binh","dateOfBirth":"2024-01-01"}""");
        ok(CASEWORKER, path + "apply-protection-measure", """
                {"measure":"WHEREABOUTS_CONFIDENTIALITY","protectedPerson":"RELATIVE","relative":"%s",
                 "reason":"trafficker from same district","appliedOn":"2026-11-12"}""".formatted(child.text("id")));
        ok(CASEWORKER, path + "add-case-note", """
                {"category":"HEALTH","text":"Needs follow-up at the district clinic"}""");
        Response proceeding = ok(INVESTIGATOR, path + "link-legal-proceeding", """
                {"court":"Lao Cai provincial court","caseNumber":"45/2026/HS","role":"CIVIL_PARTY","closedTrialRequested":true,
                 "linkedOn":"2026-11-15"}""");
        ok(LEGAL_AID, path + "record-compensation-ordered", """
                {"proceedingId":"%s","amountVnd":50000000,"orderedOn":"2026-11-18"}""".formatted(proceeding.text("id")));
        ok(CASEWORKER, path + "record-follow-up-visit", """
                {"visitedOn":"2026-11-21","riskLevel":"MEDIUM","notes":"debt pressure from relatives"}""");
        ok(CASEWORKER, path + "close-file", """
                {"reason":"REINTEGRATED","closedOn":"2026-11-21"}""");
        refused(CASEWORKER, path + "add-case-note", """
                {"category":"SUPPORT","text":"after closure"}""", 409, "file-closed");
        ok(CASEWORKER, path + "reopen-file", """
                {"reason":"new threat reported","reopenedOn":"2026-11-22"}""");
    }

    @Test
    void aRoleThatMayNotIssueACommandIsRefusedAndNothingIsStored() {
        String file = open();
        Response r = vrs.post(RECEPTION, "/api/v1/files/" + file + "/conclude-verification",
                "{\"outcome\":\"NOT_CONFIRMED\",\"reason\":\"x\",\"concludedOn\":\"2026-11-10\"}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.text("error")).isEqualTo("forbidden");
        seq = 0;
        ok(RECEPTION, "/api/v1/files/" + file + "/add-case-note", "{\"category\":\"CASE_ADMIN\",\"text\":\"still at sequence 1\"}");
    }

    @Test
    void anAgencyOutsideTheFilesScopeCannotChangeIt() {
        String file = open();
        Response r = vrs.post(CASEWORKER, "/api/v1/files/" + file + "/add-case-note", "{\"category\":\"CASE_ADMIN\",\"text\":\"x\"}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.text("error")).isEqualTo("out-of-scope");
    }

    @Test
    void withoutAnIdentityEveryApiCallIsUnauthorised() {
        assertThat(vrs.post(null, "/api/v1/files", "{}").status()).isEqualTo(401);
        assertThat(vrs.get(null, "/actuator/health").status()).isEqualTo(200);
        assertThat(vrs.get(null, "/actuator/env").status()).isIn(401, 403);
    }

    private String open() {
        Response r = vrs.post(RECEPTION, "/api/v1/files",
                "{\"channel\":\"RESCUE\",\"receivingAgency\":\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"2026-11-01\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("sequence").asLong()).isZero();
        return r.text("fileId");
    }

    /** Sends a command that must succeed and append exactly one event. */
    private Response ok(Caller caller, String path, String json) {
        Response r = vrs.post(caller, path, json);
        assertThat(r.status()).as(path + " -> " + r.body()).isEqualTo(200);
        assertThat(r.json().get("sequence").asLong()).as(path).isEqualTo(++seq);
        return r;
    }

    private void refused(Caller caller, String path, String json, int status, String code) {
        Response r = vrs.post(caller, path, json);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.text("error")).isEqualTo(code);
    }
}
