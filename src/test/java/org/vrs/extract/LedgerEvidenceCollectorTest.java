package org.vrs.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.vrs.casefile.api.DataCategory;
import org.vrs.ledger.LeafIndex;
import org.vrs.ledger.ProofException;
import org.vrs.ledger.Sha256;
import org.vrs.ledger.TreeSize;

/** The service checks the ledger's answers before a court sees them: late leaves ask for a retry, lies stop the extract. */
class LedgerEvidenceCollectorTest {

    private static List<ScopedEvent> scoped(List<DomainEventMessage<?>> events) {
        return ExtractScope.select(events.stream(), TestBundles.order(DataCategory.CASE_ADMIN), TestBundles.VIETNAM, FieldSalts.fresh());
    }

    @Test
    void anEventWhoseLeafIsNotYetUnderASignedCheckpointAsksForARetry() {
        TestBundles.Made made = TestBundles.make();
        InMemoryLedger behind = InMemoryLedger.withFreshKey();
        behind.sign();
        for (DomainEventMessage<?> e : made.events()) {
            behind.append(e.getIdentifier(), TestBundles.FILE.value(), e.getSequenceNumber(), e.getPayloadType().getName(), "1",
                    e.getTimestamp(), "k", Sha256.ZERO);
        }
        List<ScopedEvent> events = scoped(made.events());

        assertThatThrownBy(() -> LedgerEvidenceCollector.collect(behind, events))
                .isInstanceOfSatisfying(ExtractRefusal.NotYetInLedger.class,
                        r -> assertThat(r.eventId()).isEqualTo(made.events().get(0).getIdentifier()));
        assertThatThrownBy(() -> LedgerEvidenceCollector.collect(InMemoryLedger.withFreshKey(), events))
                .isInstanceOf(ExtractRefusal.NotYetInLedger.class);
    }

    @Test
    void aLeafRecordingAnotherEventStopsTheExtract() {
        TestBundles.Made made = TestBundles.make();
        List<ScopedEvent> events = scoped(made.events());
        LedgerAccess swapping = new Delegating(made.ledger()) {
            @Override
            public Optional<LeafRecord> leafOf(String eventId) {
                return made.ledger().leafOf(eventId.equals(made.events().get(1).getIdentifier())
                        ? made.events().get(2).getIdentifier() : eventId);
            }
        };

        assertThatThrownBy(() -> LedgerEvidenceCollector.collect(swapping, events))
                .isInstanceOfSatisfying(ExtractRefusal.LedgerInconsistent.class,
                        r -> assertThat(r.eventId()).isEqualTo(made.events().get(1).getIdentifier()))
                .hasMessageContaining("the leaf's event id differs");
    }

    @Test
    void aWrongInclusionProofStopsTheExtract() {
        TestBundles.Made made = TestBundles.make();
        List<ScopedEvent> events = scoped(made.events());
        LedgerAccess lying = new Delegating(made.ledger()) {
            @Override
            public List<Sha256> inclusionProof(LeafIndex index, TreeSize size) throws ProofException {
                List<Sha256> proof = new java.util.ArrayList<>(made.ledger().inclusionProof(index, size));
                proof.set(0, Sha256.ZERO);
                return proof;
            }
        };

        assertThatThrownBy(() -> LedgerEvidenceCollector.collect(lying, events))
                .isInstanceOf(ExtractRefusal.LedgerInconsistent.class).hasMessageContaining("inclusion proof: root calculated");
    }

    /** A ledger that answers as another does, unless a test overrides an answer. */
    private static class Delegating implements LedgerAccess {
        private final LedgerAccess delegate;

        Delegating(LedgerAccess delegate) {
            this.delegate = delegate;
        }

        @Override
        public org.vrs.ledger.SignedCheckpoint latestCheckpoint() {
            return delegate.latestCheckpoint();
        }

        @Override
        public Optional<org.vrs.ledger.SignedCheckpoint> publishedCheckpointBefore(TreeSize size) {
            return delegate.publishedCheckpointBefore(size);
        }

        @Override
        public Optional<LeafRecord> leafOf(String eventId) {
            return delegate.leafOf(eventId);
        }

        @Override
        public List<Sha256> inclusionProof(LeafIndex index, TreeSize size) throws ProofException {
            return delegate.inclusionProof(index, size);
        }

        @Override
        public List<Sha256> consistencyProof(TreeSize older, TreeSize newer) throws ProofException {
            return delegate.consistencyProof(older, newer);
        }

        @Override
        public org.bouncycastle.crypto.params.Ed25519PublicKeyParameters publicKey() {
            return delegate.publicKey();
        }
    }
}
