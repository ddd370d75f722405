package org.vrs.casefile.api;

import org.axonframework.serialization.Revision;

/** The person's identity was recorded. */
@Revision("1")
public record IdentityRecorded(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.IDENTITY) Identity identity) implements FileEvent {
}
