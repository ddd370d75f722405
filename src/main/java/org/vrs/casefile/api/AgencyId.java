package org.vrs.casefile.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** An agency's identifier from the agency registry, e.g. {@code LC-POLICE-PROV}. Not personal data. */
public record AgencyId(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,63}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AgencyId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("agency id must be 2-64 characters of A-Z, 0-9, '-' or '_'");
        }
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
