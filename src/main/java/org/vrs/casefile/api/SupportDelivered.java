package org.vrs.casefile.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Support was delivered under a grant. */
@Revision("1")
public record SupportDelivered(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) SupportId supportId,
        @Category(DataCategory.SUPPORT) long amountVnd,
        @Category(DataCategory.SUPPORT) AgencyId provider,
        @Category(DataCategory.SUPPORT) LocalDate deliveredOn) implements FileEvent {
}
