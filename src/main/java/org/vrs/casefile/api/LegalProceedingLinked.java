package org.vrs.casefile.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A legal proceeding was linked to the file. */
@Revision("1")
public record LegalProceedingLinked(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) ProceedingId proceedingId,
        @Category(DataCategory.LEGAL) String court,
        @Category(DataCategory.LEGAL) String caseNumber,
        @Category(DataCategory.LEGAL) ProceedingRole role,
        @Category(DataCategory.LEGAL) boolean closedTrialRequested,
        @Category(DataCategory.LEGAL) LocalDate linkedOn) implements FileEvent {
}
