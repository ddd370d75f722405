package org.vrs.casefile.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies one support case (request, decision, deliveries) under one regime. */
public record SupportId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SupportId {
        value = Ids.requireUuid(value, "support id");
    }

    public static SupportId random() {
        return new SupportId(UUID.randomUUID().toString());
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
