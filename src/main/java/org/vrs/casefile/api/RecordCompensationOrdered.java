package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records compensation a court ordered in a linked proceeding. */
public record RecordCompensationOrdered(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotNull ProceedingId proceedingId,
        @Positive @Max(100_000_000_000L) long amountVnd,
        @NotNull @PastOrPresent LocalDate orderedOn) implements FileCommand {
}
