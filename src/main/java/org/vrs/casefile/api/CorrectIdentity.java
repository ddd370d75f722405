package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Corrects a recorded identity; the correction names the event it corrects. */
public record CorrectIdentity(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @PositiveOrZero long correctsSequence,
        @NotNull @Valid Identity identity,
        @NotBlank @Size(max = 1000) String reason) implements FileCommand {
}
