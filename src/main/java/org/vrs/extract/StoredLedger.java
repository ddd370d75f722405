package org.vrs.extract;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.vrs.ledger.LeafIndex;
import org.vrs.ledger.LedgerQueries;
import org.vrs.ledger.LedgerSigningKey;
import org.vrs.ledger.ProofException;
import org.vrs.ledger.Sha256;
import org.vrs.ledger.SignedCheckpoint;
import org.vrs.ledger.TreeSize;
import org.vrs.ledger.TreeSizeUnavailableException;

/**
 * The service's own ledger as extracts see it. "Published" checkpoints are the stored ones: each
 * was served on {@code GET /api/v1/ledger/checkpoint} while it was the newest, so a court or
 * auditor may hold a copy to compare with.
 */
final class StoredLedger implements LedgerAccess {

    private final LedgerQueries ledger;
    private final LedgerSigningKey key;

    StoredLedger(LedgerQueries ledger, LedgerSigningKey key) {
        this.ledger = ledger;
        this.key = key;
    }

    @Override
    public SignedCheckpoint latestCheckpoint() {
        return ledger.latestSignedCheckpoint().orElseThrow(ExtractRefusal.LedgerUnavailable::new);
    }

    @Override
    public Optional<SignedCheckpoint> publishedCheckpointBefore(TreeSize size) {
        return ledger.signedCheckpointBelow(size);
    }

    @Override
    public Optional<LeafRecord> leafOf(String eventId) {
        return Optional.ofNullable(leavesOf(List.of(eventId)).get(eventId));
    }

    @Override
    public Map<String, LeafRecord> leavesOf(Collection<String> eventIds) {
        Map<String, LeafRecord> records = new LinkedHashMap<>();
        ledger.leavesOf(eventIds).forEach((eventId, leaf) -> records.put(eventId, new LeafRecord(leaf.index(), leaf.bytes())));
        return records;
    }

    @Override
    public List<Sha256> inclusionProof(LeafIndex index, TreeSize size) throws ProofException {
        try {
            return ledger.inclusionProof(index, size).hashes();
        } catch (TreeSizeUnavailableException e) {
            // sizes come from checkpoints the ledger signed, so it always holds them
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** One query for all the nodes, where the default asks once per proof. */
    @Override
    public List<List<Sha256>> inclusionProofs(List<LeafIndex> indices, TreeSize size) throws ProofException {
        try {
            return ledger.inclusionProofs(indices, size);
        } catch (TreeSizeUnavailableException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public List<Sha256> consistencyProof(TreeSize older, TreeSize newer) throws ProofException {
        try {
            return ledger.consistencyProof(older, newer).hashes();
        } catch (TreeSizeUnavailableException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public Ed25519PublicKeyParameters publicKey() {
        return key.publicKey();
    }
}
