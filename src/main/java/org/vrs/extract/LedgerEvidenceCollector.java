package org.vrs.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.vrs.extract.ExtractRefusal.LedgerInconsistent;
import org.vrs.extract.ExtractRefusal.NotYetInLedger;
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
import org.vrs.ledger.TreeSize;

/**
 * Gathers the ledger's evidence for the events of an extract and checks it before a court sees it:
 * the checkpoint's signature, each leaf against the stored event it claims to record, each
 * inclusion proof and the consistency proof against the signed roots. A ledger that answers
 * inconsistently stops the extract ({@link LedgerInconsistent}); a leaf not yet under a signed
 * checkpoint asks for a retry ({@link NotYetInLedger}).
 */
final class LedgerEvidenceCollector {

    private LedgerEvidenceCollector() {
    }

    /** What the leaf of a listed event must record; throws {@link LedgerInconsistent} (via {@link #require}) if it does not. */
    @FunctionalInterface
    interface LeafExpectation {
        void check(String eventId, LeafData leaf);
    }

    static LedgerEvidence collect(LedgerAccess ledger, List<ScopedEvent> events) {
        Map<String, DomainEventMessage<?>> byId = new HashMap<>();
        events.forEach(scoped -> byId.put(scoped.eventId(), scoped.event()));
        return collect(ledger, events.stream().map(ScopedEvent::eventId).toList(), (id, leaf) -> requireRecords(byId.get(id), leaf));
    }

    /** The evidence for any stored events (of files or of none), each leaf checked by {@code expectation}. */
    static LedgerEvidence collect(LedgerAccess ledger, List<String> eventIds, LeafExpectation expectation) {
        Ed25519PublicKeyParameters key = ledger.publicKey();
        SignedCheckpoint checkpoint = verified(ledger.latestCheckpoint(), key, "latest checkpoint");
        TreeHead head = checkpoint.checkpoint().head();
        Map<String, LeafRecord> records = ledger.leavesOf(eventIds);
        List<LeafIndex> indices = new ArrayList<>(eventIds.size());
        for (String eventId : eventIds) {
            LeafRecord record = records.get(eventId);
            if (record == null || !head.size().includes(record.index())) {
                throw new NotYetInLedger(eventId);
            }
            indices.add(record.index());
        }
        List<List<Sha256>> proofs = proofs(ledger, indices, head.size());
        Map<String, LedgerEvidence.Leaf> leaves = new LinkedHashMap<>();
        for (int i = 0; i < eventIds.size(); i++) {
            String eventId = eventIds.get(i);
            LeafRecord record = records.get(eventId);
            LeafData data = decode(eventId, record.leafBytes());
            expectation.check(eventId, data);
            requireIncluded(eventId, record, proofs.get(i), head);
            leaves.put(eventId, new LedgerEvidence.Leaf(record.index(), record.leafBytes(), data, proofs.get(i)));
        }
        return new LedgerEvidence(checkpoint, key, leaves, consistency(ledger, key, head));
    }

    private static List<List<Sha256>> proofs(LedgerAccess ledger, List<LeafIndex> indices, TreeSize size) {
        try {
            List<List<Sha256>> proofs = ledger.inclusionProofs(indices, size);
            if (proofs.size() != indices.size()) {
                throw new LedgerInconsistent("(all)", proofs.size() + " inclusion proofs for " + indices.size() + " leaves");
            }
            return proofs;
        } catch (ProofException e) {
            throw new LedgerInconsistent("(all)", e.failure().message());
        }
    }

    private static LeafData decode(String eventId, byte[] bytes) {
        try {
            return LeafData.decode(bytes);
        } catch (IllegalArgumentException e) {
            throw new LedgerInconsistent(eventId, "its leaf is not a version-1 leaf: " + e.getMessage());
        }
    }

    /** The leaf must name this event, at this place in this file, stored at this time, of this type. */
    private static void requireRecords(DomainEventMessage<?> event, LeafData leaf) {
        String id = event.getIdentifier();
        require(id, "event id", leaf.eventId().equals(id));
        require(id, "file id", event.getAggregateIdentifier().equals(leaf.fileId()));
        require(id, "sequence", leaf.sequence() == event.getSequenceNumber());
        require(id, "timestamp", leaf.timestamp().equals(event.getTimestamp()));
        require(id, "payload type", leaf.payloadType().equals(event.getPayloadType().getName()));
    }

    static void require(String eventId, String field, boolean matches) {
        if (!matches) {
            throw new LedgerInconsistent(eventId, "the leaf's " + field + " differs");
        }
    }

    private static void requireIncluded(String eventId, LeafRecord record, List<Sha256> proof, TreeHead head) {
        try {
            ProofVerifier.verifyInclusion(record.index(), MerkleHasher.hashLeaf(record.leafBytes()), proof, head);
        } catch (ProofException e) {
            throw new LedgerInconsistent(eventId, "inclusion proof: " + e.failure().message());
        }
    }

    private static Optional<LedgerEvidence.Consistency> consistency(LedgerAccess ledger, Ed25519PublicKeyParameters key,
                                                                    TreeHead head) {
        Optional<SignedCheckpoint> published = ledger.publishedCheckpointBefore(head.size());
        if (published.isEmpty() || published.get().checkpoint().head().size().value() == 0) {
            return Optional.empty();
        }
        SignedCheckpoint earlier = verified(published.get(), key, "earlier checkpoint");
        TreeHead older = earlier.checkpoint().head();
        try {
            List<Sha256> proof = ledger.consistencyProof(older.size(), head.size());
            ProofVerifier.verifyConsistency(older, head, proof);
            return Optional.of(new LedgerEvidence.Consistency(earlier, proof));
        } catch (ProofException e) {
            throw new LedgerInconsistent("(checkpoint " + older.size() + ")", "consistency proof: " + e.failure().message());
        }
    }

    private static SignedCheckpoint verified(SignedCheckpoint checkpoint, Ed25519PublicKeyParameters key, String what) {
        try {
            new CheckpointVerifier(checkpoint.checkpoint().origin(), key).verify(checkpoint);
            return checkpoint;
        } catch (CheckpointVerificationException e) {
            throw new LedgerInconsistent("(" + what + ")", e.failure().message());
        }
    }
}
