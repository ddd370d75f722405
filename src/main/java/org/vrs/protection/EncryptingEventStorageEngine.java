package org.vrs.protection;

import static org.axonframework.eventhandling.EventUtils.asDomainEventMessage;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.vrs.casefile.api.FileKeysShredded;
import org.vrs.casefile.api.ServiceKeyed;
import org.vrs.casefile.api.ShreddedPayload;

/**
 * Axon's JDBC engine with envelope encryption at its only two doors: rows are sealed as they are
 * inserted and opened as they are read, so aggregates, processors and replays see plaintext
 * objects and the database only ever sees ciphertext. There is no plaintext path: without a key,
 * the append fails.
 */
public class EncryptingEventStorageEngine extends JdbcEventStorageEngine {
    private static final String SHREDDED_TYPE = ShreddedPayload.class.getName();

    private final DataKeys keys;

    public EncryptingEventStorageEngine(Builder builder, DataKeys keys) {
        super(builder.dataType(byte[].class));
        this.keys = keys;
    }

    @Override
    protected PreparedStatement appendEvents(Connection connection, List<? extends EventMessage<?>> events,
                                             Serializer serializer) throws SQLException {
        EventSchema schema = schema();
        PreparedStatement statement = connection.prepareStatement("INSERT INTO " + schema.domainEventTable()
                + " (" + schema.domainEventFields() + ") VALUES (?,?,?,?,?,?,?,?,?)");
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEventMessage(message);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            String type = payload.getType().getName();
            String revision = payload.getType().getRevision();
            boolean fileKeyed = event.getType() != null && !event.getPayloadType().isAnnotationPresent(ServiceKeyed.class);
            String keyId = fileKeyed ? DataKeys.fileKeyId(event.getAggregateIdentifier()) : DataKeys.SERVICE_KEY_ID;
            SecretKey key = fileKeyed ? keys.forFile(event.getAggregateIdentifier()) : keys.serviceKey();
            byte[] aad = Envelope.aad(event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                    event.getIdentifier(), type, revision, keyId);
            byte[] sealed = new Envelope(keyId, Gcm.seal(key, payload.getData(), aad)).encode();

            statement.setString(1, event.getIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            writeTimestamp(statement, 5, event.getTimestamp());
            statement.setString(6, type);
            statement.setString(7, revision);
            statement.setBytes(8, sealed);
            statement.setBytes(9, metaData.getData());
            statement.addBatch();
            if (event.getPayload() instanceof FileKeysShredded shredded) {
                // same transaction as the event: the keys are gone if and only if the order is on record
                keys.shred(event.getAggregateIdentifier(), shredded.erasureOrderReference());
            }
        }
        return statement;
    }

    @Override
    protected PreparedStatement appendSnapshot(Connection connection, DomainEventMessage<?> snapshot, Serializer serializer) {
        throw new UnsupportedOperationException("snapshots are not used: they would store file state outside the encrypted events");
    }

    /**
     * No snapshot is ever written (see {@link #appendSnapshot}), so none is looked for: Axon would
     * otherwise query the empty snapshot table before every command's replay.
     */
    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return open((DomainEventData<?>) super.getDomainEventData(resultSet));
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken) throws SQLException {
        TrackedEventData<?> tracked = super.getTrackedEventData(resultSet, previousToken);
        return new TrackedDomainEventData<>(tracked.trackingToken(), open((DomainEventData<?>) tracked));
    }

    private DomainEventData<byte[]> open(DomainEventData<?> stored) {
        SerializedObject<?> payload = stored.getPayload();
        String type = payload.getType().getName();
        String revision = payload.getType().getRevision();
        Envelope envelope;
        try {
            envelope = Envelope.decode((byte[]) payload.getData());
        } catch (ProtectionException.IntegrityViolation e) {
            throw violation(stored, e.getMessage());
        }
        Optional<SecretKey> key = keys.find(envelope.keyId());
        byte[] plain;
        if (key.isEmpty()) {
            if (!keys.wasShredded(envelope.keyId())) {
                throw violation(stored, "its key " + envelope.keyId() + " does not exist");
            }
            type = SHREDDED_TYPE;
            revision = null;
            plain = ("{\"originalType\":\"" + payload.getType().getName() + "\",\"content\":\"" + ShreddedPayload.CONTENT + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            // events outside any file are stored with their own id as aggregate id; Axon reads it back as null
            String aggregateId = stored.getType() == null ? stored.getEventIdentifier() : stored.getAggregateIdentifier();
            byte[] aad = Envelope.aad(stored.getType(), aggregateId, stored.getSequenceNumber(),
                    stored.getEventIdentifier(), type, revision, envelope.keyId());
            plain = Gcm.open(key.get(), envelope.sealed(), 0, aad);
            if (plain == null) {
                throw violation(stored, "its ciphertext does not authenticate under key " + envelope.keyId()
                        + " (altered, or moved from another event)");
            }
        }
        return new GenericDomainEventEntry<>(stored.getType(), stored.getAggregateIdentifier(), stored.getSequenceNumber(),
                stored.getEventIdentifier(), stored.getTimestamp(), type, revision, plain,
                (byte[]) stored.getMetaData().getData());
    }

    private static ProtectionException.IntegrityViolation violation(DomainEventData<?> stored, String why) {
        return new ProtectionException.IntegrityViolation("event " + stored.getEventIdentifier() + " (aggregate "
                + stored.getAggregateIdentifier() + ", sequence " + stored.getSequenceNumber() + ") failed its integrity check: " + why);
    }
}
