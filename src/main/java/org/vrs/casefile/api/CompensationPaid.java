package org.vrs.casefile.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Compensation was paid in a proceeding. */
@Revision("1")
public record CompensationPaid(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) ProceedingId proceedingId,
        @Category(DataCategory.LEGAL) long amountVnd,
        @Category(DataCategory.LEGAL) LocalDate paidOn) implements FileEvent {
}
