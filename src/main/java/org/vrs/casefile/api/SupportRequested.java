package org.vrs.casefile.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Support under a regime was applied for. */
@Revision("1")
public record SupportRequested(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) SupportId supportId,
        @Category(DataCategory.SUPPORT) SupportRegime regime,
        @Category(DataCategory.SUPPORT) Long amountVnd,
        @Category(DataCategory.SUPPORT) LocalDate requestedOn,
        @Category(DataCategory.SUPPORT) String lateApplicationReason) implements FileEvent {
}
