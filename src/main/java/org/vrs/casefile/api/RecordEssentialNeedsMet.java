package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.time.LocalDate;
import java.util.SortedSet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records the essential needs met on reception (Art. 37(a)). */
public record RecordEssentialNeedsMet(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotEmpty @Size(max = 20) SortedSet<EssentialNeed> needs,
        @NotNull AgencyId providerAgency,
        @NotNull @PastOrPresent LocalDate providedOn) implements FileCommand {
}
