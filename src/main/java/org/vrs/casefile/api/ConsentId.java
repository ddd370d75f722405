package org.vrs.casefile.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies one consent given on a file. */
public record ConsentId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ConsentId {
        value = Ids.requireUuid(value, "consent id");
    }

    public static ConsentId random() {
        return new ConsentId(UUID.randomUUID().toString());
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
