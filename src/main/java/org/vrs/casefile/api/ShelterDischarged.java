package org.vrs.casefile.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A shelter stay ended. */
@Revision("1")
public record ShelterDischarged(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) StayId stayId,
        @Category(DataCategory.SUPPORT) String reason,
        @Category(DataCategory.SUPPORT) LocalDate dischargedOn) implements FileEvent {
}
