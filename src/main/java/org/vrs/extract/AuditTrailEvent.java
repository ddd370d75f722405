package org.vrs.extract;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One stored event as an audit trail lists it: what the event table holds in clear (identifiers,
 * type, position, time, and the clear metadata of who acted and why), never its payload.
 *
 * @param fileId null for events of no file (access records, exports)
 * @param metadata only the clear metadata keys of {@link AuditTrailBundles#METADATA_KEYS}
 */
public record AuditTrailEvent(String eventId, String type, String revision, String fileId, long sequence, Instant time,
                              Map<String, String> metadata) {

    public AuditTrailEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        metadata = Map.copyOf(metadata);
    }
}
