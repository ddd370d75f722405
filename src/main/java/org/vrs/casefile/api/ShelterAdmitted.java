package org.vrs.casefile.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The person was admitted to a shelter. */
@Revision("1")
public record ShelterAdmitted(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) StayId stayId,
        @Category(DataCategory.WHEREABOUTS) AgencyId shelter,
        @Category(DataCategory.SUPPORT) LocalDate admittedOn) implements FileEvent {
}
