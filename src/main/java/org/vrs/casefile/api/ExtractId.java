package org.vrs.casefile.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies one certified extract issued to a court or procuracy. */
public record ExtractId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ExtractId {
        value = Ids.requireUuid(value, "extract id");
    }

    public static ExtractId random() {
        return new ExtractId(UUID.randomUUID().toString());
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
