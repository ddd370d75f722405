package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Ends a shelter stay. */
public record DischargeFromShelter(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotNull StayId stayId,
        @NotBlank @Size(max = 1000) String reason,
        @NotNull @PastOrPresent LocalDate dischargedOn) implements FileCommand {
}
