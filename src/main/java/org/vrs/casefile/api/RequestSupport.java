package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Applies for support under one regime of Art. 37. */
public record RequestSupport(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotNull SupportId supportId,
        @NotNull SupportRegime regime,
        @PositiveOrZero @Max(1_000_000_000L) Long amountVnd,
        @NotNull @PastOrPresent LocalDate requestedOn,
        @Size(max = 1000) String lateApplicationReason) implements FileCommand {
}
