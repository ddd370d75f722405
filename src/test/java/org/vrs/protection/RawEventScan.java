package org.vrs.protection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * The baseline the replay and traceability benchmarks are compared with: one sequential JDBC read
 * of {@code domain_event_entry} in global-index order, no Axon, optionally opening every payload
 * with the real decryption (the service's {@link DataKeys}, {@link Envelope} and {@link Gcm}, as
 * {@link EncryptingEventStorageEngine} does, without deserialising).
 */
public final class RawEventScan {
    public record Result(long rows, long bytes, double seconds) {
        public double perSecond() {
            return rows / seconds;
        }
    }

    private RawEventScan() {
    }

    /** {@code keys} null reads only; otherwise every payload is authenticated and decrypted. */
    public static Result scan(Connection connection, DataKeys keys) throws SQLException {
        long started = System.nanoTime();
        long rows = 0;
        long bytes = 0;
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false); // the driver streams with a fetch size only inside a transaction
        try (PreparedStatement s = connection.prepareStatement("SELECT global_index, event_identifier, aggregate_identifier, "
                + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data FROM domain_event_entry "
                + "ORDER BY global_index")) {
            s.setFetchSize(1_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1);
                    String eventId = rs.getString(2);
                    String aggregateId = rs.getString(3);
                    long sequence = rs.getLong(4);
                    String type = rs.getString(5);
                    rs.getString(6);
                    String payloadType = rs.getString(7);
                    String revision = rs.getString(8);
                    byte[] payload = rs.getBytes(9);
                    byte[] metaData = rs.getBytes(10);
                    rows++;
                    bytes += payload.length + metaData.length;
                    if (keys != null) {
                        bytes += open(keys, eventId, type == null ? eventId : aggregateId, sequence, type, payloadType, revision, payload);
                    }
                }
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return new Result(rows, bytes, (System.nanoTime() - started) / 1e9);
    }

    private static int open(DataKeys keys, String eventId, String aggregateId, long sequence, String type, String payloadType,
                            String revision, byte[] stored) {
        Envelope envelope = Envelope.decode(stored);
        Optional<SecretKey> key = keys.find(envelope.keyId());
        if (key.isEmpty()) {
            return 0; // shredded: the engine substitutes a placeholder
        }
        byte[] aad = Envelope.aad(type, aggregateId, sequence, eventId, payloadType, revision, envelope.keyId());
        byte[] plain = Gcm.open(key.get(), envelope.sealed(), 0, aad);
        if (plain == null) {
            throw new IllegalStateException("event " + eventId + " does not authenticate");
        }
        return plain.length;
    }
}
