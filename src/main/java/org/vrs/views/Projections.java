package org.vrs.views;

import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

/** Rebuilding projections from the events, with progress. */
@Service
public class Projections {
    private final EventProcessingConfiguration processing;
    private final EventStore events;

    Projections(EventProcessingConfiguration processing, EventStore events) {
        this.processing = processing;
        this.events = events;
    }

    /** Progress of one projection: events behind the head of the store, per segment, and whether it is replaying. */
    public record Progress(String name, boolean running, boolean replaying, long head, Map<Integer, Long> positions) {
        public long behind() {
            return positions.values().stream().mapToLong(p -> Math.max(0, head - p)).max().orElse(head);
        }
    }

    /** Processors that are not projections and must never be replayed: the ledger appends leaves once. */
    private static final java.util.Set<String> NOT_REBUILDABLE = java.util.Set.of("ledger");

    /** The rebuildable projections by name. */
    public Map<String, StreamingEventProcessor> all() {
        Map<String, StreamingEventProcessor> out = new TreeMap<>();
        processing.eventProcessors().forEach((name, p) -> {
            if (p instanceof StreamingEventProcessor s && !NOT_REBUILDABLE.contains(name)) {
                out.put(name, s);
            }
        });
        return out;
    }

    /** Drops the projection's state (its reset handler) and replays every event from the start. */
    public void rebuild(String name) {
        StreamingEventProcessor processor = processor(name);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    public Progress progress(String name) {
        StreamingEventProcessor processor = processor(name);
        long head = position(events.createHeadToken());
        Map<Integer, Long> positions = new TreeMap<>();
        processor.processingStatus().forEach((segment, status) -> positions.put(segment, position(status.getTrackingToken())));
        return new Progress(name, processor.isRunning(), processor.isReplaying(), head, positions);
    }

    private StreamingEventProcessor processor(String name) {
        StreamingEventProcessor p = all().get(name);
        if (p == null) {
            throw new IllegalArgumentException("no projection named '" + name + "'; known: " + all().keySet());
        }
        return p;
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1L);
    }
}
