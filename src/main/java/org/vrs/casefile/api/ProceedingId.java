package org.vrs.casefile.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies one legal proceeding linked to a file. */
public record ProceedingId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ProceedingId {
        value = Ids.requireUuid(value, "proceeding id");
    }

    public static ProceedingId random() {
        return new ProceedingId(UUID.randomUUID().toString());
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
