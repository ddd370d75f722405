package org.vrs.casefile.api;

import org.axonframework.serialization.Revision;

/** Where the person lives, works or studies was recorded (or corrected, if {@code correctsSequence} is set). */
@Revision("1")
public record WhereaboutsRecorded(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.WHEREABOUTS) Whereabouts whereabouts,
        @Category(DataCategory.CASE_ADMIN) Long correctsSequence,
        @Category(DataCategory.WHEREABOUTS) String correctionReason) implements FileEvent {
}
