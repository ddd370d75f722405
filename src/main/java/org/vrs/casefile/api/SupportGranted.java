package org.vrs.casefile.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A support request was granted. */
@Revision("1")
public record SupportGranted(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) SupportId supportId,
        @Category(DataCategory.SUPPORT) long amountVnd,
        @Category(DataCategory.SUPPORT) AgencyId provider,
        @Category(DataCategory.SUPPORT) LocalDate decidedOn) implements FileEvent {
}
