package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The recipient agency declines a referral. */
public record DeclineReferral(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotNull ReferralId referralId,
        @NotBlank @Size(max = 1000) String reason,
        @NotNull @PastOrPresent LocalDate decidedOn) implements FileCommand {
}
