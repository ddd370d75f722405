package org.vrs.audit;

import java.sql.Timestamp;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vrs.access.api.FileRead;
import org.vrs.access.api.FileReadRefused;

/** Indexes the access events for review by file, user, agency and period. Rebuildable from the events. */
@Component
@ProcessingGroup("access-review")
class AccessReviewProjection {
    private static final String INSERT = """
            INSERT INTO access_review (event_id, read_at, file_id, owner_agency, actor_id, agency_id, role, path, purpose, basis,
                                       shown_full, shown_masked, policy_version, break_glass, refused, refusal)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (event_id) DO NOTHING""";

    private final JdbcTemplate jdbc;

    AccessReviewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(FileRead read, EventMessage<?> event) {
        jdbc.update(INSERT, event.getIdentifier(), Timestamp.from(event.getTimestamp()), read.fileId(), read.ownerAgency(),
                read.actorId(), read.agencyId(), read.role(), read.path(), read.purpose(), read.basis(),
                read.shownInFull().stream().map(Enum::name).collect(Collectors.joining(",")),
                read.shownMasked().stream().map(Enum::name).collect(Collectors.joining(",")),
                read.policyVersion(), read.breakGlassReason() != null, false, null);
    }

    @EventHandler
    void on(FileReadRefused refused, EventMessage<?> event) {
        jdbc.update(INSERT, event.getIdentifier(), Timestamp.from(event.getTimestamp()), refused.fileId(), null,
                refused.actorId(), refused.agencyId(), refused.role(), refused.path(), refused.purpose(), null, null, null,
                refused.policyVersion(), false, true, refused.reason());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM access_review");
    }
}
