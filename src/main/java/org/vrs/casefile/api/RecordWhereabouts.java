package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records where the person lives, works or studies, or corrects an earlier record. */
public record RecordWhereabouts(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotNull @Valid Whereabouts whereabouts,
        @PositiveOrZero Long correctsSequence,
        @Size(max = 1000) String correctionReason) implements FileCommand {
}
