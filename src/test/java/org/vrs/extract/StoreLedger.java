package org.vrs.extract;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.vrs.ledger.LeafIndex;
import org.vrs.ledger.ProofException;
import org.vrs.ledger.Sha256;
import org.vrs.ledger.SignedCheckpoint;
import org.vrs.ledger.TreeSize;
import org.vrs.protection.Envelope;
import org.vrs.support.RunningService;

/**
 * The ledger over a running service's real event rows, until the ledger branch's store replaces
 * it: {@link #sync()} reads {@code domain_event_entry} as the schema owner, in insert order, and
 * appends each new row's leaf (SHA-256 over the envelope's nonce, ciphertext and tag; key id from
 * the envelope; file events chained per file), then signs a checkpoint. Tests call it where the
 * ledger would have caught up.
 */
public final class StoreLedger implements LedgerAccess {

    private static final Map<RunningService, StoreLedger> REGISTERED = new IdentityHashMap<>();

    private final RunningService vrs;
    private final InMemoryLedger ledger;

    private StoreLedger(RunningService vrs, InMemoryLedger ledger) {
        this.vrs = vrs;
        this.ledger = ledger;
    }

    /** The ledger of this service, registered as its {@link LedgerAccess} bean on first use. */
    public static synchronized StoreLedger on(RunningService vrs) {
        return REGISTERED.computeIfAbsent(vrs, service -> {
            StoreLedger ledger = new StoreLedger(service, InMemoryLedger.withFreshKey());
            service.registerSingleton("testLedgerAccess", ledger);
            return ledger;
        });
    }

    /** Appends a leaf for every stored event not yet in the log and signs the new head. */
    public synchronized SignedCheckpoint sync() {
        try (Connection connection = vrs.ownerConnection();
             PreparedStatement rows = connection.prepareStatement("SELECT event_identifier, aggregate_identifier, sequence_number,"
                     + " type, time_stamp, payload_type, payload_revision, payload FROM domain_event_entry ORDER BY global_index");
             ResultSet rs = rows.executeQuery()) {
            while (rs.next()) {
                String eventId = rs.getString(1);
                if (!ledger.holds(eventId)) {
                    Envelope envelope = Envelope.decode(rs.getBytes(8));
                    ledger.append(eventId, rs.getString(4) == null ? null : rs.getString(2), rs.getLong(3), rs.getString(6),
                            rs.getString(7), Instant.parse(rs.getString(5)), envelope.keyId(), Sha256.digest(envelope.sealed()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ledger.sign();
    }

    /** {@link #sync()}, and publish the checkpoint, as a daily anchor would. */
    public synchronized SignedCheckpoint publish() {
        sync();
        return ledger.publish();
    }

    @Override
    public SignedCheckpoint latestCheckpoint() {
        return ledger.latestCheckpoint();
    }

    @Override
    public Optional<SignedCheckpoint> publishedCheckpointBefore(TreeSize size) {
        return ledger.publishedCheckpointBefore(size);
    }

    @Override
    public Optional<LeafRecord> leafOf(String eventId) {
        return ledger.leafOf(eventId);
    }

    @Override
    public List<Sha256> inclusionProof(LeafIndex index, TreeSize size) throws ProofException {
        return ledger.inclusionProof(index, size);
    }

    @Override
    public List<Sha256> consistencyProof(TreeSize older, TreeSize newer) throws ProofException {
        return ledger.consistencyProof(older, newer);
    }

    @Override
    public Ed25519PublicKeyParameters publicKey() {
        return ledger.publicKey();
    }
}
