package org.vrs.audit.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.vrs.casefile.api.Category;
import org.vrs.casefile.api.DataCategory;

/**
 * An auditor exported a period's audit trail: who, what period and province, why, under which
 * reference, how many events, against which tree size, and the SHA-256 of the bundle handed out.
 * An event of no file (like {@code FileRead}), stored under the service key, with a ledger leaf.
 */
@Revision("1")
public record AuditTrailExported(
        @Category(DataCategory.CASE_ADMIN) String exportId,
        @Category(DataCategory.CASE_ADMIN) String actorId,
        @Category(DataCategory.CASE_ADMIN) String agencyId,
        @Category(DataCategory.CASE_ADMIN) String role,
        @Category(DataCategory.CASE_ADMIN) Instant periodFrom,
        @Category(DataCategory.CASE_ADMIN) Instant periodTo,
        @Category(DataCategory.CASE_ADMIN) String province,
        @Category(DataCategory.CASE_ADMIN) String purpose,
        @Category(DataCategory.CASE_ADMIN) String reference,
        @Category(DataCategory.CASE_ADMIN) int events,
        @Category(DataCategory.CASE_ADMIN) long treeSize,
        @Category(DataCategory.CASE_ADMIN) String bundleSha256) {
}
