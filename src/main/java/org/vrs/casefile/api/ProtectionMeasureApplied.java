package org.vrs.casefile.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A protection measure was applied. */
@Revision("1")
public record ProtectionMeasureApplied(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) MeasureId measureId,
        @Category(DataCategory.CONSENT_PROTECTION) ProtectionMeasureType measure,
        @Category(DataCategory.CONSENT_PROTECTION) ProtectedPerson protectedPerson,
        @Category(DataCategory.CONSENT_PROTECTION) PersonId relative,
        @Category(DataCategory.CONSENT_PROTECTION) String reason,
        @Category(DataCategory.CONSENT_PROTECTION) LocalDate appliedOn) implements FileEvent {
}
