package org.vrs.casefile.api;

import java.time.LocalDate;
import java.util.SortedSet;
import org.axonframework.serialization.Revision;

/** Essential needs were met. */
@Revision("1")
public record EssentialNeedsMet(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.SUPPORT) SortedSet<EssentialNeed> needs,
        @Category(DataCategory.SUPPORT) AgencyId providerAgency,
        @Category(DataCategory.SUPPORT) LocalDate providedOn) implements FileEvent {
}
