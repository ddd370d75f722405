package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Asks an agency to verify whether the person is a victim, by a due date (default from the rule book). */
public record RequestVerification(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotNull AgencyId verifyingAgency,
        @NotNull @PastOrPresent LocalDate requestedOn,
        LocalDate dueOn) implements FileCommand {
}
