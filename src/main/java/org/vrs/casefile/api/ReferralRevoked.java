package org.vrs.casefile.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A referral was revoked. */
@Revision("1")
public record ReferralRevoked(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) ReferralId referralId,
        @Category(DataCategory.CONSENT_PROTECTION) String reason,
        @Category(DataCategory.CONSENT_PROTECTION) LocalDate revokedOn) implements FileEvent {
}
