package org.vrs.casefile.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.SortedSet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a certified extract of the file was issued on a court's or procuracy's order.
 * Sent only by the extract service after it built the bundle whose hash it carries; there is no
 * HTTP command endpoint for it.
 */
public record IssueExtract(
        @TargetAggregateIdentifier @NotNull FileId fileId,
        @NotNull ExtractId extractId,
        @NotBlank @Size(max = 64) String requestedBy,
        @NotNull AgencyId issuingCourt,
        @NotBlank @Size(max = 200) String orderReference,
        @NotEmpty SortedSet<@NotNull DataCategory> categories,
        @NotNull LocalDate periodFrom,
        @NotNull LocalDate periodTo,
        @NotBlank @Size(max = 500) String purpose,
        @NotNull @Pattern(regexp = "[0-9a-f]{64}") String bundleSha256) implements FileCommand {
}
