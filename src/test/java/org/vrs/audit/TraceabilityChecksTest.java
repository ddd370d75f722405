package org.vrs.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.casefile.api.*;
import org.vrs.support.Caller;
import org.vrs.support.Response;
import org.vrs.support.RunningService;

/**
 * Each check finds the irregularity planted for it (written straight to the event store, as a
 * faulty legacy import or a bypass would), names the event, and a clean store reports nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceabilityChecksTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @TempDir
    static Path root;
    private RunningService vrs;

    @BeforeAll
    void start() {
        vrs = RunningService.start(root.resolve("data"), root.resolve("keys"), Map.of());
    }

    @AfterAll
    void stop() {
        vrs.close();
    }

    @Test
    void aCleanLifecycleHasNoFindingsAndEachPlantedIrregularityIsFound() {
        String clean = cleanFile();
        assertThat(run().findings()).as("clean store").isEmpty();

        String f1 = open();
        String deliveryEvent = plant(f1, new SupportDelivered(new FileId(f1), SupportId.random(), 400_000, agency("LC-COMMUNE-BATXAT"), DAY), "LC-COMMUNE-BATXAT");
        String f2 = open();
        SupportId aid = SupportId.random();
        plant(f2, new SupportRequested(new FileId(f2), aid, SupportRegime.LEGAL_AID, null, DAY, null), "LC-COMMUNE-BATXAT");
        String grantEvent = plant(f2, new SupportGranted(new FileId(f2), aid, 0, agency("LC-LEGAL-AID"), DAY), "LC-COMMUNE-BATXAT");
        String f3 = open();
        String referralEvent = plant(f3, new ReferralMade(new FileId(f3), ReferralId.random(), agency("HN-NGO-SHELTER"),
                sorted(DataCategory.IDENTITY, DataCategory.HEALTH), "shelter", null, null, DAY, DAY.plusMonths(6)), "LC-COMMUNE-BATXAT");
        String f4 = open();
        String strangerEvent = plant(f4, new CaseNoteAdded(new FileId(f4), NoteId.random(), DataCategory.CASE_ADMIN, "x"), "HN-POLICE");
        await().atMost(Duration.ofSeconds(20)).until(() -> vrs.get(Caller.RECEPTION.withPurpose("setup"), "/api/v1/files/" + clean).status() == 200);
        Response glass = vrs.getWithHeader(new Caller("u-doc", "LC-HOSPITAL", "MEDICAL", "emergency"), "/api/v1/files/" + clean,
                "X-VRS-Break-Glass", "victim admitted to hospital at night, owner unreachable");
        assertThat(glass.status()).isEqualTo(200);

        List<TraceabilityChecks.Finding> findings = run().findings();
        assertThat(findings).extracting(TraceabilityChecks.Finding::check).containsExactlyInAnyOrder(
                TraceabilityChecks.Check.DELIVERY_WITHOUT_GRANT, TraceabilityChecks.Check.GRANT_WITHOUT_ENTITLEMENT,
                TraceabilityChecks.Check.REFERRAL_BEYOND_CONSENT, TraceabilityChecks.Check.ACTOR_WITHOUT_GRANT,
                TraceabilityChecks.Check.BREAK_GLASS_READ);
        assertThat(findings).extracting(TraceabilityChecks.Finding::eventId)
                .contains(deliveryEvent, grantEvent, referralEvent, strangerEvent);
        assertThat(findings).allSatisfy(f -> assertThat(f.position()).isNotNegative());
        assertThat(findings).filteredOn(f -> f.check() == TraceabilityChecks.Check.BREAK_GLASS_READ)
                .singleElement().extracting(TraceabilityChecks.Finding::fileId).isEqualTo(clean);

        assertThat(vrs.bean(TraceabilityChecks.class).run("HN", n -> { }).findings()).as("another province").isEmpty();
        Response api = vrs.get(new Caller("u-auditor", "STATE-AUDIT", "AUDITOR", null), "/api/v1/audit/traceability");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().path("findings").size()).isEqualTo(5);
        assertThat(api.body()).doesNotContain("Clean Person");
    }

    private TraceabilityChecks.Report run() {
        return vrs.bean(TraceabilityChecks.class).run(null, n -> { });
    }

    private String cleanFile() {
        String file = open();
        String p = "/api/v1/files/" + file + "/";
        ok(Caller.RECEPTION, p + "record-identity", "{\"identity\":{\"fullName\":\"Clean Person\",\"sex\":\"FEMALE\",\"idDocumentType\":\"NONE\"}}");
        ok(Caller.RECEPTION, p + "request-verification", "{\"verifyingAgency\":\"LC-POLICE\",\"requestedOn\":\"2026-11-02\"}");
        ok(Caller.INVESTIGATOR, p + "conclude-verification", "{\"outcome\":\"CONFIRMED\",\"concludedOn\":\"2026-11-05\","
                + "\"document\":{\"type\":\"POLICE_CERTIFICATE\",\"issuingAuthority\":\"LC police\",\"number\":\"9\",\"issuedOn\":\"2026-11-05\"}}");
        Response consent = ok(Caller.RECEPTION, p + "give-consent", "{\"categories\":[\"IDENTITY\",\"SUPPORT\"],\"recipientAgency\":\"LC-HEALTH\","
                + "\"purpose\":\"support\",\"givenBy\":\"PERSON\",\"givenOn\":\"2026-11-05\"}");
        ok(Caller.RECEPTION, p + "make-referral", "{\"recipientAgency\":\"LC-HEALTH\",\"categories\":[\"IDENTITY\",\"SUPPORT\"],\"purpose\":\"support\","
                + "\"consentId\":\"" + consent.text("id") + "\",\"madeOn\":\"2026-11-05\",\"expiresOn\":\"2027-11-05\"}");
        Response support = ok(Caller.CASEWORKER, p + "request-support", "{\"regime\":\"MEDICAL\",\"requestedOn\":\"2026-11-06\"}");
        ok(Caller.CASEWORKER, p + "grant-support", "{\"supportId\":\"" + support.text("id") + "\",\"amountVnd\":50000,\"provider\":\"LC-HEALTH\",\"decidedOn\":\"2026-11-06\"}");
        ok(Caller.CASEWORKER, p + "deliver-support", "{\"supportId\":\"" + support.text("id") + "\",\"amountVnd\":50000,\"provider\":\"LC-HEALTH\",\"deliveredOn\":\"2026-11-07\"}");
        return file;
    }

    private String open() {
        return ok(Caller.RECEPTION, "/api/v1/files", "{\"channel\":\"SELF_REPORT\",\"receivingAgency\":\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"2026-11-01\"}")
                .text("fileId");
    }

    private Response ok(Caller caller, String path, String json) {
        Response r = vrs.post(caller, path, json);
        assertThat(r.status()).as(path + " " + r.body()).isIn(200, 201);
        return r;
    }

    /** Appends straight to the store, bypassing the file's rules, and returns the event id. */
    private String plant(String file, Object payload, String agency) {
        EventStore store = vrs.bean(EventStore.class);
        long next = store.lastSequenceNumberFor(file).orElse(-1L) + 1;
        GenericDomainEventMessage<Object> event = new GenericDomainEventMessage<>("VictimFile", file, next, payload,
                MetaData.with("agencyId", agency).and("actorId", "legacy-import").and("role", "CASEWORKER"));
        store.publish(event);
        return event.getIdentifier();
    }

    private static AgencyId agency(String id) {
        return new AgencyId(id);
    }

    private static SortedSet<DataCategory> sorted(DataCategory... categories) {
        return new TreeSet<>(List.of(categories));
    }
}
