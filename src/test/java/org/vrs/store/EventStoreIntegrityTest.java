package org.vrs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.vrs.protection.ProtectionException;
import org.vrs.support.Caller;
import org.vrs.support.Response;
import org.vrs.support.RunningService;

/** The event table is insert-only, and ciphertexts cannot be moved between events. */
class EventStoreIntegrityTest {
    private final RunningService vrs = RunningService.shared();

    @Test
    void theApplicationRoleCannotUpdateDeleteOrTruncateEvents() throws SQLException {
        open();
        try (Connection app = vrs.appConnection(); Statement s = app.createStatement()) {
            for (String sql : new String[] {"UPDATE domain_event_entry SET payload_type = 'x'", "DELETE FROM domain_event_entry",
                    "TRUNCATE domain_event_entry"}) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"))
                        .hasMessageContaining("permission denied");
            }
        }
    }

    @Test
    void evenTheOwnerIsStoppedByTheTrigger() throws SQLException {
        open();
        try (Connection owner = vrs.ownerConnection(); Statement s = owner.createStatement()) {
            for (String sql : new String[] {"UPDATE domain_event_entry SET payload_type = 'x'", "DELETE FROM domain_event_entry",
                    "TRUNCATE domain_event_entry"}) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .hasMessageContaining("the event store is insert-only");
            }
        }
    }

    @Test
    void swappedPayloadsFailTheIntegrityCheckNamingTheEvent() throws SQLException {
        String file = open();
        Response r = vrs.post(Caller.RECEPTION, "/api/v1/files/" + file + "/add-case-note",
                "{\"category\":\"CASE_ADMIN\",\"text\":\"first note\"}");
        assertThat(r.status()).isEqualTo(200);
        r = vrs.post(Caller.RECEPTION, "/api/v1/files/" + file + "/add-case-note", "{\"category\":\"CASE_ADMIN\",\"text\":\"second note\"}");
        assertThat(r.status()).isEqualTo(200);
        String secondEvent;
        try (Connection owner = vrs.ownerConnection(); Statement s = owner.createStatement()) {
            s.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_insert_only");
            try {
                s.execute("""
                        UPDATE domain_event_entry d SET payload = o.payload FROM domain_event_entry o
                        WHERE d.aggregate_identifier = '%1$s' AND o.aggregate_identifier = '%1$s'
                          AND d.sequence_number + o.sequence_number = 3 AND d.sequence_number IN (1, 2)""".formatted(file));
            } finally {
                s.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_insert_only");
            }
            try (ResultSet rs = s.executeQuery("SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = '"
                    + file + "' AND sequence_number = 1")) {
                rs.next();
                secondEvent = rs.getString(1);
            }
        }
        EventStore events = vrs.bean(EventStore.class);
        assertThatThrownBy(() -> events.readEvents(file).asStream().forEach(e -> e.getPayload()))
                .isInstanceOf(ProtectionException.IntegrityViolation.class)
                .hasMessageContaining("event " + secondEvent)
                .hasMessageContaining("sequence 1")
                .hasMessageContaining("does not authenticate");
        Response refused = vrs.post(Caller.RECEPTION, "/api/v1/files/" + file + "/add-case-note",
                "{\"category\":\"CASE_ADMIN\",\"text\":\"third\"}");
        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.text("error")).isEqualTo("integrity-violation");
        assertThat(refused.body()).doesNotContain("note").doesNotContain("at org.");
    }

    private String open() {
        Response r = vrs.post(Caller.RECEPTION, "/api/v1/files",
                "{\"channel\":\"SELF_REPORT\",\"receivingAgency\":\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"2026-10-01\"}");
        assertThat(r.status()).isEqualTo(201);
        return r.text("fileId");
    }
}
