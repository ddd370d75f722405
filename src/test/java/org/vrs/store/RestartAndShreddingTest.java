package org.vrs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.casefile.api.FileKeysShredded;
import org.vrs.casefile.api.IdentityRecorded;
import org.vrs.casefile.api.ShreddedPayload;
import org.vrs.support.Caller;
import org.vrs.support.Response;
import org.vrs.support.RunningService;

/** Restarts on the same data folder, crypto-shredding, and refusing to start without the right KEK. */
class RestartAndShreddingTest {
    @TempDir
    Path root;

    @Test
    void aRestartedServiceLoadsEveryFileIdentically() {
        String file;
        List<String> before;
        try (RunningService vrs = start()) {
            file = open(vrs);
            post(vrs, Caller.RECEPTION, file, "record-identity",
                    "{\"identity\":{\"fullName\":\"Sung Thi Restart\",\"sex\":\"FEMALE\",\"idDocumentType\":\"NONE\"}}", 200);
            before = describe(vrs, file);
        }
        try (RunningService again = start()) {
            assertThat(describe(again, file)).isEqualTo(before).hasSize(2);
            assertThat(post(again, Caller.RECEPTION, file, "add-case-note", "{\"category\":\"CASE_ADMIN\",\"text\":\"after restart\"}", 200)
                    .json().get("sequence").asLong()).isEqualTo(2);
        }
    }

    @Test
    void shreddingMakesContentUnreadableForeverButKeepsTheRecordOfIt() throws Exception {
        try (RunningService vrs = start()) {
            String file = open(vrs);
            post(vrs, Caller.RECEPTION, file, "record-identity",
                    "{\"identity\":{\"fullName\":\"To Be Erased\",\"sex\":\"FEMALE\",\"idDocumentType\":\"NONE\"}}", 200);
            Response forbidden = post(vrs, Caller.CASEWORKER, file, "shred-file-keys",
                    "{\"erasureOrderReference\":\"EO-1\",\"orderedBy\":\"Court\",\"orderedOn\":\"2026-11-20\"}", 403);
            assertThat(forbidden.text("error")).isEqualTo("forbidden");
            post(vrs, Caller.DPO, file, "shred-file-keys",
                    "{\"erasureOrderReference\":\"EO-2026-17\",\"orderedBy\":\"Lao Cai court\",\"orderedOn\":\"2026-11-20\"}", 200);

            List<? extends DomainEventMessage<?>> events = vrs.bean(EventStore.class).readEvents(file).asStream().toList();
            assertThat(events).hasSize(3);
            assertThat(events.get(1).getPayload()).isEqualTo(new ShreddedPayload(IdentityRecorded.class.getName(), "[shredded]"));
            assertThat(events.get(2).getPayload()).isInstanceOf(FileKeysShredded.class)
                    .extracting(p -> ((FileKeysShredded) p).erasureOrderReference()).isEqualTo("EO-2026-17");

            Response after = post(vrs, Caller.RECEPTION, file, "add-case-note", "{\"category\":\"CASE_ADMIN\",\"text\":\"x\"}", 409);
            assertThat(after.text("error")).isEqualTo("file-shredded");
            try (Connection owner = vrs.ownerConnection(); Statement s = owner.createStatement();
                 ResultSet rs = s.executeQuery("SELECT wrapped IS NULL, erasure_order FROM data_key WHERE file_id = '" + file + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).isTrue();
                assertThat(rs.getString(2)).isEqualTo("EO-2026-17");
            }
        }
    }

    @Test
    void aWrongKeystorePasswordOrAMissingKeystoreRefusesToStart() throws Exception {
        try (RunningService vrs = start()) {
            open(vrs);
        }
        assertThatThrownBy(() -> RunningService.start(root.resolve("data"), root.resolve("keys"),
                Map.of("vrs.keystore-password", "not-the-password")))
                .hasStackTraceContaining("wrong password or damaged file");
        java.nio.file.Files.move(root.resolve("keys/kek.p12"), root.resolve("kek.p12.away"));
        assertThatThrownBy(() -> RunningService.start(root.resolve("data"), root.resolve("keys"), Map.of()))
                .hasStackTraceContaining("does not exist, but the database holds data keys")
                .hasStackTraceContaining("restore keys/kek.p12");
        assertThat(root.resolve("keys/kek.p12")).as("no fresh keystore left behind to be mistaken for the real one").doesNotExist();

        // another keystore with the same password and alias (kek-1) but another key: told apart by its check value
        org.vrs.protection.Pkcs12KeyEncryptionKey.open(root.resolve("other/kek.p12"),
                org.vrs.protection.Pkcs12KeyEncryptionKey.DEVELOPMENT_PASSWORD, true);
        java.nio.file.Files.copy(root.resolve("other/kek.p12"), root.resolve("keys/kek.p12"));
        assertThatThrownBy(() -> RunningService.start(root.resolve("data"), root.resolve("keys"), Map.of()))
                .hasStackTraceContaining("does not hold")
                .hasStackTraceContaining("which wraps stored data keys");

        java.nio.file.Files.move(root.resolve("kek.p12.away"), root.resolve("keys/kek.p12"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (RunningService restored = start()) {
            assertThat(open(restored)).isNotBlank();
        }
    }

    private RunningService start() {
        return RunningService.start(root.resolve("data"), root.resolve("keys"), Map.of());
    }

    private static String open(RunningService vrs) {
        Response r = vrs.post(Caller.RECEPTION, "/api/v1/files",
                "{\"channel\":\"SELF_REPORT\",\"receivingAgency\":\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"2026-11-01\"}");
        assertThat(r.status()).isEqualTo(201);
        return r.text("fileId");
    }

    private static Response post(RunningService vrs, Caller caller, String file, String command, String json, int status) {
        Response r = vrs.post(caller, "/api/v1/files/" + file + "/" + command, json);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r;
    }

    private static List<String> describe(RunningService vrs, String file) {
        return vrs.bean(EventStore.class).readEvents(file).asStream()
                .map(e -> e.getSequenceNumber() + " " + e.getIdentifier() + " " + e.getPayload() + " " + e.getMetaData())
                .toList();
    }
}
