package org.vrs.casefile.api;

import java.time.LocalDate;

/** One agency of the registry: who it is, where it acts, and when it exists. */
public record Agency(AgencyId id, String name, AgencyType type, String province, String commune,
                     LocalDate activeFrom, LocalDate activeUntil) {

    public boolean activeOn(LocalDate day) {
        return (activeFrom == null || !day.isBefore(activeFrom)) && (activeUntil == null || !day.isAfter(activeUntil));
    }
}
