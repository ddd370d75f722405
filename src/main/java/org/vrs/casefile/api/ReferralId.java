package org.vrs.casefile.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies one referral of a file to another agency. */
public record ReferralId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ReferralId {
        value = Ids.requireUuid(value, "referral id");
    }

    public static ReferralId random() {
        return new ReferralId(UUID.randomUUID().toString());
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
