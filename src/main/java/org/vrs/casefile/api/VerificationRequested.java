package org.vrs.casefile.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Verification was requested from an agency, due by {@code dueOn}. */
@Revision("1")
public record VerificationRequested(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) AgencyId verifyingAgency,
        @Category(DataCategory.CASE_ADMIN) LocalDate requestedOn,
        @Category(DataCategory.CASE_ADMIN) LocalDate dueOn) implements FileEvent {
}
