package org.vrs.extract;

import static org.vrs.extract.AuditExportReport.Check.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.vrs.extract.AuditExportReport.Check;
import org.vrs.extract.AuditExportReport.Result;
import org.vrs.extract.AuditExportReport.Status;
import org.vrs.ledger.CheckpointParseException;
import org.vrs.ledger.CheckpointVerificationException;
import org.vrs.ledger.CheckpointVerifier;
import org.vrs.ledger.LeafData;
import org.vrs.ledger.LeafIndex;
import org.vrs.ledger.MerkleHasher;
import org.vrs.ledger.ProofException;
import org.vrs.ledger.ProofVerifier;
import org.vrs.ledger.Sha256;
import org.vrs.ledger.SignedCheckpoint;
import org.vrs.ledger.TreeHead;

/**
 * Verifies an audit-trail bundle offline, trusting only the anchor it is given (and the log key
 * whose fingerprint it prints): structure, canonical form, the CMS signature and chain, the
 * checkpoint's signature, what trail.json says of checkpoint and key, the period, every leaf and
 * inclusion proof, and the consistency proof. Runs every check it can and reports each.
 */
public final class AuditExportVerifier {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private AuditExportVerifier() {
    }

    /** @param anchorPem the published CA certificate; null trusts the bundle's own ca.pem, with a warning */
    public static AuditExportReport verify(Path bundle, byte[] anchorPem) {
        List<Result> results = new ArrayList<>();
        Map<String, byte[]> files;
        try {
            files = BundleReader.read(bundle, AuditTrailBundles.REQUIRED, AuditTrailBundles.OPTIONAL, Set.of(AuditTrailBundles.TRAIL));
        } catch (MalformedBundleException e) {
            results.add(new Result(STRUCTURE, Status.FAIL, e.getMessage()));
            for (Check check : Check.values()) {
                if (check != STRUCTURE) {
                    results.add(new Result(check, Status.SKIPPED, "the bundle cannot be read"));
                }
            }
            return new AuditExportReport(results);
        }
        results.add(new Result(STRUCTURE, Status.PASS, files.size() + " files: " + String.join(", ", files.keySet())));
        new Run(files, results).all(anchorPem);
        return new AuditExportReport(results);
    }

    /** Thrown inside a check: the check fails with this message. */
    private static final class Failed extends Exception {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    private record Event(String eventId, String type, String revision, String fileId, long sequence, String time,
                         LeafIndex index, byte[] leaf, String leafHash, List<Sha256> proof) {
    }

    private static final class Run {
        private final Map<String, byte[]> files;
        private final List<Result> results;
        private X509Certificate anchor;
        private JsonNode trail;
        private List<Event> events;
        private Ed25519PublicKeyParameters key;
        private SignedCheckpoint checkpoint;

        Run(Map<String, byte[]> files, List<Result> results) {
            this.files = files;
            this.results = results;
        }

        void all(byte[] anchorPem) {
            anchor(anchorPem);
            canonicalForm();
            signature();
            checkpointSignature();
            boolean ledger = checkpoint != null && trail != null;
            String why = trail == null ? "trail.json cannot be read" : "checkpoint.txt cannot be read";
            run(CHECKPOINT_BINDING, ledger, why, this::binding);
            run(EVENTS_IN_PERIOD, trail != null, why, this::period);
            run(INCLUSION_PROOFS, ledger, why, this::inclusion);
            run(CONSISTENCY_PROOF, ledger, why, this::consistency);
        }

        private interface Step {
            String check() throws Failed;
        }

        private void run(Check check, boolean possible, String why, Step step) {
            if (!possible) {
                results.add(new Result(check, Status.SKIPPED, why));
                return;
            }
            try {
                String detail = step.check();
                results.add(new Result(check, detail.startsWith("SKIP:") ? Status.SKIPPED : Status.PASS,
                        detail.startsWith("SKIP:") ? detail.substring(5) : detail));
            } catch (Failed e) {
                results.add(new Result(check, Status.FAIL, e.getMessage()));
            }
        }

