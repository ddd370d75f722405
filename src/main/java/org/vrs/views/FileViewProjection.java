package org.vrs.views;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps the file views up to date; replayable from scratch (reset empties the tables). */
@Component
@ProcessingGroup(FileViewProjection.NAME)
class FileViewProjection {
    static final String NAME = "file-views";

    private final FileViewStore store;

    FileViewProjection(FileViewStore store) {
        this.store = store;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        if (event.getType() == null) {
            return; // not a file event (access records)
        }
        String fileId = event.getAggregateIdentifier();
        FileView view = store.load(fileId).orElseGet(() -> FileView.empty(fileId));
        if (event.getSequenceNumber() <= view.lastSequence()) {
            return; // already applied: replays after a crash between batches are idempotent
        }
        store.save(fileId, view.apply(payload, event.getSequenceNumber(), event.getTimestamp()), event.getTimestamp());
    }

    @ResetHandler
    void reset() {
        store.deleteAll();
    }
}
