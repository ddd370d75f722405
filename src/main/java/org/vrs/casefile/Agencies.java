package org.vrs.casefile;

import java.time.LocalDate;
import java.util.Optional;
import org.vrs.casefile.api.Agency;
import org.vrs.casefile.api.AgencyId;

/** The agency registry as the file sees it: agencies change by configuration, never by code. */
public interface Agencies {

    Optional<Agency> find(AgencyId id);

    default Agency activeOn(AgencyId id, LocalDate day) {
        return find(id).filter(a -> a.activeOn(day)).orElseThrow(() -> new FileRefusal.UnknownAgency(id, day));
    }
}
