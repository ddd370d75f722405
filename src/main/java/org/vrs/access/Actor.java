package org.vrs.access;

import java.util.Map;
import org.vrs.casefile.api.AgencyId;

/** Who is acting: a user of an agency, in one role, within a jurisdiction. No personal data. */
public record Actor(String userId, AgencyId agency, Role role, String province) {

    /** The clear metadata every event of this actor's commands carries. */
    public Map<String, Object> metadata(String reasonCode) {
        return reasonCode == null
                ? Map.of("actorId", userId, "agencyId", agency.value(), "role", role.name())
                : Map.of("actorId", userId, "agencyId", agency.value(), "role", role.name(), "reasonCode", reasonCode);
    }
}
