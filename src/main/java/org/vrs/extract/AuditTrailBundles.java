package org.vrs.extract;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vrs.access.Actor;
import org.vrs.ledger.Sha256;
import org.vrs.ledger.TreeHead;

/**
 * Builds the signed audit-trail bundle (docs/audit-export.md): {@code trail.json} in RFC 8785 form
 * with every listed event's metadata, leaf and inclusion proof against one signed checkpoint, the
 * consistency proof from the previous checkpoint, a detached CMS signature by the extract signer,
 * and what a verifier needs. The ledger evidence is gathered and checked exactly as for extracts.
 */
public class AuditTrailBundles {

    static final String FORMAT = "vrs-audit-trail";
    static final int FORMAT_VERSION = 1;
    static final String VERIFY_TEXT = "VERIFY.txt";
    static final String TRAIL = "trail.json";
    static final String SIGNATURE = "trail.json.p7s";
    static final List<String> REQUIRED = List.of(VERIFY_TEXT, TRAIL, SIGNATURE, BundleFiles.CHECKPOINT, BundleFiles.CA,
            BundleFiles.SIGNER, BundleFiles.LEDGER_KEY);
    static final List<String> OPTIONAL = List.of(BundleFiles.EARLIER_CHECKPOINT);

    /** The clear metadata an audit trail carries, by the names the event store uses. */
    public static final List<String> METADATA_KEYS = List.of("actorId", "agencyId", "role", "reasonCode", "correlationId", "traceId");

    private final SigningKey signer;
    private final CmsSigner cms;
    private final LedgerAccess ledger;

    AuditTrailBundles(SigningKey signer, CmsSigner cms, LedgerAccess ledger) {
        this.signer = signer;
        this.cms = cms;
        this.ledger = ledger;
    }

    /** A built bundle: the zip, its SHA-256, and what it covers. */
    public record Export(String exportId, byte[] zip, String sha256, int events, long treeSize) {
    }

    /**
     * @throws ExtractRefusal.NotYetInLedger (503, retry) if an event is not yet under a signed checkpoint
     * @throws ExtractRefusal.LedgerInconsistent if the ledger's leaf of an event does not record it
     */
    public Export assemble(String exportId, Instant exportedAt, Actor actor, AuditTrailRequest request, List<AuditTrailEvent> events) {
        Map<String, AuditTrailEvent> byId = new LinkedHashMap<>();
        events.forEach(e -> byId.put(e.eventId(), e));
        LedgerEvidence evidence = LedgerEvidenceCollector.collect(ledger, List.copyOf(byId.keySet()),
                (id, leaf) -> requireRecords(byId.get(id), leaf));
        List<AuditTrailEvent> inLogOrder = new ArrayList<>(byId.values());
        inLogOrder.sort(Comparator.comparingLong(e -> evidence.leaf(e.eventId()).index().value()));

        byte[] trail = CanonicalJson.canonicalize(trail(exportId, exportedAt, actor, request, inLogOrder, evidence));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(VERIFY_TEXT, verifyText().getBytes(StandardCharsets.UTF_8));
        files.put(TRAIL, trail);
        files.put(SIGNATURE, cms.signDetached(trail));
        files.put(BundleFiles.CHECKPOINT, evidence.checkpoint().encoded());
        evidence.consistency().ifPresent(c -> files.put(BundleFiles.EARLIER_CHECKPOINT, c.earlier().encoded()));
        List<X509Certificate> chain = signer.chain();
        files.put(BundleFiles.CA, Pem.encodeAll(List.of(chain.get(chain.size() - 1))));
        files.put(BundleFiles.SIGNER, Pem.encodeAll(List.of(signer.certificate())));
        files.put(BundleFiles.LEDGER_KEY, LedgerKeyPem.encode(evidence.publicKey()));
        byte[] zip = BundleAssembler.zip(files, LocalDateTime.ofInstant(exportedAt, ZoneOffset.UTC));
        return new Export(exportId, zip, ExtractJson.sha256Hex(zip), inLogOrder.size(),
                evidence.checkpoint().checkpoint().head().size().value());
    }

    private static void requireRecords(AuditTrailEvent event, org.vrs.ledger.LeafData leaf) {
        String id = event.eventId();
        LedgerEvidenceCollector.require(id, "event id", leaf.eventId().equals(id));
        LedgerEvidenceCollector.require(id, "file id", Objects.equals(leaf.fileId(), event.fileId()));
        LedgerEvidenceCollector.require(id, "sequence", leaf.sequence() == event.sequence());
        LedgerEvidenceCollector.require(id, "timestamp", leaf.timestamp().equals(event.time()));
        LedgerEvidenceCollector.require(id, "payload type", leaf.payloadType().equals(event.type()));
        LedgerEvidenceCollector.require(id, "payload revision", Objects.equals(leaf.payloadRevision(), event.revision()));
    }

