package org.vrs.casefile.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A related person was recorded. */
@Revision("1")
public record RelatedPersonAdded(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) PersonId personId,
        @Category(DataCategory.FAMILY) Relation relation,
        @Category(DataCategory.FAMILY) String fullName,
        @Category(DataCategory.FAMILY) LocalDate dateOfBirth,
        @Category(DataCategory.FAMILY) String contact) implements FileEvent {
}
