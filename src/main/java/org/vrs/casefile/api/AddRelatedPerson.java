package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records an accompanying child, relative, guardian or lawful representative. */
public record AddRelatedPerson(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotNull PersonId personId,
        @NotNull Relation relation,
        @NotBlank @Size(max = 200) String fullName,
        @Past LocalDate dateOfBirth,
        @Size(max = 200) String contact) implements FileCommand {
}
