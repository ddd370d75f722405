package org.vrs.casefile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records a reintegration follow-up visit with the assessed risk and the next due date. */
public record RecordFollowUpVisit(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @TargetAggregateVersion Long expectedSequence,
        @NotNull @PastOrPresent LocalDate visitedOn,
        @NotNull RiskLevel riskLevel,
        LocalDate nextDueOn,
        @Size(max = 4000) String notes) implements FileCommand {
}
