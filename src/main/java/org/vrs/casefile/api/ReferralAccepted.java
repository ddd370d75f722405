package org.vrs.casefile.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A referral was accepted by its recipient. */
@Revision("1")
public record ReferralAccepted(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) ReferralId referralId,
        @Category(DataCategory.CONSENT_PROTECTION) LocalDate decidedOn) implements FileEvent {
}
