package org.vrs.casefile.api;

import java.time.LocalDate;
import java.util.SortedSet;
import org.axonframework.serialization.Revision;

/** Consent to disclose the listed categories to the recipient agency for the purpose was given. */
@Revision("1")
public record ConsentGiven(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) ConsentId consentId,
        @Category(DataCategory.CONSENT_PROTECTION) SortedSet<DataCategory> categories,
        @Category(DataCategory.CONSENT_PROTECTION) AgencyId recipientAgency,
        @Category(DataCategory.CONSENT_PROTECTION) String purpose,
        @Category(DataCategory.CONSENT_PROTECTION) ConsentGiver givenBy,
        @Category(DataCategory.CONSENT_PROTECTION) PersonId representative,
        @Category(DataCategory.CONSENT_PROTECTION) LocalDate givenOn,
        @Category(DataCategory.CONSENT_PROTECTION) LocalDate expiresOn) implements FileEvent {
}
