package org.vrs.casefile.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies one related person recorded on a file. */
public record PersonId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PersonId {
        value = Ids.requireUuid(value, "person id");
    }

    public static PersonId random() {
        return new PersonId(UUID.randomUUID().toString());
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
