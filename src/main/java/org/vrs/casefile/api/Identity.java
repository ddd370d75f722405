package org.vrs.casefile.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** Who the person is. The whole value is identity data. */
public record Identity(
        @NotBlank @Size(max = 200) String fullName,
        @Size(max = 10) List<@NotBlank @Size(max = 200) String> otherNames,
        @Past LocalDate dateOfBirth,
        @NotNull Sex sex,
        @Size(max = 100) String ethnicity,
        @Size(max = 100) String nationality,
        @Size(max = 100) String language,
        @NotNull IdDocumentType idDocumentType,
        @Size(max = 50) String idDocumentNumber,
        @Size(max = 500) String householdRegistration,
        Boolean poorHousehold) {

    public Identity {
        otherNames = otherNames == null ? List.of() : List.copyOf(otherNames);
    }
}
