package org.vrs.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.support.Caller;
import org.vrs.support.Response;
import org.vrs.support.RunningService;

/**
 * A court's round trip on the real service: the order in, a zip out that verifies offline, its
 * issue on the file's record; nothing outside the order anywhere in the zip; other roles, other
 * provinces and other courts' orders refused, and the refusals recorded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertifiedExtractHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunningService vrs = RunningService.shared();
    private CourtFile file;
    private HttpResponse<byte[]> issued;

    @TempDir
    Path dir;

    @BeforeAll
    void issueTheStandardExtract() {
        file = CourtFile.write(vrs);
        vrs.awaitLedger();
        issued = vrs.postForBytes(CourtFile.JUDGE, "/api/v1/extracts", file.standardOrder());
    }

    private Map<String, byte[]> files() {
        return Zips.read(issued.body());
    }

    private JsonNode extractJson() throws Exception {
        return JSON.readTree(files().get(BundleFiles.EXTRACT));
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theCourtReceivesAZipThatVerifiesOfflineAgainstThePublishedAnchor() throws Exception {
        assertThat(issued.statusCode()).as(new String(issued.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        assertThat(issued.headers().firstValue("Content-Type")).contains("application/zip");
        assertThat(issued.headers().firstValue("X-VRS-Bundle-SHA256"))
                .contains(HexFormat.of().formatHex(CmsSigner.sha256(issued.body())));
        Path bundle = Files.write(dir.resolve("extract.zip"), issued.body());
        byte[] publishedAnchor = Files.readAllBytes(vrs.keysDir().resolve("extract").resolve("ca.pem"));

        VerificationReport report = ExtractVerifier.verify(bundle, publishedAnchor);

        assertThat(report.verified()).as(String.join("\n", report.lines())).isTrue();
        assertThat(report.results()).extracting(CheckResult::status).containsOnly(CheckResult.Status.PASS);
        assertThat(files().keySet()).containsAll(BundleFiles.REQUIRED).contains(BundleFiles.EARLIER_CHECKPOINT);
    }

    @Test
    void theExtractHoldsTheEventsOfThePeriodWithAnOrderedFieldAndNoOthers() throws Exception {
        JsonNode events = extractJson().path("events");

        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly(
                "org.vrs.casefile.api.CaseNoteAdded", "org.vrs.casefile.api.TraffickingAccountRecorded",
                "org.vrs.casefile.api.LegalProceedingLinked");
        assertThat(events.get(0).at("/fields/text/value").asText()).isEqualTo("Legalmarker note: Tòa án nhân dân tỉnh Lào Cai");
        assertThat(events.get(0).at("/fields/fileId/withheld").asBoolean()).isTrue();
        assertThat(events.get(0).at("/fields/fileId/saltedHash").asText()).matches("[0-9a-f]{64}");
    }

    @Test
    void nothingOutsideTheOrdersCategoriesAndPeriodAppearsAnywhereInTheZip() throws Exception {
        StringBuilder everything = new StringBuilder(issued.headers().map().toString());
        files().forEach((name, bytes) -> everything.append('\n').append(name).append('\n')
                .append(new String(bytes, StandardCharsets.UTF_8)).append(new String(bytes, StandardCharsets.ISO_8859_1)));
        String pdf = pdfText(files().get(BundleFiles.PDF));
        everything.append(pdf);

        for (String marker : CourtFile.NOT_ORDERED) {
            assertThat(everything.toString()).as("plaintext outside the order: " + marker).doesNotContain(marker);
            assertThat(pdf.replaceAll("\\s+", "")).doesNotContain(marker);
        }
        String json = new String(files().get(BundleFiles.EXTRACT), StandardCharsets.UTF_8);
        for (String marker : CourtFile.ORDERED) {
            assertThat(json).contains(marker);
            assertThat(pdf).contains(marker);
        }
    }

    @Test
    void issuingIsAnEventOnTheFileVisibleInItsHistory() throws Exception {
        long sequence = Long.parseLong(issued.headers().firstValue("X-VRS-Sequence").orElseThrow());

        Response history = vrs.get(Caller.RECEPTION.withPurpose("case-review"), "/api/v1/files/" + file.fileId + "/history");

        JsonNode entry = null;
        for (JsonNode e : history.json().path("events")) {
            if (e.path("sequence").asLong() == sequence) {
                entry = e;
            }
        }
        assertThat(entry).as(history.body()).isNotNull();
        assertThat(entry.path("type").asText()).isEqualTo("ExtractIssued");
        assertThat(entry.path("actorId").asText()).isEqualTo("u-judge");
        assertThat(entry.at("/fields/bundleSha256").asText()).isEqualTo(issued.headers().firstValue("X-VRS-Bundle-SHA256").orElseThrow());
        assertThat(entry.at("/fields/extractId").asText()).isEqualTo(issued.headers().firstValue("X-VRS-Extract-Id").orElseThrow());
        assertThat(entry.at("/fields/issuingCourt").asText()).isEqualTo("LC-COURT");
        assertThat(entry.path("withheld").toString()).contains("orderReference", "categories", "purpose");
    }

    @Test
    void anotherRoleIsRefusedAndTheRefusalIsRecorded() throws Exception {
        Caller caseworker = new Caller("u-curious-" + UUID.randomUUID().toString().substring(0, 8), "LC-COMMUNE-BATXAT",
                "RECEPTION_OFFICER", null);

        Response refused = vrs.post(caseworker, "/api/v1/extracts", file.order("LC-COMMUNE-BATXAT", "IDENTITY"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("error")).isEqualTo("forbidden");
        assertRefusalRecorded(caseworker.user(), "role RECEPTION_OFFICER may not order certified extracts");
    }

    @Test
    void aCourtOfAnotherProvinceIsAnsweredAsIfTheFileDidNotExistAndRecorded() throws Exception {
        Caller hanoi = new Caller("u-judge-hn-" + UUID.randomUUID().toString().substring(0, 8), "HN-COURT", "COURT", null);

        Response refused = vrs.post(hanoi, "/api/v1/extracts", file.order("HN-COURT", "LEGAL"));
        Response unknown = vrs.post(hanoi, "/api/v1/extracts", file.order("HN-COURT", "LEGAL").replace(file.fileId,
                UUID.randomUUID().toString()));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.text("error")).isEqualTo("not-in-scope");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("error")).isEqualTo("not-in-scope");
        assertThat(refused.body()).doesNotContain("Legalmarker");
        assertRefusalRecorded(hanoi.user(), "in your jurisdiction");
    }

    @Test
    void aCourtCarriesOutOnlyItsOwnOrders() throws Exception {
        Caller judge = new Caller("u-judge-" + UUID.randomUUID().toString().substring(0, 8), "LC-COURT", "COURT", null);

        Response refused = vrs.post(judge, "/api/v1/extracts", file.order("LC-PROCURACY", "LEGAL"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("error")).isEqualTo("not-the-issuing-court");
        assertRefusalRecorded(judge.user(), "may carry out only its own orders");
    }

    @Test
    void theProcuracyReceivesExtractsOnItsOwnOrders() {
        vrs.awaitLedger();

        HttpResponse<byte[]> procuracy = vrs.postForBytes(new Caller("u-procurator", "LC-PROCURACY", "PROCURATOR", null),
                "/api/v1/extracts", file.order("LC-PROCURACY", "LEGAL"));

        assertThat(procuracy.statusCode()).as(new String(procuracy.body(), StandardCharsets.UTF_8)).isEqualTo(201);
    }

    @Test
    void anErasedFileYieldsNoExtractAndNothingIsAddedToIt() {
        CourtFile erased = CourtFile.write(vrs);
        Response shred = vrs.post(Caller.DPO, "/api/v1/files/" + erased.fileId + "/shred-file-keys",
                "{\"erasureOrderReference\":\"EO-2026-77\",\"orderedBy\":\"LC-COURT\",\"orderedOn\":\"2026-11-20\"}");
        assertThat(shred.status()).as(shred.body()).isEqualTo(200);
        long events = vrs.count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + erased.fileId + "'");
        vrs.awaitLedger();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> vrs.bean(org.vrs.views.FileQueries.class).scope(erased.fileId).isEmpty());

        Response refused = vrs.post(CourtFile.JUDGE, "/api/v1/extracts", erased.standardOrder());

        // Erasure destroys the key the view was sealed under, and with it the file's jurisdiction:
        // nobody can be shown that it is theirs, so the answer is the one for an unknown file.
        assertThat(refused.status()).as(refused.body()).isEqualTo(404);
        assertThat(refused.text("error")).isEqualTo("not-in-scope");
        assertThat(refused.body()).doesNotContain("marker");
        assertThat(vrs.count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + erased.fileId + "'"))
                .isEqualTo(events);
    }

    @Test
    void anOrderWhosePeriodEndsBeforeItStartsIsRefusedNamingTheField() {
        String backwards = file.standardOrder().replace("\"periodFrom\":\"2026-01-01\"", "\"periodFrom\":\"2099-01-01\"");

        Response refused = vrs.post(CourtFile.JUDGE, "/api/v1/extracts", backwards);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("message")).contains("periodTo must not be before periodFrom");
    }

    @Test
    void aWiderOrderNamingAnEarlierExtractLetsTheCourtProveItsWithheldFieldsHeldTheSameFacts() throws Exception {
        vrs.awaitLedger();
        HttpResponse<byte[]> narrow = vrs.postForBytes(CourtFile.JUDGE, "/api/v1/extracts", file.order("LC-COURT", "CASE_ADMIN"));
        String narrowId = narrow.headers().firstValue("X-VRS-Extract-Id").orElseThrow();
        vrs.awaitLedger();
        HttpResponse<byte[]> wide = vrs.postForBytes(CourtFile.JUDGE, "/api/v1/extracts",
                file.order(List.of(narrowId), "LC-COURT", "CASE_ADMIN", "HEALTH"));
        JsonNode withheld = field(narrow, file.healthNoteEventId, "text");
        JsonNode disclosed = field(wide, file.healthNoteEventId, "text");
        JsonNode wideJson = JSON.readTree(Zips.read(wide.body()).get(BundleFiles.EXTRACT));
        byte[] publishedAnchor = Files.readAllBytes(vrs.keysDir().resolve("extract").resolve("ca.pem"));

        VerificationReport report = ExtractVerifier.verify(Files.write(dir.resolve("wide.zip"), wide.body()), publishedAnchor,
                List.of(Files.write(dir.resolve("narrow.zip"), narrow.body())));

        assertThat(withheld.path("withheld").asBoolean()).isTrue();
        assertThat(disclosed.path("value").asText()).isEqualTo("Healthmarker note");
        assertThat(wideJson.at("/order/earlierExtracts/0").asText()).isEqualTo(narrowId);
        assertThat(wideJson.path("revealedSalts")).anySatisfy(r -> {
            assertThat(r.path("earlierExtractId").asText()).isEqualTo(narrowId);
            assertThat(r.path("eventId").asText()).isEqualTo(file.healthNoteEventId);
            assertThat(r.path("field").asText()).isEqualTo("text");
        });
        assertThat(wideJson.path("revealedSalts").toString()).doesNotContain("Healthmarker", "Identmarker", "Wheremarker");
        assertThat(report.verified()).as(String.join("\n", report.lines())).isTrue();
        assertThat(report.result(BundleCheck.EARLIER_EXTRACTS).orElseThrow().status()).isEqualTo(CheckResult.Status.PASS);
    }

    @Test
    void anOrderNamingAnExtractThisFileNeverIssuedIsRefusedAndNothingIsStored() {
        String unknown = UUID.randomUUID().toString();
        long events = vrs.count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + file.fileId + "'");

        Response refused = vrs.post(CourtFile.JUDGE, "/api/v1/extracts", file.order(List.of(unknown), "LC-COURT", "HEALTH"));
        Response malformed = vrs.post(CourtFile.JUDGE, "/api/v1/extracts", file.order(List.of("not-an-id"), "LC-COURT", "HEALTH"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.text("error")).isEqualTo("unknown-earlier-extract");
        assertThat(refused.text("message")).contains(unknown);
        assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
        assertThat(malformed.text("message")).contains("earlierExtracts");
        assertThat(vrs.count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + file.fileId + "'"))
                .isEqualTo(events);
    }

    private static JsonNode field(HttpResponse<byte[]> response, String eventId, String name) throws Exception {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        for (JsonNode event : JSON.readTree(Zips.read(response.body()).get(BundleFiles.EXTRACT)).path("events")) {
            if (event.path("eventId").asText().equals(eventId)) {
                return event.path("fields").path(name);
            }
        }
        throw new AssertionError("event " + eventId + " is not in the extract");
    }

    private void assertRefusalRecorded(String actorId, String reason) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (Connection c = vrs.ownerConnection();
                 PreparedStatement q = c.prepareStatement(
                         "SELECT refusal FROM access_review WHERE actor_id = ? AND path = 'EXTRACT' AND refused")) {
                q.setString(1, actorId);
                try (ResultSet rs = q.executeQuery()) {
                    assertThat(rs.next()).as("a recorded refusal for " + actorId).isTrue();
                    assertThat(rs.getString(1)).contains(reason);
                }
            }
        });
    }
}
