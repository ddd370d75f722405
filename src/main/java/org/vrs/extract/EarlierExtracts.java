package org.vrs.extract;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.vrs.casefile.api.ExtractId;
import org.vrs.casefile.api.ExtractIssued;
import org.vrs.extract.ExtractRefusal.UnknownEarlierExtract;

/**
 * Which salts a wider order discloses for the earlier extracts it names. Each earlier extract's
 * scope is recomputed from its {@code ExtractIssued} event over the events stored before it, by
 * the same {@link ExtractScope} that issued it; a field it withheld and the new extract discloses
 * gets its salt revealed. Fields the new order does not cover keep their salts secret.
 */
final class EarlierExtracts {

    private EarlierExtracts() {
    }

    static List<RevealedSalt> reveal(ExtractOrder order, List<? extends DomainEventMessage<?>> fileEvents, List<ScopedEvent> disclosed,
                                     ZoneId zone, Function<ExtractId, Optional<FieldSalts>> seeds) {
        List<RevealedSalt> reveals = new ArrayList<>();
        for (ExtractId earlierId : order.earlierExtracts()) {
            DomainEventMessage<?> issue = fileEvents.stream()
                    .filter(e -> e.getPayload() instanceof ExtractIssued issued && issued.extractId().equals(earlierId))
                    .findFirst()
                    .orElseThrow(() -> new UnknownEarlierExtract(order.fileId().value(), earlierId.value()));
            FieldSalts salts = seeds.apply(earlierId)
                    .orElseThrow(() -> new UnknownEarlierExtract(order.fileId().value(), earlierId.value()));
            Map<String, Set<String>> withheld = withheldFields(ExtractOrder.of((ExtractIssued) issue.getPayload()),
                    fileEvents.stream().filter(e -> e.getSequenceNumber() < issue.getSequenceNumber()).toList(), zone, salts);
            for (ScopedEvent event : disclosed) {
                Set<String> earlier = withheld.getOrDefault(event.eventId(), Set.of());
                for (ScopedEvent.Field field : event.fields()) {
                    if (!field.withheld() && earlier.contains(field.name())) {
                        reveals.add(new RevealedSalt(earlierId, event.eventId(), field.name(), salts.salt(event.eventId(), field.name())));
                    }
                }
            }
        }
        return reveals;
    }

    private static Map<String, Set<String>> withheldFields(ExtractOrder earlier, List<? extends DomainEventMessage<?>> events,
                                                           ZoneId zone, FieldSalts salts) {
        Map<String, Set<String>> withheld = new HashMap<>();
        for (ScopedEvent event : ExtractScope.select(events.stream(), earlier, zone, salts)) {
            Set<String> fields = new HashSet<>();
            event.fields().stream().filter(ScopedEvent.Field::withheld).forEach(f -> fields.add(f.name()));
            withheld.put(event.eventId(), fields);
        }
        return withheld;
    }
}
