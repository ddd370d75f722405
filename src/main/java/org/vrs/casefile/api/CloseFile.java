package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Closes the file; only reopening is possible afterwards. */
public record CloseFile(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotNull CloseReason reason,
        @Size(max = 1000) String details,
        @NotNull @PastOrPresent LocalDate closedOn) implements FileCommand {
}
