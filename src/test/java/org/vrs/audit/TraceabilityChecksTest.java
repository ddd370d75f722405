package org.vrs.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.vrs.ledger.LedgerQueries;
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
    /** Deadlines are counted in Vietnam's calendar days (the service's clock). */
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

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

        Instant beforePlanting = Instant.now();
        String f1 = open();
        String deliveryEvent = plant(f1, new SupportDelivered(new FileId(f1), SupportId.random(), 400_000, agency("LC-COMMUNE-BATXAT"), DAY), "LC-COMMUNE-BATXAT");
        Instant afterFirstPlant = pause();
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
        String late = overdueFile();
        List<String> lateEvents = vrs.bean(EventStore.class).readEvents(late).asStream().map(e -> e.getIdentifier()).toList();
        vrs.awaitLedger();

        List<TraceabilityChecks.Finding> findings = run().findings();
        assertThat(findings).extracting(TraceabilityChecks.Finding::check).containsExactlyInAnyOrder(
                TraceabilityChecks.Check.DELIVERY_WITHOUT_GRANT, TraceabilityChecks.Check.GRANT_WITHOUT_ENTITLEMENT,
                TraceabilityChecks.Check.REFERRAL_BEYOND_CONSENT, TraceabilityChecks.Check.ACTOR_WITHOUT_GRANT,
                TraceabilityChecks.Check.BREAK_GLASS_READ, TraceabilityChecks.Check.OVERDUE_DEADLINE,
                TraceabilityChecks.Check.OVERDUE_DEADLINE);
        assertThat(findings).extracting(TraceabilityChecks.Finding::eventId)
                .contains(deliveryEvent, grantEvent, referralEvent, strangerEvent);
        assertThat(findings).allSatisfy(f -> assertThat(f.position()).isNotNegative());
        // the reception deadline was set by the opening, the verification deadline by the request
        assertThat(findings).filteredOn(f -> f.check() == TraceabilityChecks.Check.OVERDUE_DEADLINE)
                .extracting(TraceabilityChecks.Finding::fileId, TraceabilityChecks.Finding::sequence, TraceabilityChecks.Finding::eventId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(late, 0L, lateEvents.get(0)),
                        org.assertj.core.groups.Tuple.tuple(late, 1L, lateEvents.get(1)));
        assertThat(findings).filteredOn(f -> f.check() == TraceabilityChecks.Check.OVERDUE_DEADLINE)
                .extracting(TraceabilityChecks.Finding::detail).anySatisfy(d -> assertThat(d).startsWith("RECEPTION deadline"))
                .anySatisfy(d -> assertThat(d).startsWith("VERIFICATION deadline"));
        // every finding names its proving event's leaf, the one the ledger holds for that event
        Map<String, LedgerQueries.Leaf> leaves = vrs.bean(LedgerQueries.class)
                .leavesOf(findings.stream().map(TraceabilityChecks.Finding::eventId).toList());
        assertThat(findings).allSatisfy(f -> assertThat(f.leafIndex()).isEqualTo(leaves.get(f.eventId()).index().value()));

        // the period filter applies to the proving event's time: from inclusive, to exclusive
        assertThat(vrs.bean(TraceabilityChecks.class).runIn(new TraceabilityChecks.Scope(null, beforePlanting, afterFirstPlant), n -> { })
                .findings()).extracting(TraceabilityChecks.Finding::eventId).containsExactly(deliveryEvent);
        assertThat(vrs.bean(TraceabilityChecks.class).runIn(new TraceabilityChecks.Scope(null, afterFirstPlant, null), n -> { })
                .findings()).hasSize(findings.size() - 1).extracting(TraceabilityChecks.Finding::eventId).doesNotContain(deliveryEvent);
        assertThat(vrs.bean(TraceabilityChecks.class).runIn(new TraceabilityChecks.Scope(null, null, beforePlanting), n -> { })
                .findings()).as("before anything was planted").isEmpty();
        assertThat(findings).filteredOn(f -> f.check() == TraceabilityChecks.Check.BREAK_GLASS_READ)
                .singleElement().extracting(TraceabilityChecks.Finding::fileId).isEqualTo(clean);

        assertThat(vrs.bean(TraceabilityChecks.class).run("HN", n -> { }).findings()).as("another province").isEmpty();
        Response api = vrs.get(new Caller("u-auditor", "STATE-AUDIT", "AUDITOR", null), "/api/v1/audit/traceability");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().path("findings").size()).isEqualTo(findings.size());
        assertThat(api.json().path("findings").get(0).path("leafIndex").isIntegralNumber()).isTrue();
        assertThat(api.body()).doesNotContain("Clean Person");
        Response period = vrs.get(AUDITOR, "/api/v1/audit/traceability?to=" + afterFirstPlant + "&from=" + beforePlanting);
        assertThat(period.status()).as(period.body()).isEqualTo(200);
        assertThat(period.json().path("findings").size()).isEqualTo(1);
        assertThat(period.json().path("findings").get(0).path("eventId").asText()).isEqualTo(deliveryEvent);
        assertThat(vrs.get(AUDITOR, "/api/v1/audit/traceability?from=" + afterFirstPlant + "&province=LC").json()
                .path("findings").size()).isEqualTo(findings.size() - 1);
        assertThat(vrs.get(AUDITOR, "/api/v1/audit/traceability?from=" + afterFirstPlant + "&province=HN").json()
                .path("findings").size()).isZero();
    }

    @Test
    void badPeriodParametersAreRefusedNamingTheParameter() {
        Response notATime = vrs.get(AUDITOR, "/api/v1/audit/traceability?from=yesterday");
        assertThat(notATime.status()).isEqualTo(400);
        assertThat(notATime.json().path("message").asText()).contains("'from'");
        Response badTo = vrs.get(AUDITOR, "/api/v1/audit/traceability?to=2026-13-01T00:00:00Z");
        assertThat(badTo.status()).isEqualTo(400);
        assertThat(badTo.json().path("message").asText()).contains("'to'");
        Response reversed = vrs.get(AUDITOR, "/api/v1/audit/traceability?from=2026-11-05T00:00:00Z&to=2026-11-01T00:00:00Z");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().path("message").asText()).contains("'to'");
        assertThat(vrs.get(null, "/api/v1/audit/traceability").status()).isEqualTo(401);
        assertThat(vrs.get(Caller.CASEWORKER, "/api/v1/audit/traceability").status()).isEqualTo(403);
    }

    private static final Caller AUDITOR = new Caller("u-auditor", "STATE-AUDIT", "AUDITOR", null);

    /** Stored-event times come from the same clock: a pause makes "between" unambiguous. */
    private static Instant pause() {
        try {
            Thread.sleep(20);
            Instant mark = Instant.now();
            Thread.sleep(20);
            return mark;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Received 40 days ago with no essential needs recorded, verification requested then and never concluded. */
    private String overdueFile() {
        LocalDate received = TODAY.minusDays(40);
        String file = ok(Caller.RECEPTION, "/api/v1/files", "{\"channel\":\"SELF_REPORT\",\"receivingAgency\":\"LC-COMMUNE-BATXAT\","
                + "\"receivedOn\":\"" + received + "\"}").text("fileId");
        ok(Caller.RECEPTION, "/api/v1/files/" + file + "/request-verification", "{\"verifyingAgency\":\"LC-POLICE\",\"requestedOn\":\""
                + received + "\"}");
        return file;
    }

    private TraceabilityChecks.Report run() {
        return vrs.bean(TraceabilityChecks.class).runIn(TraceabilityChecks.Scope.ALL, n -> { });
    }

    private String cleanFile() {
        String file = open(LocalDate.of(2026, 11, 1));
        String p = "/api/v1/files/" + file + "/";
        ok(Caller.RECEPTION, p + "record-identity", "{\"identity\":{\"fullName\":\"Clean Person\",\"sex\":\"FEMALE\",\"idDocumentType\":\"NONE\"}}");
        ok(Caller.RECEPTION, p + "record-essential-needs-met", "{\"needs\":[\"FOOD\"],\"providerAgency\":\"LC-COMMUNE-BATXAT\","
                + "\"providedOn\":\"2026-11-01\"}");
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

    /** Received yesterday (so the date is past in any zone), its reception deadline still ahead: the planted irregularity is the only one. */
    private String open() {
        return open(TODAY.minusDays(1));
    }

    private String open(LocalDate receivedOn) {
        return ok(Caller.RECEPTION, "/api/v1/files", "{\"channel\":\"SELF_REPORT\",\"receivingAgency\":\"LC-COMMUNE-BATXAT\",\"receivedOn\":\""
                + receivedOn + "\"}").text("fileId");
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
