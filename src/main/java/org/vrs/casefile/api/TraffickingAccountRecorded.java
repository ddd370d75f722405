package org.vrs.casefile.api;

import org.axonframework.serialization.Revision;

/** The trafficking account was recorded (or corrected, if {@code correctsSequence} is set). */
@Revision("1")
public record TraffickingAccountRecorded(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.TRAFFICKING_ACCOUNT) TraffickingAccount account,
        @Category(DataCategory.CASE_ADMIN) Long correctsSequence,
        @Category(DataCategory.TRAFFICKING_ACCOUNT) String correctionReason) implements FileEvent {
}