        private void anchor(byte[] anchorPem) {
            try {
                anchor = ExtractArtefacts.parseCertificates(anchorPem == null ? files.get(BundleFiles.CA) : anchorPem).get(0);
            } catch (MalformedArtefactException e) {
                results.add(new Result(TRUST_ANCHOR, Status.FAIL, (anchorPem == null ? BundleFiles.CA : "--anchor") + ": " + e.getMessage()));
                return;
            }
            String subject = TrustChain.subject(anchor) + " (SHA-256 fingerprint " + fingerprint(anchor) + ")";
            results.add(anchorPem == null
                    ? new Result(TRUST_ANCHOR, Status.WARN, "trusting the bundle's own ca.pem " + subject
                            + ": compare the fingerprint with the one the service publishes, or give that certificate with --anchor")
                    : new Result(TRUST_ANCHOR, Status.PASS, "the given anchor " + subject));
        }

        private void canonicalForm() {
            run(CANONICAL_FORM, true, "", () -> {
                byte[] json = files.get(AuditTrailBundles.TRAIL);
                JsonNode tree = parse(json);
                events = events(tree);
                byte[] canonical;
                try {
                    canonical = CanonicalJson.canonicalize(tree);
                } catch (CanonicalJsonException e) {
                    throw new Failed(e.getMessage());
                }
                if (!Arrays.equals(canonical, json)) {
                    throw new Failed("trail.json differs from its canonical form from byte " + Arrays.mismatch(canonical, json));
                }
                trail = tree;
                return json.length + " bytes, " + events.size() + " events";
            });
        }

        private void signature() {
            run(CMS_SIGNATURE, anchor != null, "no trust anchor", () -> {
                // No time-stamp in an audit export: the chain is judged now (see docs/audit-export.md).
                Instant at = Instant.now();
                try {
                    ParsedSignature signature = ExtractArtefacts.parseSignature(files.get(AuditTrailBundles.SIGNATURE));
                    VerifiedSignature verified = new CmsSignatureVerifier(anchor).verify(signature, files.get(AuditTrailBundles.TRAIL), at);
                    return "signed by " + TrustChain.subject(verified.signer()) + " (signing time " + verified.signingTime()
                            + "), certificate chain valid at " + at;
                } catch (MalformedArtefactException e) {
                    throw new Failed(AuditTrailBundles.SIGNATURE + " is malformed: " + e.getMessage());
                } catch (VerificationException e) {
                    throw new Failed(AuditTrailBundles.SIGNATURE + ": " + e.failure());
                }
            });
        }

        private void checkpointSignature() {
            run(CHECKPOINT_SIGNATURE, true, "", () -> {
                try {
                    key = LedgerKeyPem.decode(files.get(BundleFiles.LEDGER_KEY));
                } catch (IllegalArgumentException e) {
                    throw new Failed(BundleFiles.LEDGER_KEY + " is unreadable: " + e.getMessage());
                }
                checkpoint = verifiedNote(BundleFiles.CHECKPOINT);
                TreeHead head = checkpoint.checkpoint().head();
                return "log " + checkpoint.checkpoint().origin() + ", " + head.size() + " leaves, root " + head.root().hex()
                        + ", signed by the key with SHA-256 fingerprint " + LedgerKeyPem.fingerprint(key);
            });
        }

        private SignedCheckpoint verifiedNote(String file) throws Failed {
            SignedCheckpoint note;
            try {
                note = SignedCheckpoint.parse(files.get(file));
            } catch (CheckpointParseException e) {
                throw new Failed(file + " is not a checkpoint note: " + e.getMessage());
            }
            try {
                new CheckpointVerifier(note.checkpoint().origin(), key).verify(note);
            } catch (CheckpointVerificationException e) {
                throw new Failed(file + ": " + e.failure().message());
            }
            return note;
        }

