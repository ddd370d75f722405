package org.vrs.extract;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.List;
import org.vrs.casefile.api.DataCategory;
import org.vrs.ledger.Checkpoint;
import org.vrs.ledger.LeafData;
import org.vrs.ledger.Sha256;

/**
 * Writes {@code extract.json}: the RFC 8785 canonical form of the document specified in
 * docs/extract-format.md. Binary values are standard base64 (hashes and leaves) or lower-case hex
 * (fingerprints and salted hashes), as each field's name says.
 */
final class ExtractJson {

    static final String SALTED_HASH_RULE = "hex(SHA-256(salt || RFC8785(value))), 32-byte salt per field, not disclosed";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExtractJson() {
    }

    static byte[] write(ExtractContent content) {
        ObjectNode doc = NODES.objectNode();
        doc.put("format", BundleFiles.FORMAT).put("formatVersion", BundleFiles.FORMAT_VERSION)
                .put("extractId", content.extractId().value()).put("issuedAt", content.issuedAt().toString());
        doc.putObject("requestedBy").put("actorId", content.requester().userId())
                .put("agencyId", content.requester().agency().value()).put("role", content.requester().role().name());
        doc.set("order", order(content));
        doc.set("ledger", ledger(content.ledger()));
        content.ledger().consistency().ifPresent(c -> doc.set("consistency", consistency(c)));
        doc.putObject("withheldFields").put("saltedHash", SALTED_HASH_RULE);
        ArrayNode events = doc.putArray("events");
        for (ScopedEvent event : content.events()) {
            events.add(event(event, content.ledger().leaf(event.eventId())));
        }
        if (!content.order().earlierExtracts().isEmpty()) {
            ArrayNode reveals = doc.putArray("revealedSalts");
            for (RevealedSalt reveal : content.reveals()) {
                reveals.addObject().put("earlierExtractId", reveal.earlierExtract().value()).put("eventId", reveal.eventId())
                        .put("field", reveal.field()).put("salt", reveal.saltHex());
            }
        }
        return CanonicalJson.canonicalize(doc);
    }

    private static ObjectNode order(ExtractContent content) {
        ExtractOrder order = content.order();
        ObjectNode node = NODES.objectNode().put("orderReference", order.orderReference())
                .put("issuingCourt", order.issuingCourt().value()).put("fileId", order.fileId().value())
                .put("periodFrom", order.periodFrom().toString()).put("periodTo", order.periodTo().toString())
                .put("periodTimeZone", content.periodZone().getId()).put("purpose", order.purpose());
        ArrayNode categories = node.putArray("categories");
        order.categories().forEach(c -> categories.add(c.name()));
        if (!order.earlierExtracts().isEmpty()) {
            ArrayNode earlier = node.putArray("earlierExtracts");
            order.earlierExtracts().forEach(id -> earlier.add(id.value()));
        }
        return node;
    }

    private static ObjectNode ledger(LedgerEvidence ledger) {
        Checkpoint checkpoint = ledger.checkpoint().checkpoint();
        return NODES.objectNode().put("origin", checkpoint.origin())
                .put("treeSize", checkpoint.head().size().value())
                .put("rootHash", checkpoint.head().root().base64())
                .put("checkpointSha256", sha256Hex(ledger.checkpoint().encoded()))
                .put("publicKeySha256", LedgerKeyPem.fingerprint(ledger.publicKey()));
    }

    private static ObjectNode consistency(LedgerEvidence.Consistency consistency) {
        Checkpoint earlier = consistency.earlier().checkpoint();
        ObjectNode node = NODES.objectNode()
                .put("earlierCheckpointSha256", sha256Hex(consistency.earlier().encoded()))
                .put("fromTreeSize", earlier.head().size().value())
                .put("fromRootHash", earlier.head().root().base64());
        node.set("proof", hashes(consistency.proof()));
        return node;
    }

    private static ObjectNode event(ScopedEvent scoped, LedgerEvidence.Leaf leaf) {
        LeafData data = leaf.data();
        ObjectNode node = NODES.objectNode().put("eventId", data.eventId()).put("sequence", data.sequence())
                .put("time", data.timestamp().toString()).put("type", data.payloadType());
        if (data.payloadRevision() != null) {
            node.put("revision", data.payloadRevision());
        }
        ObjectNode ledgerLeaf = node.putObject("ledgerLeaf").put("index", leaf.index().value())
                .put("data", java.util.Base64.getEncoder().encodeToString(leaf.bytes()));
        ledgerLeaf.set("inclusionProof", hashes(leaf.inclusionProof()));
        ObjectNode fields = node.putObject("fields");
        for (ScopedEvent.Field field : scoped.fields()) {
            ObjectNode out = fields.putObject(field.name()).put("category", category(field.category()));
            if (field.withheld()) {
                out.put("withheld", true).put("saltedHash", field.saltedHash());
            } else {
                out.set("value", field.value());
            }
        }
        return node;
    }

    private static String category(DataCategory category) {
        return category == null ? "UNDECLARED" : category.name();
    }

    private static ArrayNode hashes(List<Sha256> hashes) {
        ArrayNode array = NODES.arrayNode();
        hashes.forEach(h -> array.add(h.base64()));
        return array;
    }

    static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(CmsSigner.sha256(data));
    }
}
