package org.vrs.casefile.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A support was refused by the agency or declined by the victim. */
@Revision("1")
public record SupportRefused(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) SupportId supportId,
        @Category(DataCategory.SUPPORT) RefusingParty refusedBy,
        @Category(DataCategory.SUPPORT) String reason,
        @Category(DataCategory.SUPPORT) LocalDate decidedOn) implements FileEvent {
}
