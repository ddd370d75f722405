package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Lifts an active protection measure. */
public record LiftProtectionMeasure(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotNull MeasureId measureId,
        @NotBlank @Size(max = 2000) String reason,
        @NotNull @PastOrPresent LocalDate liftedOn) implements FileCommand {
}