        private String binding() throws Failed {
            TreeHead head = checkpoint.checkpoint().head();
            same("ledger.origin", text(trail, "/ledger/origin"), checkpoint.checkpoint().origin());
            same("ledger.treeSize", Long.toString(number(trail, "/ledger/treeSize")), head.size().toString());
            same("ledger.rootHash", text(trail, "/ledger/rootHash"), head.root().base64());
            same("ledger.checkpointSha256", text(trail, "/ledger/checkpointSha256"), ExtractJson.sha256Hex(files.get(BundleFiles.CHECKPOINT)));
            if (key != null) {
                same("ledger.publicKeySha256", text(trail, "/ledger/publicKeySha256"), LedgerKeyPem.fingerprint(key));
            }
            return "origin, size, root, checkpoint.txt's SHA-256 and the log key's fingerprint match";
        }

        private String period() throws Failed {
            Instant from = instant(text(trail, "/request/from"), "/request/from");
            Instant to = instant(text(trail, "/request/to"), "/request/to");
            Set<String> seen = new HashSet<>();
            for (Event event : events) {
                Instant time = instant(event.time(), "time of event " + event.eventId());
                if (time.isBefore(from) || !time.isBefore(to)) {
                    throw new Failed("event " + event.eventId() + " at " + time + " lies outside [" + from + ", " + to + ")");
                }
                if (!seen.add(event.eventId())) {
                    throw new Failed("event " + event.eventId() + " is listed twice");
                }
            }
            return events.size() + " events in [" + from + ", " + to + ")";
        }

        private String inclusion() throws Failed {
            TreeHead head = checkpoint.checkpoint().head();
            for (Event event : events) {
                LeafData leaf;
                try {
                    leaf = LeafData.decode(event.leaf());
                } catch (IllegalArgumentException e) {
                    throw new Failed("the leaf of event " + event.eventId() + " is not a version-1 leaf: " + e.getMessage());
                }
                leafNames(event, "event id", leaf.eventId().equals(event.eventId()));
                leafNames(event, "file id", Objects.equals(leaf.fileId(), event.fileId()));
                leafNames(event, "sequence", leaf.sequence() == event.sequence());
                leafNames(event, "type or revision", leaf.payloadType().equals(event.type())
                        && Objects.equals(leaf.payloadRevision(), event.revision()));
                leafNames(event, "time", leaf.timestamp().equals(instant(event.time(), "time")));
                Sha256 hash = MerkleHasher.hashLeaf(event.leaf());
                if (!hash.base64().equals(event.leafHash())) {
                    throw new Failed("event " + event.eventId() + ": leafHash " + event.leafHash() + " is not the hash of its leaf, "
                            + hash.base64());
                }
                try {
                    ProofVerifier.verifyInclusion(event.index(), hash, event.proof(), head);
                } catch (ProofException e) {
                    throw new Failed("event " + event.eventId() + " (leaf " + event.index() + "): " + e.failure().message());
                }
            }
            return events.size() + " events, each leaf records its event and is in the log of " + head.size() + " leaves";
        }

        private static void leafNames(Event event, String field, boolean matches) throws Failed {
            if (!matches) {
                throw new Failed("the leaf of event " + event.eventId() + " records another " + field + " than trail.json states");
            }
        }

        private String consistency() throws Failed {
            byte[] earlierBytes = files.get(BundleFiles.EARLIER_CHECKPOINT);
            JsonNode stated = trail.at("/consistency");
            if (stated.isMissingNode()) {
                if (earlierBytes != null) {
                    throw new Failed("earlier-checkpoint.txt is present but trail.json carries no consistency proof");
                }
                return "SKIP:the log had no earlier checkpoint";
            }
            if (earlierBytes == null) {
                throw new Failed("trail.json carries a consistency proof but earlier-checkpoint.txt is missing");
            }
            if (key == null) {
                return "SKIP:ledger-public.pem cannot be read";
            }
            SignedCheckpoint earlier = verifiedNote(BundleFiles.EARLIER_CHECKPOINT);
            TreeHead older = earlier.checkpoint().head();
            same("consistency.earlierCheckpointSha256", text(stated, "/earlierCheckpointSha256"), ExtractJson.sha256Hex(earlierBytes));
            same("consistency.fromTreeSize", Long.toString(number(stated, "/fromTreeSize")), older.size().toString());
            same("consistency.fromRootHash", text(stated, "/fromRootHash"), older.root().base64());
            same("earlier checkpoint origin", earlier.checkpoint().origin(), checkpoint.checkpoint().origin());
            try {
                ProofVerifier.verifyConsistency(older, checkpoint.checkpoint().head(), hashes(stated, "/proof"));
            } catch (ProofException e) {
                throw new Failed("consistency: " + e.failure().message());
            }
            return "the log of " + checkpoint.checkpoint().head().size() + " leaves extends the checkpoint of " + older.size()
                    + " leaves (root " + older.root().hex() + ")";
        }

