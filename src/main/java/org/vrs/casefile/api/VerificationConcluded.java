package org.vrs.casefile.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Identification concluded; the status moves to confirmed victim or not confirmed. */
@Revision("1")
public record VerificationConcluded(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) VerificationOutcome outcome,
        @Category(DataCategory.LEGAL) ConfirmingDocument document,
        @Category(DataCategory.LEGAL) String reason,
        @Category(DataCategory.CASE_ADMIN) LocalDate concludedOn) implements FileEvent {
}
