package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Destroys every data key of the file on an erasure order: its content becomes unreadable forever. */
public record ShredFileKeys(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotBlank @Size(max = 200) String erasureOrderReference,
        @NotBlank @Size(max = 300) String orderedBy,
        @NotNull @PastOrPresent LocalDate orderedOn) implements FileCommand {
}
