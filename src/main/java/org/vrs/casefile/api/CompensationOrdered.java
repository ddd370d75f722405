package org.vrs.casefile.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Compensation was ordered in a proceeding. */
@Revision("1")
public record CompensationOrdered(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) ProceedingId proceedingId,
        @Category(DataCategory.LEGAL) long amountVnd,
        @Category(DataCategory.LEGAL) LocalDate orderedOn) implements FileEvent {
}