    private static ObjectNode trail(String exportId, Instant exportedAt, Actor actor, AuditTrailRequest request,
                                    List<AuditTrailEvent> events, LedgerEvidence evidence) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("exportId", exportId);
        root.put("exportedAt", exportedAt.toString());
        ObjectNode by = root.putObject("exportedBy");
        by.put("actorId", actor.userId());
        by.put("agencyId", actor.agency().value());
        by.put("role", actor.role().name());
        ObjectNode asked = root.putObject("request");
        asked.put("from", request.from().toString());
        asked.put("to", request.to().toString());
        if (request.province() != null) {
            asked.put("province", request.province());
        }
        asked.put("purpose", request.purpose());
        asked.put("reference", request.reference());

        TreeHead head = evidence.checkpoint().checkpoint().head();
        ObjectNode ledgerRef = root.putObject("ledger");
        ledgerRef.put("origin", evidence.checkpoint().checkpoint().origin());
        ledgerRef.put("treeSize", head.size().value());
        ledgerRef.put("rootHash", head.root().base64());
        ledgerRef.put("checkpointSha256", ExtractJson.sha256Hex(evidence.checkpoint().encoded()));
        ledgerRef.put("publicKeySha256", LedgerKeyPem.fingerprint(evidence.publicKey()));
        evidence.consistency().ifPresent(c -> {
            ObjectNode consistency = root.putObject("consistency");
            TreeHead older = c.earlier().checkpoint().head();
            consistency.put("earlierCheckpointSha256", ExtractJson.sha256Hex(c.earlier().encoded()));
            consistency.put("fromTreeSize", older.size().value());
            consistency.put("fromRootHash", older.root().base64());
            hashes(consistency.putArray("proof"), c.proof());
        });

        ArrayNode list = root.putArray("events");
        for (AuditTrailEvent event : events) {
            LedgerEvidence.Leaf leaf = evidence.leaf(event.eventId());
            ObjectNode e = list.addObject();
            e.put("eventId", event.eventId());
            e.put("type", event.type());
            if (event.revision() != null) {
                e.put("revision", event.revision());
            }
            if (event.fileId() != null) {
                e.put("fileId", event.fileId());
            }
            e.put("sequence", event.sequence());
            e.put("time", event.time().toString());
            for (String key : METADATA_KEYS) {
                String value = event.metadata().get(key);
                if (value != null) {
                    e.put(key, value);
                }
            }
            ObjectNode ledgerLeaf = e.putObject("ledgerLeaf");
            ledgerLeaf.put("index", leaf.index().value());
            ledgerLeaf.put("data", java.util.Base64.getEncoder().encodeToString(leaf.bytes()));
            ledgerLeaf.put("leafHash", org.vrs.ledger.MerkleHasher.hashLeaf(leaf.bytes()).base64());
            hashes(ledgerLeaf.putArray("inclusionProof"), leaf.inclusionProof());
        }
        return root;
    }

    private static void hashes(ArrayNode array, List<Sha256> hashes) {
        hashes.forEach(h -> array.add(h.base64()));
    }

    static String verifyText() {
        return """
                Verifying this VRS audit-trail export
                =====================================
                The full format is in docs/audit-export.md of the VRS sources. Run the commands in the
                directory where the bundle was unpacked (OpenSSL 3.0 or later).

                0. Trust. Compare ca.pem's fingerprint, and the log key's, with the ones the service
                   publishes through another channel:

                     openssl x509 -in ca.pem -noout -fingerprint -sha256
                     openssl pkey -pubin -in ledger-public.pem -outform DER | openssl dgst -sha256

                1. Signature over trail.json (detached CMS, ECDSA P-256, SHA-256).
                   Expected: "CMS Verification successful".

                     openssl cms -verify -binary -inform DER -in trail.json.p7s -content trail.json -CAfile ca.pem -no-CApath -no-CAstore -purpose smimesign -x509_strict -out /dev/null

                2. The log checkpoint's Ed25519 signature (C2SP signed note).
                   Expected: "Signature Verified Successfully".

                     head -3 checkpoint.txt > body.txt
                     tail -1 checkpoint.txt | awk '{print $NF}' | base64 -d | tail -c 64 > sig.bin
                     openssl pkeyutl -verify -pubin -inkey ledger-public.pem -rawin -in body.txt -sigfile sig.bin

                3. Everything above, plus RFC 8785 canonical form, that every leaf records the event it
                   is listed for, every inclusion proof against checkpoint.txt, and the consistency
                   proof from earlier-checkpoint.txt (when present):

                     java -jar vrs.jar verify-audit-export bundle.zip --anchor <the published ca.pem>

                What this proves. The leaves commit to each event's id, file, sequence, type and time
                and to its ciphertext: the proofs show those events are in the service's append-only
                log, unchanged, at the positions given. The acting user, agency, role, reason and
                correlation ids are not in the leaves; they rest on the service's signature over
                trail.json. The trail lists the events the service found stored in the period; the
                log's auditors (verify) are what show that no event was left out of the store.
                """;
    }
}
