package org.vrs.access;

import java.util.Map;
import org.vrs.casefile.api.AgencyId;

/**
 * Who is acting: a user of an agency, in one role, within a jurisdiction (a province, or {@code *}
 * for national agencies, and optionally one commune). No personal data: it goes into clear metadata.
 */
public record Actor(String userId, AgencyId agency, Role role, String province, String commune) {

    /** An actor whose jurisdiction is a whole province. */
    public Actor(String userId, AgencyId agency, Role role, String province) {
        this(userId, agency, role, province, null);
    }

    /** The clear metadata every event of this actor's commands carries. */
    public Map<String, Object> metadata(String reasonCode) {
        return reasonCode == null
                ? Map.of("actorId", userId, "agencyId", agency.value(), "role", role.name())
                : Map.of("actorId", userId, "agencyId", agency.value(), "role", role.name(), "reasonCode", reasonCode);
    }
}
