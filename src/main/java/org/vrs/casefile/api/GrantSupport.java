package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Grants a requested support, with the amount and the providing agency. */
public record GrantSupport(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotNull SupportId supportId,
        @PositiveOrZero @Max(1_000_000_000L) long amountVnd,
        @NotNull AgencyId provider,
        @NotNull @PastOrPresent LocalDate decidedOn) implements FileCommand {
}
