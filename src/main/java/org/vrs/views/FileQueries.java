package org.vrs.views;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vrs.access.Actor;
import org.vrs.access.FileAccessPolicy;
import org.vrs.access.FileScope;
import org.vrs.casefile.api.AgencyId;
import org.vrs.casefile.api.DataCategory;
import org.vrs.protection.ViewSealer;

/**
 * Reads of the file views. Returns unredacted documents to the web layer, which must pass them
 * through the access decision and {@code Redactor} before anything leaves the process.
 */
@Service
public class FileQueries {
    private final JdbcTemplate jdbc;
    private final FileViewStore store;
    private final EventStore events;
    private final ViewSealer sealer;

    FileQueries(JdbcTemplate jdbc, FileViewStore store, EventStore events, ViewSealer sealer) {
        this.jdbc = jdbc;
        this.store = store;
        this.events = events;
        this.sealer = sealer;
    }

    /** One row of a search result: case administration only. */
    public record FileSummary(String fileId, String fileNumber, String status, boolean closed, String ownerAgency, String province,
                              String channel, LocalDate receivedOn, String riskLevel) {
    }

    /** The file's own events in order, decrypted (erased ones as placeholders), for history and audit. */
    public java.util.stream.Stream<? extends org.axonframework.eventhandling.DomainEventMessage<?>> events(String fileId) {
        return events.readEvents(fileId).asStream();
    }

    /** The last sequence number stored at or before an instant, or empty if the file did not exist yet. */
    public Optional<Long> sequenceAt(String fileId, java.time.Instant at) {
        return events.readEvents(fileId).asStream().takeWhile(e -> !e.getTimestamp().isAfter(at))
                .map(org.axonframework.eventhandling.DomainEventMessage::getSequenceNumber).reduce((a, b) -> b);
    }

    /** Search criteria; null means any. {@code name} is matched through the blind index only. */
    public record Criteria(String fileNumber, String status, String province, String agency, LocalDate receivedFrom,
                           LocalDate receivedTo, String regime, String riskLevel, String name, Boolean closed) {
    }

    public record Deadline(String fileId, String fileNumber, String kind, String ref, LocalDate dueOn, LocalDate metOn, boolean overdue) {
    }

    public Optional<FileScope> scope(String fileId) {
        List<FileScope> found = jdbc.query("SELECT owner_agency, province, shredded FROM file_view WHERE file_id = ? AND owner_agency IS NOT NULL",
                (rs, i) -> new FileScope(fileId, new AgencyId(rs.getString(1)), rs.getString(2), grants(fileId), rs.getBoolean(3)), fileId);
        return found.stream().findFirst();
    }

    public Optional<FileView> current(String fileId) {
        return store.load(fileId);
    }

    /** The view as it stood after {@code sequence}, folded from the events by the same code as the live view. */
    public Optional<FileView> asOfSequence(String fileId, long sequence) {
        FileView view = FileView.empty(fileId);
        java.util.concurrent.atomic.AtomicLong applied = new java.util.concurrent.atomic.AtomicLong();
        events.readEvents(fileId).asStream()
                .takeWhile(e -> e.getSequenceNumber() <= sequence)
                .forEach(e -> {
                    view.apply(e.getPayload(), e.getSequenceNumber(), e.getTimestamp());
                    applied.incrementAndGet();
                });
        return applied.get() == 0 ? Optional.empty() : Optional.of(view);
    }

