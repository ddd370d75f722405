package org.vrs.ledger;

import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Follows every committed event, in the order the gap-aware token delivers them, and gives each a
 * leaf. It only collects global indices: the batch's leaves and nodes are written just before the
 * processor's transaction commits, together with its token, so a crash at any point either keeps
 * both or neither. The payload is never deserialised; the leaf is made from the stored row, found
 * by the event's identifier (unique in the event table).
 */
@ProcessingGroup(LedgerIntegrator.PROCESSING_GROUP)
class LedgerIntegrator {

    static final String PROCESSING_GROUP = "ledger";
    private static final String BATCH = LedgerIntegrator.class.getName() + ".batch";

    private final LeafAppender appender;

    LedgerIntegrator(LeafAppender appender) {
        this.appender = appender;
    }

    /**
     * Every event, whatever its payload type (an event of an erased file loads as a ShreddedPayload).
     * Replays are not refused: Axon delivers a new processor's catch-up over existing events as a
     * replay, and those events need their leaves; events that already have one are skipped.
     */
    @EventHandler
    void on(EventMessage<?> event, UnitOfWork<?> unitOfWork) {
        batchOf(unitOfWork).add(event.getIdentifier());
    }

    /**
     * Event identifiers in delivery order, each once. Not the token's position: an event that fills
     * a gap arrives with a token whose position is the highest index seen so far, not its own.
     */
    private Set<String> batchOf(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            Set<String> batch = new LinkedHashSet<>();
            unitOfWork.onPrepareCommit(u -> appender.append(batch));
            unitOfWork.afterCommit(u -> appender.committed());
            unitOfWork.onRollback(u -> appender.rolledBack());
            return batch;
        });
    }
}
