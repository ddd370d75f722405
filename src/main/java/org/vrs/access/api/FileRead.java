package org.vrs.access.api;

import java.util.SortedSet;
import org.axonframework.serialization.Revision;
import org.vrs.casefile.api.Category;
import org.vrs.casefile.api.DataCategory;

/**
 * A read of a file: who, in which role and agency, for what purpose, on what basis, which
 * categories were shown in full or masked, under which policy version, through which path.
 * Stored in the event store like every other event (under the service key, with a ledger leaf).
 */
@Revision("1")
public record FileRead(
        @Category(DataCategory.CASE_ADMIN) String fileId,
        @Category(DataCategory.CASE_ADMIN) String actorId,
        @Category(DataCategory.CASE_ADMIN) String agencyId,
        @Category(DataCategory.CASE_ADMIN) String role,
        @Category(DataCategory.CASE_ADMIN) String path,
        @Category(DataCategory.CASE_ADMIN) String purpose,
        @Category(DataCategory.CASE_ADMIN) String basis,
        @Category(DataCategory.CASE_ADMIN) SortedSet<DataCategory> shownInFull,
        @Category(DataCategory.CASE_ADMIN) SortedSet<DataCategory> shownMasked,
        @Category(DataCategory.CASE_ADMIN) String policyVersion,
        @Category(DataCategory.CASE_ADMIN) String breakGlassReason,
        @Category(DataCategory.CASE_ADMIN) String ownerAgency) {
}
