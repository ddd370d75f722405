package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Adds a case note, tagged with the data category of what it says. */
public record AddCaseNote(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotNull NoteId noteId,
        @NotNull DataCategory category,
        @NotBlank @Size(max = 4000) String text) implements FileCommand {
}
