package org.vrs.casefile.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies one victim file for its whole life; carries no personal data. */
public record FileId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public FileId {
        value = Ids.requireUuid(value, "file id");
    }

    public static FileId random() {
        return new FileId(UUID.randomUUID().toString());
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
