package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Admits the person to a shelter. The shelter is where they are: whereabouts. */
public record AdmitToShelter(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotNull StayId stayId,
        @NotNull AgencyId shelter,
        @NotNull @PastOrPresent LocalDate admittedOn) implements FileCommand {
}
