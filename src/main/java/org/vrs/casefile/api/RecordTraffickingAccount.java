package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records the person's account of being trafficked, or corrects an earlier one. */
public record RecordTraffickingAccount(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotNull @Valid TraffickingAccount account,
        @PositiveOrZero Long correctsSequence,
        @Size(max = 1000) String correctionReason) implements FileCommand {
}
