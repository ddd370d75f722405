package org.vrs.casefile.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies one case note. */
public record NoteId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public NoteId {
        value = Ids.requireUuid(value, "note id");
    }

    public static NoteId random() {
        return new NoteId(UUID.randomUUID().toString());
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
