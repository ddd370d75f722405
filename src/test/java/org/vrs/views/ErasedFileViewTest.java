package org.vrs.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.vrs.casefile.api.AgencyId;
import org.vrs.casefile.api.FileId;
import org.vrs.casefile.api.FileKeysShredded;
import org.vrs.casefile.api.FileOpened;
import org.vrs.casefile.api.ReceptionChannel;
import org.vrs.support.RunningService;

/**
 * An erased file's view keeps neither content nor jurisdiction, however the projection's batches
 * fall. The event stream decrypts rows when it fetches them, so events read just before an erasure
 * can reach the projection in one batch with the erasure itself, the view from before it still in
 * memory. Here that batch is handed to the projection on the running service directly.
 */
class ErasedFileViewTest {

    private final RunningService vrs = RunningService.shared();

    @Test
    void anErasureInTheSameBatchAsTheFilesHistoryLeavesAViewWithoutOwnerOrContent() {
        FileViewProjection projection = vrs.bean(FileViewProjection.class);
        FileId file = new FileId(UUID.randomUUID().toString());
        Instant now = Instant.now();

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.execute(() -> {
            handle(projection, event(file, 0, now, new FileOpened(file, "LC-2026-ERASED", ReceptionChannel.RESCUE,
                    new AgencyId("LC-COMMUNE-BATXAT"), "LC", LocalDate.of(2026, 11, 1))));
            handle(projection, event(file, 1, now, new FileKeysShredded(file, "EO-2026-91", "LC-COURT", LocalDate.of(2026, 11, 20))));
        });

        assertThat(vrs.bean(FileQueries.class).scope(file.value())).isEmpty();
        assertThat(vrs.count("SELECT count(*) FROM file_view WHERE file_id = '" + file + "' AND shredded AND last_sequence = 1 "
                + "AND owner_agency IS NULL AND province IS NULL AND document IS NULL")).isEqualTo(1);
    }

    private static void handle(FileViewProjection projection, DomainEventMessage<?> event) {
        projection.on(event.getPayload(), event);
    }

    private static DomainEventMessage<?> event(FileId file, long sequence, Instant at, Object payload) {
        return new GenericDomainEventMessage<>("VictimFile", file.value(), sequence, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at);
    }
}
