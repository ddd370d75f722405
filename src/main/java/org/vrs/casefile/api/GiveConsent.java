package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.time.LocalDate;
import java.util.SortedSet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records the person's (or their lawful representative's) consent to disclose categories to an agency for a purpose. */
public record GiveConsent(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotNull ConsentId consentId,
        @NotEmpty @Size(max = 9) SortedSet<DataCategory> categories,
        @NotNull AgencyId recipientAgency,
        @NotBlank @Size(max = 1000) String purpose,
        @NotNull ConsentGiver givenBy,
        PersonId representative,
        @NotNull @PastOrPresent LocalDate givenOn,
        LocalDate expiresOn) implements FileCommand {
}
