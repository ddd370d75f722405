package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Links a legal proceeding in which the victim takes part. */
public record LinkLegalProceeding(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotNull ProceedingId proceedingId,
        @NotBlank @Size(max = 300) String court,
        @NotBlank @Size(max = 100) String caseNumber,
        @NotNull ProceedingRole role,
        boolean closedTrialRequested,
        @NotNull @PastOrPresent LocalDate linkedOn) implements FileCommand {
}
