package org.vrs.casefile.api;

import org.axonframework.serialization.Revision;

/** A recorded identity was corrected; {@code correctsSequence} names the event corrected. */
@Revision("1")
public record IdentityCorrected(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) long correctsSequence,
        @Category(DataCategory.IDENTITY) Identity identity,
        @Category(DataCategory.IDENTITY) String reason) implements FileEvent {
}
