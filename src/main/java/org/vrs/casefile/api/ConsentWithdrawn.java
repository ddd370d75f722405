package org.vrs.casefile.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A consent was withdrawn. */
@Revision("1")
public record ConsentWithdrawn(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) ConsentId consentId,
        @Category(DataCategory.CONSENT_PROTECTION) LocalDate withdrawnOn) implements FileEvent {
}
