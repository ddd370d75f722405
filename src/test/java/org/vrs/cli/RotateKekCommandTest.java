package org.vrs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.protection.Pkcs12KeyEncryptionKey;
import org.vrs.support.Caller;
import org.vrs.support.Response;
import org.vrs.support.RunningService;
import picocli.CommandLine;

/**
 * KEK rotation with files in the store: refused while the service runs; afterwards every data key
 * is wrapped by the new KEK, every file loads exactly as before and takes new events, and not one
 * byte of the event table changed.
 */
class RotateKekCommandTest {
    @TempDir
    Path root;

    /** What the tool printed and returned. */
    private record Run(int exit, String out) {
    }

    @Test
    void rotationRewrapsEveryDataKeyAndChangesNoEventRow() throws Exception {
        List<String> files = new ArrayList<>();
        Map<String, String> histories = new HashMap<>();
        String eventTable;
        Map<String, String> wrappedBefore;
        String oldKek;
        try (RunningService vrs = start()) {
            for (int i = 0; i < 3; i++) {
                files.add(fileWithIdentity(vrs, "Vàng Thị Rotation " + i));
            }
            String erased = fileWithIdentity(vrs, "Vàng Thị Erased");
            ok(vrs, Caller.DPO, erased, "shred-file-keys", "{\"erasureOrderReference\":\"EO-ROT-1\",\"orderedBy\":\"court\",\"orderedOn\":\""
                    + LocalDate.now() + "\"}");
            files.add(erased);

            Run refused = rotate();
            assertThat(refused.exit()).as(refused.out()).isNotZero();
            assertThat(refused.out()).contains("in use by another running VRS process");
            ok(vrs, Caller.RECEPTION, files.get(0), "add-case-note", "{\"category\":\"CASE_ADMIN\",\"text\":\"the refused tool changed nothing\"}");

            for (String file : files) {
                histories.put(file, history(vrs, file));
            }
            eventTable = eventTableDigest(vrs);
            wrappedBefore = wrappedKeys(vrs);
            oldKek = wrappedBefore.values().stream().filter(v -> !v.endsWith(":null")).findFirst().orElseThrow().split(":")[0];
        }

        Run rotated = rotate();
        assertThat(rotated.exit()).as(rotated.out()).isZero();
        assertThat(rotated.out()).contains("rotated the key-encryption key: kek-2.").contains("now wraps 4 data key(s)");

        try (RunningService vrs = start()) {
            assertThat(eventTableDigest(vrs)).as("the event table, byte for byte").isEqualTo(eventTable);
            Map<String, String> wrappedAfter = wrappedKeys(vrs);
            assertThat(wrappedAfter.keySet()).isEqualTo(wrappedBefore.keySet());
            wrappedAfter.forEach((keyId, after) -> {
                if (wrappedBefore.get(keyId).endsWith(":null")) {
                    assertThat(after).as("a shredded key stays destroyed").isEqualTo(wrappedBefore.get(keyId));
                } else {
                    assertThat(after).startsWith("kek-2.").isNotEqualTo(wrappedBefore.get(keyId));
                }
            });
            for (String file : files) {
                assertThat(history(vrs, file)).as("file %s loads as before", file).isEqualTo(histories.get(file));
            }
            for (String file : files.subList(0, 3)) {
                ok(vrs, Caller.RECEPTION, file, "add-case-note", "{\"category\":\"CASE_ADMIN\",\"text\":\"after rotation\"}");
            }
        }
        Pkcs12KeyEncryptionKey keystore = Pkcs12KeyEncryptionKey.open(root.resolve("keys/kek.p12"),
                Pkcs12KeyEncryptionKey.DEVELOPMENT_PASSWORD, false);
        assertThat(keystore.id()).startsWith("kek-2.");
        assertThat(keystore.holds(oldKek)).as("the old KEK stays, to open older backups").isTrue();
    }

    private Run rotate() {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        int exit = new CommandLine(new RotateKekCommand()).setOut(out).setErr(out)
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    command.getErr().println("error: " + e.getMessage());
                    return 1;
                })
                .execute("--data-dir", root.resolve("data").toString(), "--keys-dir", root.resolve("keys").toString());
        return new Run(exit, text.toString());
    }

    private RunningService start() {
        return RunningService.start(root.resolve("data"), root.resolve("keys"), Map.of());
    }

    /** Every event of the file as the service loads it, hashed: compared, never printed. */
    private static String history(RunningService vrs, String file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        vrs.bean(EventStore.class).readEvents(file).asStream().forEach(e -> sha.update((e.getSequenceNumber() + " " + e.getIdentifier()
                + " " + e.getPayload() + " " + e.getMetaData() + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String eventTableDigest(RunningService vrs) throws Exception {
        try (Connection c = vrs.ownerConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) || ':' || encode(sha256(convert_to(coalesce(string_agg(t::text, E'\\n' ORDER BY global_index), ''), "
                        + "'UTF8')), 'hex') FROM domain_event_entry t")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** key id -> "kek id:sha-256 of the wrapped key" (or ":null" once shredded). */
    private static Map<String, String> wrappedKeys(RunningService vrs) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (Connection c = vrs.ownerConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT key_id, kek_id, encode(sha256(wrapped), 'hex') FROM data_key")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2) + ":" + rs.getString(3));
            }
        }
        return out;
    }

    private static String fileWithIdentity(RunningService vrs, String name) {
        Response opened = vrs.post(Caller.RECEPTION, "/api/v1/files", "{\"channel\":\"SELF_REPORT\",\"receivingAgency\":"
                + "\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"" + LocalDate.now().minusDays(1) + "\"}");
        assertThat(opened.status()).isEqualTo(201);
        String file = opened.text("fileId");
        ok(vrs, Caller.RECEPTION, file, "record-identity", "{\"identity\":{\"fullName\":\"" + name
                + "\",\"sex\":\"FEMALE\",\"idDocumentType\":\"NONE\"}}");
        return file;
    }

    private static void ok(RunningService vrs, Caller caller, String file, String command, String json) {
        Response r = vrs.post(caller, "/api/v1/files/" + file + "/" + command, json);
        assertThat(r.status()).as(command).isEqualTo(200);
    }
}