        private static void same(String field, String stated, String actual) throws Failed {
            if (!stated.equals(actual)) {
                throw new Failed("trail.json states " + field + " " + stated + ", but the bundle has " + actual);
            }
        }

        private static String fingerprint(X509Certificate certificate) {
            try {
                return java.util.HexFormat.ofDelimiter(":").withUpperCase().formatHex(CmsSigner.sha256(certificate.getEncoded()));
            } catch (java.security.cert.CertificateEncodingException e) {
                return "(unencodable certificate)";
            }
        }
    }

    private static JsonNode parse(byte[] json) throws Failed {
        JsonNode tree;
        try {
            tree = STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            throw new Failed("trail.json is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Failed("trail.json is not JSON: " + e);
        }
        if (tree == null || !tree.isObject()) {
            throw new Failed("trail.json is not a JSON object");
        }
        if (!AuditTrailBundles.FORMAT.equals(text(tree, "/format")) || number(tree, "/formatVersion") != AuditTrailBundles.FORMAT_VERSION) {
            throw new Failed("trail.json is not format " + AuditTrailBundles.FORMAT + " version " + AuditTrailBundles.FORMAT_VERSION);
        }
        return tree;
    }

    private static List<Event> events(JsonNode tree) throws Failed {
        JsonNode list = tree.at("/events");
        if (!list.isArray() || list.size() > ExtractDocumentParser.MAX_EVENTS) {
            throw new Failed("/events must be an array of at most " + ExtractDocumentParser.MAX_EVENTS + " events");
        }
        List<Event> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            byte[] leaf;
            try {
                leaf = Base64.getDecoder().decode(text(e, "/ledgerLeaf/data"));
            } catch (IllegalArgumentException x) {
                throw new Failed("/events/" + i + "/ledgerLeaf/data is not base64");
            }
            out.add(new Event(text(e, "/eventId"), text(e, "/type"), optionalText(e, "/revision"), optionalText(e, "/fileId"),
                    number(e, "/sequence"), text(e, "/time"), new LeafIndex(number(e, "/ledgerLeaf/index")), leaf,
                    text(e, "/ledgerLeaf/leafHash"), hashes(e, "/ledgerLeaf/inclusionProof")));
        }
        return out;
    }

    private static List<Sha256> hashes(JsonNode root, String pointer) throws Failed {
        JsonNode array = root.at(pointer);
        if (!array.isArray() || array.size() > ExtractDocumentParser.MAX_PROOF_HASHES) {
            throw new Failed(pointer + " must be an array of at most " + ExtractDocumentParser.MAX_PROOF_HASHES + " hashes");
        }
        List<Sha256> hashes = new ArrayList<>(array.size());
        for (JsonNode hash : array) {
            try {
                hashes.add(Sha256.fromBase64(hash.isTextual() ? hash.textValue() : ""));
            } catch (IllegalArgumentException e) {
                throw new Failed(pointer + " holds a value that is not the base64 of a SHA-256 hash");
            }
        }
        return hashes;
    }

    private static String text(JsonNode root, String pointer) throws Failed {
        JsonNode node = root.at(pointer);
        if (!node.isTextual()) {
            throw new Failed(pointer + " must be a string");
        }
        return node.textValue();
    }

    private static String optionalText(JsonNode root, String pointer) throws Failed {
        return root.at(pointer).isMissingNode() ? null : text(root, pointer);
    }

    private static long number(JsonNode root, String pointer) throws Failed {
        JsonNode node = root.at(pointer);
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw new Failed(pointer + " must be a non-negative whole number");
        }
        return node.longValue();
    }

    private static Instant instant(String text, String what) throws Failed {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new Failed(what + " is not an ISO-8601 instant");
        }
    }
}
