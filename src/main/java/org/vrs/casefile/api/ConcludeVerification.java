package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Concludes identification: confirmed with a confirming document, or not confirmed with a reason. */
public record ConcludeVerification(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotNull VerificationOutcome outcome,
        @Valid ConfirmingDocument document,
        @Size(max = 2000) String reason,
        @NotNull @PastOrPresent LocalDate concludedOn) implements FileCommand {
}
