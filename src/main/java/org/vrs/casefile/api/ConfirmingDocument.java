package org.vrs.casefile.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The document that confirms a victim (Law 66/2011 Art. 28, Law 53/2024 Art. 33). */
public record ConfirmingDocument(
        @NotNull ConfirmingDocumentType type,
        @NotBlank @Size(max = 300) String issuingAuthority,
        @NotBlank @Size(max = 100) String number,
        @NotNull @PastOrPresent LocalDate issuedOn) {
}
