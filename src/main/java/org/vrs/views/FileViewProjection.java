package org.vrs.views;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;
import org.vrs.casefile.api.FileKeysShredded;

/** Keeps the file views up to date; replayable from scratch (reset empties the tables). */
@Component
@ProcessingGroup(FileViewProjection.NAME)
class FileViewProjection {
    static final String NAME = "file-views";

    private static final String PENDING = FileViewProjection.class.getName() + ".pending";

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
        Map<String, Pending> batch = batch();
        Pending pending = batch.get(fileId);
        FileView view = pending != null ? pending.view : store.load(fileId).orElseGet(() -> FileView.empty(fileId));
        if (event.getSequenceNumber() <= view.lastSequence()) {
            return; // already applied: replays after a crash between batches are idempotent
        }
        if (payload instanceof FileKeysShredded) {
            // Erasure leaves nothing to fold from: start from an empty view, as a rebuild over the erased
            // events would, whether or not this batch still holds the view from before the erasure.
            view = FileView.empty(fileId);
        }
        batch.put(fileId, new Pending(view.apply(payload, event.getSequenceNumber(), event.getTimestamp()), event.getTimestamp()));
    }

    private record Pending(FileView view, Instant at) {
    }

    /**
     * The views changed by the processor's current batch, each written once when the batch commits
     * (in its transaction, with the token): a file whose events arrive together, as in a replay or an
     * import, is opened, sealed and written once per batch rather than once per event.
     */
    private Map<String, Pending> batch() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            Map<String, Pending> pending = new LinkedHashMap<>();
            batch.onPrepareCommit(u -> pending.forEach((fileId, p) -> store.save(fileId, p.view, p.at)));
            return pending;
        });
    }

    @ResetHandler
    void reset() {
        store.deleteAll();
    }
}
