package org.vrs.casefile.api;

import java.time.LocalDate;
import java.util.SortedSet;
import org.axonframework.serialization.Revision;

/**
 * A certified extract of the file was issued: to whom, on which order of which court, covering
 * which categories and period, and the SHA-256 of the zip bundle handed over.
 */
@Revision("1")
public record ExtractIssued(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) ExtractId extractId,
        @Category(DataCategory.CASE_ADMIN) String requestedBy,
        @Category(DataCategory.CASE_ADMIN) AgencyId issuingCourt,
        @Category(DataCategory.LEGAL) String orderReference,
        @Category(DataCategory.LEGAL) SortedSet<DataCategory> categories,
        @Category(DataCategory.LEGAL) LocalDate periodFrom,
        @Category(DataCategory.LEGAL) LocalDate periodTo,
        @Category(DataCategory.LEGAL) String purpose,
        @Category(DataCategory.CASE_ADMIN) String bundleSha256) implements FileEvent {
}
