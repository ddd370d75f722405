package org.vrs.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.vrs.support.Caller;
import org.vrs.support.Response;
import org.vrs.support.TableDump;
import org.vrs.support.RunningService;

/**
 * Writes files with known names, addresses and notes, then reads every byte the service left
 * behind: the event table, the data-key table, the token table, the log, and every file of the
 * PostgreSQL data folder (heap, indexes and WAL). None of the plaintexts may appear, nor the token
 * signing key in the log.
 */
class NoPlaintextAtRestTest {
    private static final List<String> SECRETS = List.of(
            "Vang Thi Secretname", "Hang A Sinh", "Km 7 Duong Bac Cuong", "0987 654 321", "079204001234",
            "promised a job in Guangzhou", "HIV positive status noted", "Giang Thi Relative", "Ly Van Trafficker debt");

    @TempDir
    Path root;

    @Test
    void nothingPersonalIsStoredOrLoggedInClear() throws Exception {
        Logger rootLogger = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        logs.start();
        rootLogger.addAppender(logs);
        List<String> responses = new ArrayList<>();
        try (RunningService vrs = RunningService.start(root.resolve("data"), root.resolve("keys"), Map.of())) {
            for (int i = 0; i < 3; i++) {
                writeFile(vrs, responses);
            }
            org.vrs.views.Projections projections = vrs.bean(org.vrs.views.Projections.class);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> projections.progress("file-views").behind() == 0);
            try (Connection superuser = java.sql.DriverManager.getConnection(vrs.jdbcUrl(), "postgres", "");
                 Statement su = superuser.createStatement()) {
                su.execute("CHECKPOINT"); // heap pages reach the data files, not only the WAL
            }
            try (Connection owner = vrs.ownerConnection(); Statement s = owner.createStatement()) {
                assertThat(TableDump.of(s, "SELECT * FROM domain_event_entry")).as("event table").satisfies(NoPlaintextAtRestTest::clean)
                        .contains("LC-COMMUNE-BATXAT"); // positive control: clear metadata is found by the same scan
                assertThat(TableDump.of(s, "SELECT * FROM data_key")).as("data-key table").satisfies(NoPlaintextAtRestTest::clean);
                assertThat(TableDump.of(s, "SELECT * FROM token_entry")).as("token table").satisfies(NoPlaintextAtRestTest::clean);
                assertThat(TableDump.of(s, "SELECT * FROM file_view")).as("file views").satisfies(NoPlaintextAtRestTest::clean)
                        .contains("LC-COMMUNE-BATXAT");
                for (String table : List.of("file_grant", "file_name_index", "file_support_regime", "file_deadline")) {
                    assertThat(TableDump.of(s, "SELECT * FROM " + table)).as(table).satisfies(NoPlaintextAtRestTest::clean);
                }
            } finally {
                rootLogger.detachAppender(logs);
            }
        }
        StringBuilder logText = new StringBuilder();
        logs.list.forEach(e -> logText.append(e.getFormattedMessage()).append('\n')
                .append(e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage()).append('\n'));
        assertThat(logText.toString()).as("log output").satisfies(NoPlaintextAtRestTest::clean);
        String signingKey = Files.readString(root.resolve("keys/token-signing-private.pem")).lines()
                .filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
        assertThat(logText.toString()).as("log output").doesNotContain(signingKey);
        assertThat(String.join("\n", responses)).as("error responses").satisfies(NoPlaintextAtRestTest::clean);
        scanFolder(root);
    }

    private static void writeFile(RunningService vrs, List<String> responses) {
        Response opened = vrs.post(Caller.RECEPTION, "/api/v1/files",
                "{\"channel\":\"RESCUE\",\"receivingAgency\":\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"2026-11-01\"}");
        String path = "/api/v1/files/" + opened.text("fileId") + "/";
        post(vrs, Caller.RECEPTION, path + "record-identity", """
                {"identity":{"fullName":"Vang Thi Secretname","otherNames":["Hang A Sinh"],"sex":"FEMALE",
                 "idDocumentType":"CITIZEN_ID_CARD","idDocumentNumber":"079204001234"}}""", 200);
        post(vrs, Caller.RECEPTION, path + "record-whereabouts", """
                {"whereabouts":{"residenceAddress":"Km 7 Duong Bac Cuong","province":"LC","phone":"0987 654 321"}}""", 200);
        post(vrs, Caller.RECEPTION, path + "request-verification", """
                {"verifyingAgency":"LC-POLICE","requestedOn":"2026-11-02"}""", 200);
        post(vrs, Caller.INVESTIGATOR, path + "record-trafficking-account", """
                {"account":{"exploitationTypes":["FORCED_LABOUR"],"narrative":"promised a job in Guangzhou"}}""", 200);
        post(vrs, Caller.RECEPTION, path + "add-case-note", """
                {"category":"HEALTH","text":"HIV positive status noted"}""", 200);
        post(vrs, Caller.RECEPTION, path + "add-related-person", """
                {"relation":"RELATIVE","fullName":"Giang Thi Relative"}""", 200);
        // bad input carrying personal data must not echo it back or log it
        responses.add(post(vrs, Caller.RECEPTION, path + "record-whereabouts", """
                {"whereabouts":{"residenceAddress":"Km 7 Duong Bac Cuong","province":"LC","phone":"Ly Van Trafficker debt"}}""", 400));
        responses.add(post(vrs, Caller.RECEPTION, path + "add-related-person", """
                {"relation":"RELATIVE","fullName":"Giang Thi Relative","dateOfBirth":"Ly Van Trafficker debt"}""", 400));
        responses.add(post(vrs, Caller.RECEPTION, path + "add-related-person", """
                {"relation":"Ly Van Trafficker debt","fullName":"Giang Thi Relative"}""", 400));
    }

    private static String post(RunningService vrs, Caller caller, String path, String json, int expected) {
        Response r = vrs.post(caller, path, json);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(expected);
        return r.body();
    }

    private static void clean(String text) {
        for (String secret : SECRETS) {
            assertThat(text).doesNotContain(secret);
        }
    }

    private static void scanFolder(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("the data folder holds PostgreSQL's files").anyMatch(p -> p.toString().contains("pg_wal"));
        boolean controlFound = false;
        for (Path file : files) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            controlFound |= content.contains("LC-COMMUNE-BATXAT");
            for (String secret : SECRETS) {
                assertThat(content.contains(secret)).as("plaintext found in " + root(folder, file)).isFalse();
            }
        }
        assertThat(controlFound).as("positive control: the clear agency id is found by the same byte scan").isTrue();
    }

    private static String root(Path folder, Path file) {
        return folder.relativize(file).toString();
    }
}
