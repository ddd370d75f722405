package org.vrs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.support.Caller;
import org.vrs.support.Response;
import org.vrs.support.RunningService;
import picocli.CommandLine;

/** {@code verify} as an auditor runs it, against the running service's database and against a stopped one. */
class VerifyCommandTest {

    @TempDir
    Path root;

    private record Run(int exitCode, String out, String err) {
    }

    @Test
    void verifiesARunningOrStoppedServiceAndNamesTheFirstDivergence() throws Exception {
        Path data = root.resolve("data");
        Path keys = root.resolve("keys");
        Path checkpoint = root.resolve("checkpoint.txt");
        try (RunningService vrs = RunningService.start(data, keys, Map.of())) {
            for (int i = 0; i < 3; i++) {
                openWithNote(vrs);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> count(vrs, "SELECT COALESCE(MAX(tree_size), 0) FROM ledger_checkpoint")
                    == count(vrs, "SELECT count(*) FROM domain_event_entry"));
            Files.writeString(checkpoint, vrs.get(Caller.INVESTIGATOR, "/api/v1/ledger/checkpoint").body());

            Run ok = verify("--data-dir", data.toString(), "--keys-dir", keys.toString(), "--checkpoint", checkpoint.toString());
            assertThat(ok.exitCode()).as(ok.err()).isZero();
            assertThat(ok.out()).startsWith("OK: 6 leaves").contains("3 back-link chains complete")
                    .contains("signatures and roots verified");
            assertThat(ok.err()).contains("the running embedded database").contains("6 / 6 leaves");

            String flip = "UPDATE domain_event_entry SET payload = "
                    + "set_byte(payload, length(payload) - 1, get_byte(payload, length(payload) - 1) # 1) "
                    + "WHERE global_index = 4";
            tamper(vrs, flip);
            Run failed = verify("--db-url", vrs.jdbcUrl(), "--db-user", "vrs_app", "--keys-dir", keys.toString());
            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.out()).startsWith("FAILED at position 3: LeafMismatch")
                    .contains("leaf 3: event row at global index 4").contains("in ciphertextDigest");
            tamper(vrs, flip);
        }

        Run stopped = verify("--data-dir", data.toString(), "--keys-dir", keys.toString(), "--checkpoint", checkpoint.toString());
        assertThat(stopped.exitCode()).as(stopped.err()).isZero();
        assertThat(stopped.err()).contains("is not running: starting it for this check");
        assertThat(stopped.out()).startsWith("OK: 6 leaves");
    }

    @Test
    void cannotRunWithoutThePublicKeyOrTheDatabase() {
        Run noKey = verify("--data-dir", root.resolve("data").toString(), "--keys-dir", root.resolve("nowhere").toString());
        assertThat(noKey.exitCode()).isEqualTo(2);
        assertThat(noKey.err()).contains("ledger-public.pem");
    }

    private static Run verify(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new VerifyCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exitCode = command.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static void openWithNote(RunningService vrs) {
        Response opened = vrs.post(Caller.RECEPTION, "/api/v1/files",
                "{\"channel\":\"SELF_REPORT\",\"receivingAgency\":\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"2026-10-01\"}");
        assertThat(opened.status()).isEqualTo(201);
        Response note = vrs.post(Caller.RECEPTION, "/api/v1/files/" + opened.text("fileId") + "/add-case-note",
                "{\"category\":\"CASE_ADMIN\",\"text\":\"a note\"}");
        assertThat(note.status()).isEqualTo(200);
    }

    private static void tamper(RunningService vrs, String sql) throws SQLException {
        try (Connection owner = vrs.ownerConnection(); Statement s = owner.createStatement()) {
            s.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_insert_only");
            s.execute(sql);
            s.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_insert_only");
        }
    }

    private static long count(RunningService vrs, String sql) throws SQLException {
        try (Connection c = vrs.ownerConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
