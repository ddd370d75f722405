package org.vrs.casefile.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A protection measure was lifted. */
@Revision("1")
public record ProtectionMeasureLifted(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) MeasureId measureId,
        @Category(DataCategory.CONSENT_PROTECTION) String reason,
        @Category(DataCategory.CONSENT_PROTECTION) LocalDate liftedOn) implements FileEvent {
}
