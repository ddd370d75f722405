package org.vrs.casefile.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A closed file was reopened. */
@Revision("1")
public record FileReopened(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.SUPPORT) String reason,
        @Category(DataCategory.CASE_ADMIN) LocalDate reopenedOn) implements FileEvent {
}
