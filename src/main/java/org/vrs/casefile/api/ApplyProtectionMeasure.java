package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Applies a protection measure to the victim or a relative. */
public record ApplyProtectionMeasure(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotNull MeasureId measureId,
        @NotNull ProtectionMeasureType measure,
        @NotNull ProtectedPerson protectedPerson,
        PersonId relative,
        @NotBlank @Size(max = 2000) String reason,
        @NotNull @PastOrPresent LocalDate appliedOn) implements FileCommand {
}
