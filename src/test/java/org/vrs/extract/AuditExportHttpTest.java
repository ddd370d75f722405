package org.vrs.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.cli.Cli;
import org.vrs.extract.AuditExportReport.Check;
import org.vrs.ledger.MerkleHasher;
import org.vrs.support.Caller;
import org.vrs.support.Response;
import org.vrs.support.RunningService;

/**
 * An auditor's audit-trail export on the real service: a zip that verifies offline, in which a
 * changed byte, a changed proof hash or another signer is caught by the check that should catch
 * it; no plaintext the test wrote anywhere in it; the export recorded; other roles, no token and
 * bad requests refused, with nothing recorded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditExportHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Caller AUDITOR = new Caller("u-auditor", "STATE-AUDIT", "AUDITOR", null);
    private static final String PATH = "/api/v1/audit/exports";
    private static final String EXPORTED = "org.vrs.audit.api.AuditTrailExported";
    /** Plaintexts written to the file: none may appear in the bundle. */
    private static final List<String> PLAINTEXTS = List.of("Auditmarker Nguyen Thi Hoa", "Auditmarker 17 Duong Hoang Lien",
            "0987 654 321", "Auditmarker note about the recruiter");
    private static final String REFERENCE = "AUD-2026-017";

    private final RunningService vrs = RunningService.shared();
    private String fileId;
    private Instant from;
    private Instant to;
    private HttpResponse<byte[]> exported;
    private long exportedBefore;

    @TempDir
    Path dir;

    @BeforeAll
    void writeAFileReadItAndExportThePeriod() throws Exception {
        from = Instant.now().minusSeconds(1);
        Response opened = vrs.post(Caller.RECEPTION, "/api/v1/files",
                "{\"channel\":\"RESCUE\",\"receivingAgency\":\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"2026-11-01\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        fileId = opened.text("fileId");
        vrs.awaitLedger(); // a checkpoint before the rest, for the consistency proof
        ok("record-identity", "{\"identity\":{\"fullName\":\"" + PLAINTEXTS.get(0) + "\",\"sex\":\"FEMALE\",\"idDocumentType\":\"NONE\"}}");
        ok("record-whereabouts", "{\"whereabouts\":{\"residenceAddress\":\"" + PLAINTEXTS.get(1) + "\",\"province\":\"LC\",\"phone\":\""
                + PLAINTEXTS.get(2) + "\"}}");
        ok("add-case-note", "{\"category\":\"LEGAL\",\"text\":\"" + PLAINTEXTS.get(3) + "\"}");
        Caller reader = Caller.RECEPTION.withPurpose("case-review");
        await().atMost(Duration.ofSeconds(30)).until(() -> vrs.get(reader, "/api/v1/files/" + fileId).status() == 200);
        vrs.awaitLedger();
        Thread.sleep(5); // the period ends after the last event (to is exclusive)
        to = Instant.now();
        exportedBefore = exportedCount();
        exported = vrs.postForBytes(AUDITOR, PATH, request(from, to, null));
    }

    private void ok(String command, String json) {
        Response r = vrs.post(Caller.RECEPTION, "/api/v1/files/" + fileId + "/" + command, json);
        assertThat(r.status()).as(command + " " + r.status()).isEqualTo(200);
    }

    private static String request(Instant from, Instant to, String province) {
        return """
                {"from":"%s","to":"%s",%s"purpose":"annual inspection of victim support files","reference":"%s"}"""
                .formatted(from, to, province == null ? "" : "\"province\":\"" + province + "\",", REFERENCE);
    }

    private long exportedCount() {
        return vrs.count("SELECT count(*) FROM domain_event_entry WHERE payload_type = '" + EXPORTED + "'");
    }

    private Map<String, byte[]> files() {
        return Zips.read(exported.body());
    }

    private byte[] anchor() throws Exception {
        return Files.readAllBytes(vrs.keysDir().resolve("extract").resolve("ca.pem"));
    }

    private AuditExportReport verify(Map<String, byte[]> files, String name) throws Exception {
        return AuditExportVerifier.verify(Files.write(dir.resolve(name), Zips.write(files)), anchor());
    }

    @Test
    void theExportVerifiesOfflineAgainstThePublishedAnchor() throws Exception {
        assertThat(exported.statusCode()).as(new String(exported.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        assertThat(exported.headers().firstValue("Content-Type")).contains("application/zip");
        assertThat(exported.headers().firstValue("X-VRS-Bundle-SHA256"))
                .contains(java.util.HexFormat.of().formatHex(CmsSigner.sha256(exported.body())));
        Path bundle = Files.write(dir.resolve("trail.zip"), exported.body());

        AuditExportReport report = AuditExportVerifier.verify(bundle, anchor());

        assertThat(report.verified()).as(String.join("\n", report.lines())).isTrue();
        assertThat(report.results()).extracting(AuditExportReport.Result::status).containsOnly(AuditExportReport.Status.PASS);
        assertThat(files().keySet()).containsExactlyInAnyOrder("VERIFY.txt", "trail.json", "trail.json.p7s", "checkpoint.txt",
                "earlier-checkpoint.txt", "ca.pem", "signer.pem", "ledger-public.pem");
    }

    @Test
    void theTrailListsTheFilesEventsAndTheReadWithMetadataAndProofsOnly() throws Exception {
        JsonNode trail = JSON.readTree(files().get("trail.json"));
        List<JsonNode> ofFile = StreamSupport.stream(trail.path("events").spliterator(), false)
                .filter(e -> fileId.equals(e.path("fileId").asText())).toList();
        assertThat(ofFile).extracting(e -> e.path("type").asText()).containsExactly("org.vrs.casefile.api.FileOpened",
                "org.vrs.casefile.api.IdentityRecorded", "org.vrs.casefile.api.WhereaboutsRecorded", "org.vrs.casefile.api.CaseNoteAdded");
        JsonNode note = ofFile.get(3);
        assertThat(note.path("sequence").asLong()).isEqualTo(3);
        assertThat(note.path("actorId").asText()).isEqualTo("u-reception");
        assertThat(note.path("agencyId").asText()).isEqualTo("LC-COMMUNE-BATXAT");
        assertThat(note.path("role").asText()).isEqualTo("RECEPTION_OFFICER");
        assertThat(note.path("correlationId").asText()).isNotBlank();
        assertThat(note.path("ledgerLeaf").path("inclusionProof").isArray()).isTrue();
        assertThat(note.path("ledgerLeaf").path("leafHash").asText()).isEqualTo(
                MerkleHasher.hashLeaf(java.util.Base64.getDecoder().decode(note.path("ledgerLeaf").path("data").asText())).base64());
        // exactly these members: no payload field of any event
        assertThat(iterable(note.fieldNames())).isSubsetOf("eventId", "type", "revision", "fileId", "sequence", "time", "actorId",
                "agencyId", "role", "reasonCode", "correlationId", "traceId", "ledgerLeaf");
        assertThat(trail.path("events")).anySatisfy(e -> {
            assertThat(e.path("type").asText()).isEqualTo("org.vrs.access.api.FileRead");
            assertThat(e.has("fileId")).isFalse();
        });
        long[] indices = StreamSupport.stream(trail.path("events").spliterator(), false)
                .mapToLong(e -> e.at("/ledgerLeaf/index").asLong()).toArray();
        assertThat(indices).isSorted();
        assertThat(trail.at("/request/reference").asText()).isEqualTo(REFERENCE);
        assertThat(trail.at("/exportedBy/actorId").asText()).isEqualTo("u-auditor");
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    @Test
    void noPlaintextTheTestWroteIsAnywhereInTheBundle() {
        StringBuilder everything = new StringBuilder(exported.headers().map().toString());
        files().forEach((name, bytes) -> everything.append('\n').append(name).append('\n')
                .append(new String(bytes, StandardCharsets.UTF_8)).append(new String(bytes, StandardCharsets.ISO_8859_1)));
        String all = everything.toString();
        for (String plaintext : PLAINTEXTS) {
            assertThat(all).as("a plaintext the test wrote").doesNotContain(plaintext);
            assertThat(all).doesNotContain(plaintext.substring(plaintext.length() - 8));
        }
        assertThat(all).doesNotContain("Auditmarker");
        // the raw zip too, in case an entry is stored rather than deflated
        assertThat(new String(exported.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Auditmarker");
    }

    @Test
    void aChangedByteInTrailJsonIsCaughtByTheSignature() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(files());
        String trail = new String(files.get("trail.json"), StandardCharsets.UTF_8);
        assertThat(trail).contains(REFERENCE);
        files.put("trail.json", trail.replace(REFERENCE, "AUD-2026-018").getBytes(StandardCharsets.UTF_8));

        AuditExportReport report = verify(files, "byte.zip");

        assertThat(report.failed()).as(String.join("\n", report.lines())).containsExactly(Check.CMS_SIGNATURE);
        assertThat(report.result(Check.CMS_SIGNATURE).orElseThrow().detail()).contains("ContentDigestMismatch");
    }

    @Test
    void aChangedProofHashFailsTheInclusionCheckEvenWhenReSignedWithTheServicesOwnKey() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(files());
        ObjectNode trail = (ObjectNode) JSON.readTree(files.get("trail.json"));
        JsonNode withProof = StreamSupport.stream(trail.path("events").spliterator(), false)
                .filter(e -> e.at("/ledgerLeaf/inclusionProof").size() > 0).findFirst().orElseThrow();
        ArrayNode proof = (ArrayNode) withProof.at("/ledgerLeaf/inclusionProof");
        proof.set(0, JSON.getNodeFactory().textNode(MerkleHasher.hashLeaf(new byte[] {1}).base64()));
        byte[] forged = CanonicalJson.canonicalize(trail);
        files.put("trail.json", forged);
        // an insider holding the signing key re-signs: the signature then holds, the proof still does not
        SigningKey serviceKey = DevelopmentPki.openOrCreate(vrs.keysDir().resolve("extract")).extractSigner();
        files.put("trail.json.p7s", new CmsSigner(serviceKey, Clock.systemUTC()).signDetached(forged));

        AuditExportReport report = verify(files, "proof.zip");

        assertThat(report.failed()).as(String.join("\n", report.lines())).containsExactly(Check.INCLUSION_PROOFS);
        assertThat(report.result(Check.INCLUSION_PROOFS).orElseThrow().detail()).contains(withProof.path("eventId").asText());
    }

    @Test
    void anotherSignerIsRefusedAgainstThePublishedAnchor() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(files());
        TestPki other = TestPki.create(dir.resolve("other-pki"));
        SigningKey otherKey = other.pki().extractSigner();
        files.put("trail.json.p7s", new CmsSigner(otherKey, Clock.systemUTC()).signDetached(files.get("trail.json")));
        files.put("signer.pem", Pem.encodeAll(List.of(otherKey.certificate())));
        files.put("ca.pem", Pem.encodeAll(List.of(otherKey.chain().get(otherKey.chain().size() - 1))));

        AuditExportReport report = verify(files, "signer.zip");

        assertThat(report.failed()).as(String.join("\n", report.lines())).containsExactly(Check.CMS_SIGNATURE);
        assertThat(report.result(Check.CMS_SIGNATURE).orElseThrow().detail()).contains("ChainNotTrusted");
    }

    /** The batched proofs an export uses are exactly the proofs the ledger serves one by one. */
    @Test
    void batchedInclusionProofsEqualSingleOnes() throws Exception {
        org.vrs.ledger.LedgerQueries ledger = vrs.bean(org.vrs.ledger.LedgerQueries.class);
        org.vrs.ledger.TreeSize size = ledger.treeSize();
        List<org.vrs.ledger.LeafIndex> all = java.util.stream.LongStream.range(0, size.value()).mapToObj(org.vrs.ledger.LeafIndex::new).toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(5); // the file's four events and its read(s) at least

        List<List<org.vrs.ledger.Sha256>> batched = ledger.inclusionProofs(all, size);

        for (org.vrs.ledger.LeafIndex index : all) {
            assertThat(batched.get((int) index.value())).as("leaf " + index).isEqualTo(ledger.inclusionProof(index, size).hashes());
        }
    }

    @Test
    void aCheckpointWithAnotherRootFailsItsSignature() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(files());
        String[] lines = new String(files.get("checkpoint.txt"), StandardCharsets.UTF_8).split("\n", -1);
        lines[2] = MerkleHasher.hashLeaf(new byte[] {2}).base64();
        files.put("checkpoint.txt", String.join("\n", lines).getBytes(StandardCharsets.UTF_8));

        AuditExportReport report = verify(files, "checkpoint.zip");

        assertThat(report.failed()).as(String.join("\n", report.lines())).contains(Check.CHECKPOINT_SIGNATURE)
                .doesNotContain(Check.CMS_SIGNATURE, Check.CANONICAL_FORM);
        assertThat(report.verified()).isFalse();
    }

    /** The OpenSSL steps VERIFY.txt gives, run exactly as written there, pass on the genuine bundle and fail on a changed one. */
    @Test
    void theOpensslStepsOfVerifyTxtWork() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
        Path genuine = Files.createDirectory(dir.resolve("unpacked"));
        Zips.unpack(exported.body(), genuine);
        String script = new String(files().get("VERIFY.txt"), StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(l -> l.startsWith("openssl cms ") || l.startsWith("head -3 ") || l.startsWith("tail -1 ")
                        || l.startsWith("openssl pkeyutl "))
                .reduce("set -e", (a, b) -> a + "\n" + b);
        assertThat(script.lines()).hasSize(5);

        String ok = sh(genuine, script);
        assertThat(ok).contains("CMS Verification successful").contains("Signature Verified Successfully");

        Path changed = Files.createDirectory(dir.resolve("changed"));
        Zips.unpack(exported.body(), changed);
        Files.writeString(changed.resolve("trail.json"), Files.readString(changed.resolve("trail.json")).replace(REFERENCE, "AUD-2026-018"));
        assertThat(sh(changed, script)).startsWith("EXIT ").doesNotContain("CMS Verification successful");
    }

    private static String sh(Path directory, String script) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", script).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        return exit == 0 ? output : "EXIT " + exit + ": " + output;
    }

    @Test
    void theCommandLineReportsEachCheckAndExitsNonZeroOnFailure() throws Exception {
        Path genuine = Files.write(dir.resolve("cli.zip"), exported.body());
        Path anchor = Files.write(dir.resolve("ca.pem"), anchor());
        StringWriter out = new StringWriter();
        int ok = Cli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "verify-audit-export", genuine.toString(),
                "--anchor", anchor.toString());
        assertThat(ok).as(out.toString()).isZero();
        assertThat(out.toString()).contains("[PASS] leaves and inclusion proofs").contains("RESULT: VERIFIED");

        Map<String, byte[]> files = new LinkedHashMap<>(files());
        files.remove("earlier-checkpoint.txt");
        Path broken = Files.write(dir.resolve("cli-broken.zip"), Zips.write(files));
        StringWriter brokenOut = new StringWriter();
        int failed = Cli.run(new PrintWriter(brokenOut), new PrintWriter(new StringWriter()), "verify-audit-export",
                broken.toString(), "--anchor", anchor.toString());
        assertThat(failed).as(brokenOut.toString()).isEqualTo(1);
        assertThat(brokenOut.toString()).contains("[FAIL] consistency with the earlier checkpoint").contains("RESULT: NOT VERIFIED");
    }

    @Test
    void theExportIsRecordedAsAnEventWithALedgerLeaf() {
        assertThat(exported.statusCode()).isEqualTo(201);
        assertThat(exportedCount()).isGreaterThanOrEqualTo(exportedBefore + 1);
        String exportId = exported.headers().firstValue("X-VRS-Export-Id").orElseThrow();
        vrs.awaitLedger();
        assertThat(vrs.count("SELECT count(*) FROM ledger_leaf l JOIN domain_event_entry e ON e.event_identifier = l.event_identifier"
                + " WHERE e.payload_type = '" + EXPORTED + "' AND l.file_id IS NULL")).isGreaterThanOrEqualTo(1);
        assertThat(exportId).matches("[0-9a-f-]{36}");
    }

    @Test
    void aProvinceExportHoldsThatProvincesFilesOnly() throws Exception {
        HttpResponse<byte[]> lc = vrs.postForBytes(AUDITOR, PATH, request(from, to, "LC"));
        HttpResponse<byte[]> hn = vrs.postForBytes(AUDITOR, PATH, request(from, to, "HN"));
        assertThat(lc.statusCode()).isEqualTo(201);
        assertThat(hn.statusCode()).isEqualTo(201);
        JsonNode lcTrail = JSON.readTree(Zips.read(lc.body()).get("trail.json"));
        JsonNode hnTrail = JSON.readTree(Zips.read(hn.body()).get("trail.json"));
        assertThat(lcTrail.path("events")).anySatisfy(e -> assertThat(e.path("fileId").asText()).isEqualTo(fileId));
        assertThat(lcTrail.path("events")).allSatisfy(e -> assertThat(e.has("fileId")).isTrue());
        assertThat(hnTrail.path("events")).noneSatisfy(e -> assertThat(e.path("fileId").asText()).isEqualTo(fileId));
        assertThat(lcTrail.at("/request/province").asText()).isEqualTo("LC");
        assertThat(AuditExportVerifier.verify(Files.write(dir.resolve("lc.zip"), lc.body()), anchor()).verified()).isTrue();
    }

    @Test
    void otherRolesAndRequestsWithoutATokenAreRefusedAndNothingIsRecorded() {
        long before = exportedCount();
        String body = request(from, to, null);
        for (Caller caller : List.of(Caller.CASEWORKER, Caller.DPO, Caller.INVESTIGATOR, Caller.RECEPTION,
                new Caller("u-stat", "GSO-STATISTICS", "STATISTICIAN", null), new Caller("u-judge", "LC-COURT", "COURT", null))) {
            Response r = vrs.post(caller, PATH, body);
            assertThat(r.status()).as(caller.role() + " " + r.body()).isEqualTo(403);
            assertThat(r.body()).doesNotContain("PK");
        }
        assertThat(vrs.post(null, PATH, body).status()).isEqualTo(401);
        assertThat(exportedCount()).isEqualTo(before);
    }

    @Test
    void badRequestsGetAClear400AndRecordNothing() {
        long before = exportedCount();
        Instant now = Instant.now();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(request(now.minusSeconds(60), now.minusSeconds(3600), null), "invalid-period");
        cases.put(request(now.minus(Duration.ofDays(40)), now.minusSeconds(1), null), "period-too-long");
        cases.put(request(now.minusSeconds(3600), now.plusSeconds(3600), null), "invalid-period");
        cases.put(request(now.minusSeconds(3600), now.minusSeconds(1), "ZZ"), "unknown-province");
        cases.put("{\"from\":\"" + now.minusSeconds(60) + "\",", "malformed-json");
        cases.put("[1,2]", "malformed-request");
        cases.put("{\"from\":\"yesterday\",\"to\":\"" + now + "\",\"purpose\":\"p\",\"reference\":\"r\"}", "invalid-field");
        cases.put("{\"from\":\"" + now.minusSeconds(60) + "\",\"to\":\"" + now.minusSeconds(1) + "\",\"reference\":\"r\"}", "invalid-field");
        cases.put("{\"from\":\"" + now.minusSeconds(60) + "\",\"to\":\"" + now.minusSeconds(1)
                + "\",\"purpose\":\"p\",\"reference\":\"r\",\"fullName\":\"x\"}", "invalid-field");
        cases.forEach((body, code) -> {
            Response r = vrs.post(AUDITOR, PATH, body);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(r.json().path("error").asText()).as(r.body()).isEqualTo(code);
            assertThat(r.json().path("message").asText()).isNotBlank();
        });
        assertThat(exportedCount()).isEqualTo(before);
    }
}
