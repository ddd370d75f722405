package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.time.LocalDate;
import java.util.SortedSet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Refers the file to another agency, sharing named categories for a purpose until an expiry, on a consent or a legal basis. */
public record MakeReferral(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotNull ReferralId referralId,
        @NotNull AgencyId recipientAgency,
        @NotEmpty @Size(max = 9) SortedSet<DataCategory> categories,
        @NotBlank @Size(max = 1000) String purpose,
        ConsentId consentId,
        @Size(max = 1000) String legalBasis,
        @NotNull @PastOrPresent LocalDate madeOn,
        @NotNull LocalDate expiresOn) implements FileCommand {
}
