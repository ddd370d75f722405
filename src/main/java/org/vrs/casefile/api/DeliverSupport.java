package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records a delivery (payment or service) under a granted support. */
public record DeliverSupport(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotNull SupportId supportId,
        @PositiveOrZero @Max(1_000_000_000L) long amountVnd,
        @NotNull AgencyId provider,
        @NotNull @PastOrPresent LocalDate deliveredOn) implements FileCommand {
}
