package org.vrs.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.vrs.access.Actor;
import org.vrs.access.FileScope;
import org.vrs.access.Role;
import org.vrs.audit.api.AuditTrailExported;
import org.vrs.extract.AuditTrailBundles;
import org.vrs.extract.AuditTrailEvent;
import org.vrs.extract.AuditTrailRequest;
import org.vrs.views.FileQueries;

/**
 * Exports a period's audit trail as a signed bundle (docs/audit-export.md). Reads the event table's
 * clear columns and clear metadata only, never a payload; the bundle proves each listed event
 * against the ledger. The export is itself recorded ({@link AuditTrailExported}) before the
 * bundle leaves.
 */
@Service
public class AuditExports {

    /** The longest period one export may cover: a month, so one bundle stays a size an auditor can check. */
    public static final Duration MAX_PERIOD = Duration.ofDays(31);
    /** The most events one bundle may list by default ({@code vrs.audit-export.max-events}); a busier period is exported in parts. */
    public static final int MAX_EVENTS = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(AuditExports.class);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;
    private final FileQueries files;
    private final AuditTrailBundles bundles;
    private final EventGateway events;
    private final ObjectMapper json;
    private final Clock clock;
    private final int maxEvents;

    AuditExports(JdbcTemplate jdbc, FileQueries files, AuditTrailBundles bundles, EventGateway events, ObjectMapper json, Clock clock,
                 @Value("${vrs.audit-export.max-events:" + MAX_EVENTS + "}") int maxEvents) {
        this.maxEvents = maxEvents;
        this.jdbc = jdbc;
        this.files = files;
        this.bundles = bundles;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Only auditors export audit trails (the role the redaction policy gives actions and metadata, not content). */
    public static boolean mayExport(Role role) {
        return role == Role.AUDITOR;
    }

    /** The period holds more events than one bundle may list. */
    public static final class TooManyEvents extends RuntimeException {
        TooManyEvents(int limit) {
            super("the period holds more than " + limit + " events: export it in shorter periods", null, false, false);
        }
    }

    /** A file of the period is not yet in the file views, so its province is unknown: retry shortly. */
    public static final class ViewsBehind extends RuntimeException {
        ViewsBehind() {
            super("the file views have not yet caught up with the events of the period: retry in a few seconds", null, false, false);
        }
    }

    /**
     * @param request already validated by the caller (period order and length, known province in the actor's jurisdiction)
     * @throws TooManyEvents if the period holds more events than one bundle may list
     * @throws ViewsBehind if a province is asked for and a file of the period is not yet in the views
     */
    public AuditTrailBundles.Export export(Actor actor, AuditTrailRequest request) {
        if (!mayExport(actor.role())) {
            throw new AccessDeniedException("audit export");
        }
        List<AuditTrailEvent> trail = select(request);
        String exportId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        AuditTrailBundles.Export export = bundles.assemble(exportId, now, actor, request, trail);
        events.publish(GenericEventMessage.asEventMessage(new AuditTrailExported(exportId, actor.userId(), actor.agency().value(),
                actor.role().name(), request.from(), request.to(), request.province(), request.purpose(), request.reference(),
                export.events(), export.treeSize(), export.sha256())).andMetaData(MetaData.from(actor.metadata(null))));
        LOG.info("Audit trail {} exported to {} of {}: {} events, tree size {}, bundle SHA-256 {}", exportId, actor.userId(),
                actor.agency(), export.events(), export.treeSize(), export.sha256());
        return export;
    }

    /**
     * The stored events of the period, in the province's files if one is given. A coarse filter on
     * the stored text of the time (to the second) in SQL, then the exact one on the parsed instant,
     * because Axon writes instants with a varying number of fraction digits.
     */
    private List<AuditTrailEvent> select(AuditTrailRequest request) {
        Map<String, Optional<String>> provinces = new HashMap<>();
        List<AuditTrailEvent> out = new ArrayList<>();
        jdbc.query("""
                SELECT event_identifier, aggregate_identifier, sequence_number, type, payload_type, payload_revision, time_stamp, meta_data
                FROM domain_event_entry WHERE substr(time_stamp, 1, 19) BETWEEN ? AND ? ORDER BY global_index""",
                (ResultSet rs) -> {
                    Instant time = instant(rs.getString(7));
                    if (time == null || time.isBefore(request.from()) || !time.isBefore(request.to())) {
                        return;
                    }
                    String fileId = rs.getString(4) == null ? null : rs.getString(2);
                    if (request.province() != null && (fileId == null || !request.province().equals(province(fileId, provinces)))) {
                        return;
                    }
                    if (out.size() == maxEvents) {
                        throw new TooManyEvents(maxEvents);
                    }
                    out.add(new AuditTrailEvent(rs.getString(1), rs.getString(5), rs.getString(6), fileId, rs.getLong(3), time,
                            metadata(rs)));
                },
                SECOND.format(request.from().truncatedTo(ChronoUnit.SECONDS)), SECOND.format(request.to()));
        return out;
    }

    /** Never guessed: a file missing from the views would otherwise drop out of its province's trail unseen. */
    private String province(String fileId, Map<String, Optional<String>> known) {
        return known.computeIfAbsent(fileId, id -> files.scope(id).map(FileScope::province)).orElseThrow(ViewsBehind::new);
    }

    private Map<String, String> metadata(ResultSet rs) throws SQLException {
        Map<String, String> clear = new LinkedHashMap<>();
        byte[] bytes = rs.getBytes(8);
        if (bytes == null) {
            return clear;
        }
        try {
            JsonNode tree = json.readTree(bytes);
            for (String key : AuditTrailBundles.METADATA_KEYS) {
                JsonNode value = tree.path(key);
                if (value.isTextual()) {
                    clear.put(key, value.textValue());
                }
            }
        } catch (IOException e) {
            // unreadable metadata exports as none; the leaf still proves the event itself
        }
        return clear;
    }

    private static Instant instant(String stored) {
        try {
            return Instant.parse(stored);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
