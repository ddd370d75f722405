package org.vrs.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.vrs.ledger.LeafIndex;
import org.vrs.ledger.Sha256;

/** {@code extract.json} read into the parts a verifier checks; well-formed, not yet believed. */
record ParsedExtract(JsonNode tree, String fileId, LedgerRef ledger, Optional<ConsistencyRef> consistency, List<EventRef> events) {

    ParsedExtract {
        events = List.copyOf(events);
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
