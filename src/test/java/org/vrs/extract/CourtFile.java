package org.vrs.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.vrs.casefile.api.*;
import org.vrs.support.Caller;
import org.vrs.support.Response;
import org.vrs.support.RunningService;
import org.vrs.views.FileQueries;

/**
 * A victim file on a running service for extract tests: one marker per category, some of it
 * recorded before the order's period (planted with its old time, as a legacy import would), the
 * rest now, through HTTP. The ledger signs a checkpoint between the two.
 */
final class CourtFile {

    static final Caller JUDGE = new Caller("u-judge", "LC-COURT", "COURT", null);
    static final LocalDate PERIOD_FROM = LocalDate.of(2026, 1, 1);
    /** Before the period: 2025-12-01 in Vietnam. */
    static final Instant BEFORE_THE_PERIOD = Instant.parse("2025-12-01T03:00:00Z");
    /** Plaintexts of fields the standard order covers: trafficking account and legal data, in the period. */
    static final List<String> ORDERED = List.of("Traffmarker narrative", "Legalmarker note", "Tòa án nhân dân tỉnh Lào Cai",
            "Legalmarker court");
    /** Plaintexts outside that order: other categories in the period, and anything before the period. */
    static final List<String> NOT_ORDERED = List.of("Oldidentmarker", "Oldlegalmarker", "Identmarker", "Wheremarker", "Healthmarker",
            "Famimarker");

    final RunningService vrs;
    final String fileId;
    String healthNoteEventId;

    private CourtFile(RunningService vrs, String fileId) {
        this.vrs = vrs;
        this.fileId = fileId;
    }

    static CourtFile write(RunningService vrs) {
        CourtFile file = new CourtFile(vrs, UUID.randomUUID().toString());
        file.plantTheOldPart();
        vrs.awaitLedger(); // a checkpoint over the old part, which the extract's consistency proof starts from
        file.recordTheRecentPart();
        await().atMost(Duration.ofSeconds(30)).until(() -> vrs.bean(FileQueries.class).scope(file.fileId).isPresent());
        return file;
    }

    /** The standard order body: trafficking account and legal data from 2026-01-01 to today. */
    String order(String court, String... categories) {
        return order(List.of(), court, categories);
    }

    /** An order that names extracts of this file the court already holds. */
    String order(List<String> earlierExtracts, String court, String... categories) {
        return """
                {"orderReference":"45/2026/QD-TA","issuingCourt":"%s","fileId":"%s","categories":[%s],
                 "periodFrom":"%s","periodTo":"%s","purpose":"criminal case 45/2026/HS against the recruiters"%s}"""
                .formatted(court, fileId, quoted(List.of(categories)), PERIOD_FROM, LocalDate.now(TestBundles.VIETNAM),
                        earlierExtracts.isEmpty() ? "" : ",\"earlierExtracts\":[" + quoted(earlierExtracts) + "]");
    }

    private static String quoted(List<String> values) {
        return String.join(",", values.stream().map(c -> "\"" + c + "\"").toList());
    }

    String standardOrder() {
        return order("LC-COURT", "TRAFFICKING_ACCOUNT", "LEGAL");
    }

    private void plantTheOldPart() {
        FileId id = new FileId(fileId);
        plant(0, new FileOpened(id, "LC-2025-" + fileId.substring(0, 8).toUpperCase(), ReceptionChannel.RESCUE,
                new AgencyId("LC-COMMUNE-BATXAT"), "LC", LocalDate.of(2025, 11, 30)));
        plant(1, new IdentityRecorded(id, new Identity("Oldidentmarker Gamma", List.of(), null, Sex.FEMALE, null, null, null,
                IdDocumentType.NONE, null, null, null)));
        plant(2, new CaseNoteAdded(id, NoteId.random(), DataCategory.LEGAL, "Oldlegalmarker note"));
    }

    private void plant(long sequence, Object payload) {
        vrs.bean(EventStore.class).publish(new GenericDomainEventMessage<>("VictimFile", fileId, sequence, payload,
                MetaData.with("agencyId", "LC-COMMUNE-BATXAT").and("actorId", "legacy-import").and("role", "RECEPTION_OFFICER"),
                UUID.randomUUID().toString(), BEFORE_THE_PERIOD.plusSeconds(60 * sequence)));
    }

    private void recordTheRecentPart() {
        ok(Caller.RECEPTION, "correct-identity", """
                {"correctsSequence":1,"identity":{"fullName":"Identmarker Alpha","sex":"FEMALE","idDocumentType":"NONE"},
                 "reason":"name misspelt"}""");
        ok(Caller.RECEPTION, "record-whereabouts", "{\"whereabouts\":{\"residenceAddress\":\"Wheremarker Street 9\",\"province\":\"LC\"}}");
        healthNoteEventId = lastEventId(ok(Caller.RECEPTION, "add-case-note", "{\"category\":\"HEALTH\",\"text\":\"Healthmarker note\"}"));
        ok(Caller.RECEPTION, "add-related-person", "{\"relation\":\"RELATIVE\",\"fullName\":\"Famimarker Beta\"}");
        ok(Caller.RECEPTION, "add-case-note", "{\"category\":\"LEGAL\",\"text\":\"Legalmarker note: Tòa án nhân dân tỉnh Lào Cai\"}");
        ok(Caller.RECEPTION, "request-verification", "{\"verifyingAgency\":\"LC-POLICE\",\"requestedOn\":\"2026-11-02\"}");
        ok(Caller.INVESTIGATOR, "record-trafficking-account",
                "{\"account\":{\"exploitationTypes\":[\"FORCED_LABOUR\"],\"narrative\":\"Traffmarker narrative\"}}");
        ok(Caller.INVESTIGATOR, "link-legal-proceeding", """
                {"court":"Legalmarker court","caseNumber":"45/2026/HS-ST","role":"CIVIL_PARTY","closedTrialRequested":true,
                 "linkedOn":"2026-11-15"}""");
    }

    private Response ok(Caller caller, String command, String json) {
        Response r = vrs.post(caller, "/api/v1/files/" + fileId + "/" + command, json);
        assertThat(r.status()).as(command + " " + r.body()).isEqualTo(200);
        return r;
    }

    private String lastEventId(Response r) {
        long sequence = r.json().path("sequence").asLong();
        return vrs.bean(FileQueries.class).events(fileId).filter(e -> e.getSequenceNumber() == sequence).findFirst()
                .orElseThrow().getIdentifier();
    }
}
