package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a file for a person received through one of the reception channels. */
public record OpenFile(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @NotNull ReceptionChannel channel,
        @NotNull AgencyId receivingAgency,
        @NotNull @PastOrPresent LocalDate receivedOn) implements FileCommand {
}
