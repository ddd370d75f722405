package org.vrs.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.vrs.ledger.LeafIndex;
import org.vrs.ledger.Sha256;

/** {@code extract.json} read into the parts a verifier checks; well-formed, not yet believed. */
record ParsedExtract(JsonNode tree, String extractId, String fileId, LedgerRef ledger, Optional<ConsistencyRef> consistency,
                     List<EventRef> events, List<RevealedSalt> reveals) {

    ParsedExtract {
        events = List.copyOf(events);
        reveals = List.copyOf(reveals);
    }

    /** The JSON value of a field this extract discloses, if it does. */
    Optional<JsonNode> disclosed(String eventId, String field) {
        return withField(eventId, field).map(f -> f.get("value"));
    }

    /** The salted hash under which this extract withholds a field, if it does. */
    Optional<String> saltedHash(String eventId, String field) {
        return withField(eventId, field).filter(f -> f.path("withheld").asBoolean(false))
                .map(f -> f.path("saltedHash")).filter(JsonNode::isTextual).map(JsonNode::textValue);
    }

    private Optional<JsonNode> withField(String eventId, String field) {
        for (JsonNode event : tree.path("events")) {
            if (eventId.equals(event.path("eventId").textValue())) {
                JsonNode f = event.path("fields").get(field);
                return Optional.ofNullable(f).filter(JsonNode::isObject);
            }
        }
        return Optional.empty();
    }

    /** What the extract says about the checkpoint it is proved against. */
    record LedgerRef(String origin, long treeSize, String rootHash, String checkpointSha256, String publicKeySha256) {
    }

    record ConsistencyRef(String earlierCheckpointSha256, long fromTreeSize, String fromRootHash, List<Sha256> proof) {

        ConsistencyRef {
            proof = List.copyOf(proof);
        }
    }

    /** One disclosed event as the extract describes it, with its leaf and inclusion proof. */
    record EventRef(String eventId, long sequence, String time, String type, String revision, LeafIndex index, byte[] leaf,
                    List<Sha256> proof) {

        EventRef {
            leaf = leaf.clone();
            proof = List.copyOf(proof);
        }

        @Override
        public byte[] leaf() {
            return leaf.clone();
        }
    }
}
