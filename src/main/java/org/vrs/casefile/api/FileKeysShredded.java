package org.vrs.casefile.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The file's data keys were destroyed on an erasure order. Encrypted under the service key so it stays readable. */
@ServiceKeyed
@Revision("1")
public record FileKeysShredded(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) String erasureOrderReference,
        @Category(DataCategory.CASE_ADMIN) String orderedBy,
        @Category(DataCategory.CASE_ADMIN) LocalDate orderedOn) implements FileEvent {
}
