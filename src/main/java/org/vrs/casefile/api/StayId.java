package org.vrs.casefile.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies one shelter stay. */
public record StayId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public StayId {
        value = Ids.requireUuid(value, "stay id");
    }

    public static StayId random() {
        return new StayId(UUID.randomUUID().toString());
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
