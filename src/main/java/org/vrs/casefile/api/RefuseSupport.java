package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Refuses a support: by the deciding agency, or by the victim, who may refuse any support. */
public record RefuseSupport(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotNull SupportId supportId,
        @NotNull RefusingParty refusedBy,
        @NotBlank @Size(max = 1000) String reason,
        @NotNull @PastOrPresent LocalDate decidedOn) implements FileCommand {
}
