package org.vrs.casefile.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Where the person lives, works and studies, and how to reach them: the field traffickers use to
 * find a victim again. Masked views show the province only.
 */
public record Whereabouts(
        @Size(max = 500) String residenceAddress,
        @NotBlank @Size(max = 64) String province,
        @Size(max = 100) String district,
        @Size(max = 100) String commune,
        @Size(max = 500) String workplace,
        @Size(max = 500) String school,
        @Size(max = 32) @Pattern(regexp = "[+0-9 ()-]*", message = "may hold only digits, spaces and + ( ) -") String phone) {
}
