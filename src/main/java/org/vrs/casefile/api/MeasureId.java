package org.vrs.casefile.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies one protection measure applied on a file. */
public record MeasureId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public MeasureId {
        value = Ids.requireUuid(value, "measure id");
    }

    public static MeasureId random() {
        return new MeasureId(UUID.randomUUID().toString());
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
