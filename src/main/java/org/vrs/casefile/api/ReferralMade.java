package org.vrs.casefile.api;

import java.time.LocalDate;
import java.util.SortedSet;
import org.axonframework.serialization.Revision;

/** The file was referred to an agency; the referral names what is shared, why, until when, and on what consent or legal basis. */
@Revision("1")
public record ReferralMade(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) ReferralId referralId,
        @Category(DataCategory.CONSENT_PROTECTION) AgencyId recipientAgency,
        @Category(DataCategory.CONSENT_PROTECTION) SortedSet<DataCategory> categories,
        @Category(DataCategory.CONSENT_PROTECTION) String purpose,
        @Category(DataCategory.CONSENT_PROTECTION) ConsentId consentId,
        @Category(DataCategory.CONSENT_PROTECTION) String legalBasis,
        @Category(DataCategory.CONSENT_PROTECTION) LocalDate madeOn,
        @Category(DataCategory.CONSENT_PROTECTION) LocalDate expiresOn) implements FileEvent {
}
