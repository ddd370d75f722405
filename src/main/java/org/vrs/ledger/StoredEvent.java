package org.vrs.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.vrs.protection.Envelope;
import org.vrs.protection.ProtectionException;

/**
 * An event row of {@code domain_event_entry} as the ledger reads it: the clear columns and the
 * stored payload envelope. The integrator and {@link StoreVerifier} both derive leaves here, so
 * they cannot disagree about what a leaf commits to.
 */
record StoredEvent(
        long globalIndex,
        String eventId,
        String aggregateId,
        long sequence,
        String aggregateType,
        String timestamp,
        String payloadType,
        String payloadRevision,
        byte[] payload) {

    /** The columns {@link #read(ResultSet)} expects, in order; prefix with a table alias if needed. */
    static String columns(String alias) {
        String a = alias.isEmpty() ? "" : alias + ".";
        return a + "global_index, " + a + "event_identifier, " + a + "aggregate_identifier, " + a + "sequence_number, "
                + a + "type, " + a + "time_stamp, " + a + "payload_type, " + a + "payload_revision, " + a + "payload";
    }

    /** Reads the {@link #columns(String)} starting at the given column position. */
    static StoredEvent read(ResultSet rs, int first) throws SQLException {
        return new StoredEvent(rs.getLong(first), rs.getString(first + 1), rs.getString(first + 2), rs.getLong(first + 3),
                rs.getString(first + 4), rs.getString(first + 5), rs.getString(first + 6), rs.getString(first + 7),
                rs.getBytes(first + 8));
    }

    /** Events stored with an aggregate type belong to a victim file; later issues add events of no file. */
    String fileId() {
        return aggregateType == null ? null : aggregateId;
    }

    /**
     * The leaf of this row: the file id only for events of a file, the payload's key id and
     * SHA-256 of its sealed bytes (GCM nonce, ciphertext and tag, everything after the key id).
     *
     * @throws LeafDerivationException if the row cannot be a leaf (no envelope, bad timestamp, ...)
     */
    LeafData toLeaf(Sha256 previousLeafOfFile) {
        Envelope envelope;
        try {
            envelope = Envelope.decode(payload);
        } catch (ProtectionException.IntegrityViolation e) {
            throw new LeafDerivationException("payload", e.getMessage());
        }
        try {
            return new LeafData(eventId, fileId(), sequence, payloadType, payloadRevision, instant(), envelope.keyId(),
                    Sha256.digest(envelope.sealed()), previousLeafOfFile);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new LeafDerivationException("columns", e.getMessage());
        }
    }

    private Instant instant() {
        try {
            return Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(timestamp));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("time_stamp '" + Sha256.abbreviate(String.valueOf(timestamp))
                    + "' is not an ISO-8601 instant");
        }
    }

    /** A row that no leaf can be made of; the message names the part. */
    static final class LeafDerivationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LeafDerivationException(String part, String message) {
            super(part + ": " + message);
        }
    }
}
