package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records compensation actually paid; never more than ordered. */
public record RecordCompensationPaid(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotNull ProceedingId proceedingId,
        @Positive @Max(100_000_000_000L) long amountVnd,
        @NotNull @PastOrPresent LocalDate paidOn) implements FileCommand {
}
