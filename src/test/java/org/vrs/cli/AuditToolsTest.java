package org.vrs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.access.AgencyRegistry;
import org.vrs.casefile.api.AgencyId;
import org.vrs.casefile.api.FileId;
import org.vrs.casefile.api.SupportDelivered;
import org.vrs.casefile.api.SupportId;
import org.vrs.support.Caller;
import org.vrs.support.Response;
import org.vrs.support.RunningService;

/**
 * {@code history} and {@code traceability} as an auditor runs them: in process, through the same
 * dispatch as {@code java -jar vrs.jar ...}, against the real service on its real port with real
 * tokens. The service decides and redacts; the tools must show its refusals and exit accordingly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditToolsTest {
    private static final Caller AUDITOR = new Caller("u-auditor", "STATE-AUDIT", "AUDITOR", null);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private RunningService vrs;
    private String url;
    private String fileId;
    private String fullName;
    private String healthNote;
    private String plantedEvent;

    private record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    void aFileWithPersonalContentAndAnIrregularity() {
        vrs = RunningService.shared();
        url = "http://127.0.0.1:" + vrs.port();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        fullName = "Tran Thi Hidden" + marker;
        healthNote = "Healthmarker" + marker;
        fileId = ok(Caller.RECEPTION, "/api/v1/files",
                "{\"channel\":\"SELF_REPORT\",\"receivingAgency\":\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"2026-11-01\"}").text("fileId");
        String p = "/api/v1/files/" + fileId + "/";
        ok(Caller.RECEPTION, p + "record-identity", "{\"identity\":{\"fullName\":\"" + fullName + "\",\"sex\":\"FEMALE\",\"idDocumentType\":\"NONE\"}}");
        ok(Caller.RECEPTION, p + "add-case-note", "{\"category\":\"HEALTH\",\"text\":\"" + healthNote + "\"}");
        ok(Caller.RECEPTION, p + "add-case-note", "{\"category\":\"CASE_ADMIN\",\"text\":\"file moved\\u001b[2K to the district office\"}");
        // support delivered without a grant, written straight to the store as a faulty import would
        EventStore store = vrs.bean(EventStore.class);
        long next = store.lastSequenceNumberFor(fileId).orElse(-1L) + 1;
        GenericDomainEventMessage<Object> event = new GenericDomainEventMessage<>("VictimFile", fileId, next,
                new SupportDelivered(new FileId(fileId), SupportId.random(), 400_000, new AgencyId("LC-COMMUNE-BATXAT"),
                        LocalDate.of(2026, 11, 2)),
                MetaData.with("agencyId", "LC-COMMUNE-BATXAT").and("actorId", "legacy-import").and("role", "CASEWORKER"));
        store.publish(event);
        plantedEvent = event.getIdentifier();
        // scope decisions read the file-view projection: let it reach the planted event first
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response view = vrs.get(Caller.RECEPTION.withPurpose("setup"), "/api/v1/files/" + fileId);
            return view.status() == 200 && view.json().path("sequence").asLong() == next;
        });
    }

    @Test
    void historyPrintsTheTimelineAsTheServiceRedactedItForTheAuditor() throws Exception {
        Run table = cli("history", fileId, "--url", url, "--token", token(AUDITOR), "--purpose", "audit-2026");
        assertThat(table.exitCode()).as(table.err()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("file " + fileId + ": 5 event(s), content as redacted by the service");
        assertThat(lines.get(1)).startsWith("SEQ").contains("TIME", "TYPE", "ACTOR", "AGENCY", "ROLE", "REASON", "CORRELATION", "CONTENT");
        assertThat(lines).hasSize(2 + 5);
        assertThat(lines.get(2)).startsWith("0 ").contains("u-reception", "LC-COMMUNE-BATXAT", "RECEPTION_OFFICER");
        assertThat(lines.get(3)).containsPattern("withheld: .*fullName|withheld: identity");
        assertThat(lines.get(5)).as("control characters escaped").contains("text=file moved\\u001b[2K to the district office");
        assertThat(table.out()).doesNotContain("\u001b");
        assertThat(lines.get(6)).contains("legacy-import");
        int contentColumn = lines.get(1).indexOf("CONTENT");
        assertThat(lines.subList(2, lines.size())).as("aligned").allSatisfy(l -> assertThat(l.charAt(contentColumn - 1)).isEqualTo(' '));
        assertThat(table.out() + table.err()).doesNotContain(fullName).doesNotContain(healthNote);

        Path tokenFile = tmp.resolve("token");
        Files.writeString(tokenFile, token(AUDITOR) + "\n");
        Run json = cli("history", fileId, "--url", url, "--token-file", tokenFile.toString(), "--purpose", "audit-2026",
                "--json", "--page-size", "2");
        assertThat(json.exitCode()).as(json.err()).isZero();
        List<JsonNode> events = json.out().lines().map(AuditToolsTest::parse).toList();
        assertThat(events).extracting(e -> e.path("sequence").asLong()).as("three pages of two").containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(json.out()).doesNotContain(fullName).doesNotContain(healthNote);

        Run owner = cli("history", fileId, "--url", url, "--token", token(Caller.RECEPTION), "--purpose", "case-work");
        assertThat(owner.exitCode()).as(owner.err()).isZero();
        assertThat(owner.out()).as("the owner's reception officer sees the name").contains(fullName);
    }

    @Test
    void historyRefusalsPrintTheServersMessageAndExitWithTheirCode() {
        Run noToken = cli("history", fileId, "--url", url, "--purpose", "audit-2026");
        assertThat(noToken.exitCode()).isEqualTo(ServiceApi.UNAUTHENTICATED);
        assertThat(noToken.err()).contains("no bearer token");

        Run forged = cli("history", fileId, "--url", url, "--token", token(AUDITOR) + "x", "--purpose", "audit-2026");
        assertThat(forged.exitCode()).isEqualTo(ServiceApi.UNAUTHENTICATED);
        assertThat(forged.err()).startsWith("history: the service refused (401)");

        Run noPurpose = cli("history", fileId, "--url", url, "--token", token(AUDITOR), "--purpose", "X");
        assertThat(noPurpose.exitCode()).isEqualTo(ServiceApi.REFUSED);
        assertThat(noPurpose.err()).contains("(400)").contains("purpose-required");

        Run statistician = cli("history", fileId, "--url", url, "--token",
                token(new Caller("u-stats", "GSO-STATISTICS", "STATISTICIAN", null)), "--purpose", "statistics");
        assertThat(statistician.exitCode()).as(statistician.err()).isIn(ServiceApi.FORBIDDEN, ServiceApi.NOT_FOUND);
        assertThat(statistician.err()).startsWith("history: the service refused (40");

        Run unknown = cli("history", UUID.randomUUID().toString(), "--url", url, "--token", token(AUDITOR), "--purpose", "audit-2026");
        assertThat(unknown.exitCode()).as(unknown.err()).isEqualTo(ServiceApi.NOT_FOUND);
        assertThat(unknown.err()).contains("(404)");

        Run down = cli("history", fileId, "--url", "http://127.0.0.1:1", "--token", token(AUDITOR), "--purpose", "audit-2026");
        assertThat(down.exitCode()).isEqualTo(ServiceApi.UNAVAILABLE);
        assertThat(down.err()).contains("cannot reach the service");

        Run usage = cli("history", fileId, "--url", url, "--token", token(AUDITOR));
        assertThat(usage.exitCode()).isEqualTo(ServiceApi.USAGE);

        for (Run refused : List.of(noToken, forged, noPurpose, statistician, unknown, down, usage)) {
            assertThat(refused.out()).isEmpty();
            assertThat(refused.err()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain(token(AUDITOR).substring(0, 20));
        }
    }

    @Test
    void traceabilityGroupsFindingsByCheckAndExitsThreeWhenThereAreAny() {
        Run found = cli("traceability", "--url", url, "--token", token(AUDITOR), "--from", "2026-01-01", "--to", "2026-12-31");
        assertThat(found.exitCode()).as(found.err()).isEqualTo(TraceabilityCommand.FINDINGS);
        List<String> lines = found.out().lines().toList();
        assertThat(lines.get(0)).matches("traceability: \\d+ finding\\(s\\) in \\d+ check\\(s\\); eventsRead=\\d+.*");
        int group = lines.indexOf(lines.stream().filter(l -> l.startsWith("DELIVERY_WITHOUT_GRANT: ")).findFirst().orElseThrow());
        long delivered = lines.stream().skip(group + 2).takeWhile(l -> l.startsWith("  ")).count();
        assertThat(lines.get(group)).isEqualTo("DELIVERY_WITHOUT_GRANT: " + delivered);
        assertThat(lines.get(group + 1)).startsWith("  fileId").contains("eventId", "position");
        assertThat(lines.stream().skip(group + 2).limit(delivered)).anySatisfy(l -> assertThat(l).contains(plantedEvent, fileId));
        assertThat(found.out()).doesNotContain(fullName).doesNotContain(healthNote);

        Run json = cli("traceability", "--url", url, "--token", token(AUDITOR), "--json");
        assertThat(json.exitCode()).isEqualTo(TraceabilityCommand.FINDINGS);
        assertThat(parse(json.out().strip()).path("findings").findValuesAsText("eventId")).contains(plantedEvent);

        Run clean = cli("traceability", "--url", url, "--token", token(AUDITOR), "--province", "KT");
        assertThat(clean.exitCode()).as(clean.out() + clean.err()).isZero();
        assertThat(clean.out()).startsWith("traceability: 0 finding(s) in 0 check(s)");

        Run caseworker = cli("traceability", "--url", url, "--token", token(Caller.CASEWORKER));
        assertThat(caseworker.exitCode()).isEqualTo(ServiceApi.FORBIDDEN);
        assertThat(caseworker.err()).isEqualTo("traceability: the service refused (403): forbidden: traceability checks are for auditors"
                + System.lineSeparator());
        assertThat(caseworker.out()).isEmpty();

        Run noToken = cli("traceability", "--url", url);
        assertThat(noToken.exitCode()).isEqualTo(ServiceApi.UNAUTHENTICATED);
    }

    private Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private String token(Caller caller) {
        return caller.token(vrs.tokens(), vrs.bean(AgencyRegistry.class));
    }

    private Response ok(Caller caller, String path, String json) {
        Response r = vrs.post(caller, path, json);
        assertThat(r.status()).as(path + " " + r.body()).isIn(200, 201);
        return r;
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
