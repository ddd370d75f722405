package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The recipient agency accepts a referral. */
public record AcceptReferral(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotNull ReferralId referralId,
        @NotNull @PastOrPresent LocalDate decidedOn) implements FileCommand {
}
