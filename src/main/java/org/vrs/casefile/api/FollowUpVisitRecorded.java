package org.vrs.casefile.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A follow-up visit was recorded. */
@Revision("1")
public record FollowUpVisitRecorded(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) LocalDate visitedOn,
        @Category(DataCategory.CASE_ADMIN) RiskLevel riskLevel,
        @Category(DataCategory.CASE_ADMIN) LocalDate nextDueOn,
        @Category(DataCategory.SUPPORT) String notes) implements FileEvent {
}
