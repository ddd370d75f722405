package org.vrs.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.vrs.casefile.api.DataCategory;

/** An event the order covers, with each field either disclosed or withheld behind its salted hash. */
record ScopedEvent(DomainEventMessage<?> event, List<Field> fields) {

    ScopedEvent {
        fields = List.copyOf(fields);
    }

    String eventId() {
        return event.getIdentifier();
    }

    /** Exactly one of {@code value} (disclosed) and {@code saltedHash} (withheld) is set. */
    record Field(String name, DataCategory category, JsonNode value, String saltedHash) {

        boolean withheld() {
            return saltedHash != null;
        }
    }
}