    /** Files in the actor's scope matching the criteria, by received date then number. */
    public List<FileSummary> search(Actor actor, boolean auditor, Criteria c, int page, int size, LocalDate today) {
        StringBuilder sql = new StringBuilder("SELECT file_id, file_number, status, closed, owner_agency, province, channel, received_on, "
                + "risk_level FROM file_view v WHERE owner_agency IS NOT NULL");
        List<Object> args = new ArrayList<>();
        if (!FileAccessPolicy.NATIONAL.equals(actor.province())) {
            sql.append(" AND province = ?");
            args.add(actor.province());
        }
        if (!auditor) {
            sql.append(" AND (owner_agency = ? OR EXISTS (SELECT 1 FROM file_grant g WHERE g.file_id = v.file_id AND g.live "
                    + "AND g.agency = ? AND (g.expires_on IS NULL OR g.expires_on >= ?)))");
            args.addAll(List.of(actor.agency().value(), actor.agency().value(), java.sql.Date.valueOf(today)));
        }
        eq(sql, args, "file_number", c.fileNumber());
        eq(sql, args, "status", c.status());
        eq(sql, args, "province", c.province());
        eq(sql, args, "owner_agency", c.agency());
        eq(sql, args, "risk_level", c.riskLevel());
        if (c.closed() != null) {
            sql.append(" AND closed = ?");
            args.add(c.closed());
        }
        if (c.receivedFrom() != null) {
            sql.append(" AND received_on >= ?");
            args.add(java.sql.Date.valueOf(c.receivedFrom()));
        }
        if (c.receivedTo() != null) {
            sql.append(" AND received_on <= ?");
            args.add(java.sql.Date.valueOf(c.receivedTo()));
        }
        if (c.regime() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM file_support_regime r WHERE r.file_id = v.file_id AND r.regime = ?)");
            args.add(c.regime());
        }
        if (c.name() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM file_name_index n WHERE n.file_id = v.file_id AND n.name_hmac = ?)");
            args.add(sealer.blindIndex(c.name()));
        }
        sql.append(" ORDER BY received_on DESC, file_number LIMIT ? OFFSET ?");
        args.add(size);
        args.add((long) page * size);
        return jdbc.query(sql.toString(), FileQueries::summary, args.toArray());
    }

    /** Deadlines of files in the actor's scope; closed and erased files have none outstanding. */
    public List<Deadline> deadlines(Actor actor, boolean auditor, boolean overdueOnly, LocalDate today) {
        StringBuilder sql = new StringBuilder("SELECT d.file_id, v.file_number, d.kind, d.ref, d.due_on, d.met_on FROM file_deadline d "
                + "JOIN file_view v ON v.file_id = d.file_id WHERE NOT v.closed AND NOT v.shredded");
        List<Object> args = new ArrayList<>();
        if (!FileAccessPolicy.NATIONAL.equals(actor.province())) {
            sql.append(" AND v.province = ?");
            args.add(actor.province());
        }
        if (!auditor) {
            sql.append(" AND v.owner_agency = ?");
            args.add(actor.agency().value());
        }
        if (overdueOnly) {
            sql.append(" AND d.met_on IS NULL AND d.due_on < ?");
            args.add(java.sql.Date.valueOf(today));
        }
        sql.append(" ORDER BY d.due_on, v.file_number LIMIT 1000");
        return jdbc.query(sql.toString(), (rs, i) -> {
            LocalDate due = rs.getDate(5).toLocalDate();
            LocalDate met = rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate();
            return new Deadline(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), due, met,
                    met == null && due.isBefore(today));
        }, args.toArray());
    }

    /** Counts of files by one dimension; the caller suppresses small cells. */
    public Map<String, Long> counts(String dimension) {
        String column = switch (dimension) {
            case "province" -> "province";
            case "year" -> "CAST(EXTRACT(YEAR FROM received_on) AS TEXT)";
            case "channel" -> "channel";
            case "status" -> "status";
            default -> null;
        };
        if (column == null) {
            return exploitationCounts();
        }
        return jdbc.query("SELECT " + column + ", count(*) FROM file_view WHERE owner_agency IS NOT NULL GROUP BY 1", rs -> {
            Map<String, Long> out = new java.util.TreeMap<>();
            while (rs.next()) {
                out.put(String.valueOf(rs.getString(1)), rs.getLong(2));
            }
            return out;
        });
    }

    /** Exploitation types live only inside sealed documents: count by opening each, never by a clear column. */
    private Map<String, Long> exploitationCounts() {
        Map<String, Long> out = new java.util.TreeMap<>();
        jdbc.query("SELECT file_id FROM file_view WHERE document IS NOT NULL", rs -> {
            store.load(rs.getString(1)).ifPresent(v -> v.section(DataCategory.TRAFFICKING_ACCOUNT).path("current")
                    .path("exploitationTypes").forEach(t -> out.merge(t.asText(), 1L, Long::sum)));
        });
        return out;
    }

    private List<FileScope.Grant> grants(String fileId) {
        return jdbc.query("SELECT agency, basis, categories, expires_on, live FROM file_grant WHERE file_id = ?", (rs, i) -> {
            Set<DataCategory> categories = rs.getString(3).isEmpty() ? EnumSet.noneOf(DataCategory.class)
                    : Arrays.stream(rs.getString(3).split(",")).map(DataCategory::valueOf)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(DataCategory.class)));
            return new FileScope.Grant(new AgencyId(rs.getString(1)), rs.getString(2), categories,
                    rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), rs.getBoolean(5));
        }, fileId);
    }

    private static void eq(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static FileSummary summary(ResultSet rs, int i) throws SQLException {
        return new FileSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate(), rs.getString(9));
    }
}
