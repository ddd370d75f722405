package org.vrs.access.api;

import org.axonframework.serialization.Revision;
import org.vrs.casefile.api.Category;
import org.vrs.casefile.api.DataCategory;

/** A refused attempt to read a file, recorded so auditors see who tried to read what they may not. */
@Revision("1")
public record FileReadRefused(
        @Category(DataCategory.CASE_ADMIN) String fileId,
        @Category(DataCategory.CASE_ADMIN) String actorId,
        @Category(DataCategory.CASE_ADMIN) String agencyId,
        @Category(DataCategory.CASE_ADMIN) String role,
        @Category(DataCategory.CASE_ADMIN) String path,
        @Category(DataCategory.CASE_ADMIN) String purpose,
        @Category(DataCategory.CASE_ADMIN) String reason,
        @Category(DataCategory.CASE_ADMIN) String policyVersion) {
}
