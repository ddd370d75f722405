package org.vrs.views;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.vrs.casefile.RuleBook;
import org.vrs.casefile.api.DataCategory;

/**
 * A file's deadlines that passed unmet, each with the event that set it: the file's events are
 * folded through {@link FileView} and its deadlines read by {@link Deadlines} after every event, so
 * the audit uses the same rules as the deadline list ({@code GET /api/v1/deadlines?overdue=true}).
 * Like that list, a closed or erased file has none outstanding and a deadline met late is not overdue.
 */
public final class OverdueDeadlines {
    private OverdueDeadlines() {
    }

    /** An unmet deadline due before today, and the event after which it stood at that due date. */
    public record Overdue(String kind, String ref, LocalDate dueOn, String eventId, long sequence, Instant at) {
    }

    private record Setter(LocalDate dueOn, String eventId, long sequence, Instant at) {
    }

    /** {@code events} are one file's events in order. */
    public static List<Overdue> of(String fileId, Iterable<? extends DomainEventMessage<?>> events, RuleBook rules, LocalDate today) {
        FileView view = FileView.empty(fileId);
        Map<String, Setter> setBy = new HashMap<>();
        List<Deadlines.Deadline> current = List.of();
        for (DomainEventMessage<?> e : events) {
            view.apply(e.getPayload(), e.getSequenceNumber(), e.getTimestamp());
            current = Deadlines.of(view, rules);
            for (Deadlines.Deadline d : current) {
                Setter known = setBy.get(key(d));
                if (known == null || !known.dueOn().equals(d.dueOn())) {
                    setBy.put(key(d), new Setter(d.dueOn(), e.getIdentifier(), e.getSequenceNumber(), e.getTimestamp()));
                }
            }
        }
        var admin = view.section(DataCategory.CASE_ADMIN);
        if (admin.path("closed").asBoolean(false) || admin.path("shredded").asBoolean(false)) {
            return List.of();
        }
        List<Overdue> out = new ArrayList<>();
        for (Deadlines.Deadline d : current) {
            if (d.metOn() == null && d.dueOn().isBefore(today)) {
                Setter s = setBy.get(key(d)); // every deadline standing now was recorded when it appeared
                out.add(new Overdue(d.kind().name(), d.ref(), d.dueOn(), s.eventId(), s.sequence(), s.at()));
            }
        }
        return out;
    }

    private static String key(Deadlines.Deadline d) {
        return d.kind() + "/" + d.ref();
    }
}
