package org.vrs.casefile.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The file was closed. */
@Revision("1")
public record FileClosed(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) CloseReason reason,
        @Category(DataCategory.SUPPORT) String details,
        @Category(DataCategory.CASE_ADMIN) LocalDate closedOn) implements FileEvent {
}
