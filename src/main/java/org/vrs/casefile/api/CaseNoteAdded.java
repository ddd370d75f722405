package org.vrs.casefile.api;

import org.axonframework.serialization.Revision;

/** A case note was added; its text belongs to the category it is tagged with. */
@Revision("1")
public record CaseNoteAdded(
        @Category(DataCategory.CASE_ADMIN) FileId fileId,
        @Category(DataCategory.CASE_ADMIN) NoteId noteId,
        @Category(DataCategory.CASE_ADMIN) DataCategory category,
        @TaggedCategory String text) implements FileEvent {
}
