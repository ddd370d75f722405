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

    /**
     * A run stopped part way and resumed from its state file reports exactly what one whole run
     * reports, and still finds an event tampered with after the resume point; a state file refuses
     * to serve other options, a damaged file, or a log that changed at the resume point.
     */
    @Test
    void aStoppedRunResumesFromItsStateAndChecksTheRestAsAWholeRunWould() throws Exception {
        Path data = root.resolve("data");
        Path keys = root.resolve("keys");
        Path state = root.resolve("verify.state");
        try (RunningService vrs = RunningService.start(data, keys, Map.of())) {
            for (int i = 0; i < 6; i++) {
                openWithNote(vrs);
            }
            vrs.awaitLedger();
            String[] db = {"--db-url", vrs.jdbcUrl(), "--db-user", "vrs_app", "--keys-dir", keys.toString()};

            Run whole = verify(db);
            assertThat(whole.exitCode()).as(whole.err()).isZero();
            assertThat(whole.out()).startsWith("OK: 12 leaves");

            Run stopped = verify(with(db, "--state", state.toString(), "--stop-after", "5", "--progress"));
            assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(3);
            assertThat(stopped.out()).startsWith("INTERRUPTED after 5 of 12 leaves").contains("--state " + state);
            assertThat(stopped.err()).contains("\r[").contains("5 / 12 leaves").contains("leaves/s").contains("ETA");
            assertThat(state).exists();

            Run resumed = verify(with(db, "--state", state.toString()));
            assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
            assertThat(withoutTimes(resumed.out())).isEqualTo(withoutTimes(whole.out()));
            assertThat(resumed.out()).contains("resumed:     at leaf 5");
            assertThat(state).as("a completed run removes its state").doesNotExist();

            long afterResumePoint = vrs.count("SELECT global_index FROM ledger_leaf WHERE leaf_index = 8");
            String flipAfter = flip(afterResumePoint);
            assertThat(verify(with(db, "--state", state.toString(), "--stop-after", "5")).exitCode()).isEqualTo(3);
            tamper(vrs, flipAfter);
            Run caught = verify(with(db, "--state", state.toString()));
            assertThat(caught.exitCode()).as(caught.out() + caught.err()).isEqualTo(1);
            assertThat(caught.out()).startsWith("FAILED at position 8: LeafMismatch").contains("in ciphertextDigest")
                    .contains("resumed at leaf 5");
            assertThat(state).as("kept after a divergence, so the divergence shows again").exists();
            tamper(vrs, flipAfter);

            // the leaves before the resume point were checked by the first part and are not read again
            String flipBefore = flip(vrs.count("SELECT global_index FROM ledger_leaf WHERE leaf_index = 2"));
            tamper(vrs, flipBefore);
            assertThat(verify(with(db, "--state", state.toString())).exitCode()).as("out of scope of a resumed run").isZero();
            assertThat(verify(db).out()).as("a whole run finds it").startsWith("FAILED at position 2: LeafMismatch");
            tamper(vrs, flipBefore);

            // the service keeps writing between the two parts: the resumed run covers the new leaves too
            assertThat(verify(with(db, "--state", state.toString(), "--stop-after", "5")).exitCode()).isEqualTo(3);
            openWithNote(vrs);
            vrs.awaitLedger();
            Run grown = verify(with(db, "--state", state.toString()));
            assertThat(grown.exitCode()).as(grown.out() + grown.err()).isZero();
            assertThat(grown.out()).startsWith("OK: 14 leaves");
            assertThat(withoutTimes(grown.out())).isEqualTo(withoutTimes(verify(db).out()));

            assertThat(verify(with(db, "--state", state.toString(), "--stop-after", "5")).exitCode()).isEqualTo(3);
            Path checkpoint = root.resolve("checkpoint.txt");
            Files.writeString(checkpoint, vrs.get(Caller.INVESTIGATOR, "/api/v1/ledger/checkpoint").body());
            Run otherOptions = verify(with(db, "--state", state.toString(), "--checkpoint", checkpoint.toString()));
            assertThat(otherOptions.exitCode()).isEqualTo(2);
            assertThat(otherOptions.err()).contains("was saved with another origin, public key or set of given checkpoints");

            try (Connection owner = vrs.ownerConnection(); Statement s = owner.createStatement()) {
                s.execute("ALTER TABLE ledger_leaf DISABLE TRIGGER USER");
                s.execute("UPDATE ledger_leaf SET leaf_hash = set_byte(leaf_hash, 0, get_byte(leaf_hash, 0) # 1) WHERE leaf_index = 4");
                Run changed = verify(with(db, "--state", state.toString()));
                assertThat(changed.exitCode()).isEqualTo(2);
                assertThat(changed.err()).contains("no longer matches the state").contains("at its resume point (leaf 4)");
                s.execute("UPDATE ledger_leaf SET leaf_hash = set_byte(leaf_hash, 0, get_byte(leaf_hash, 0) # 1) WHERE leaf_index = 4");
                s.execute("ALTER TABLE ledger_leaf ENABLE TRIGGER USER");
            }

            RunningService other = RunningService.shared();
            for (int i = 0; i < 3; i++) {
                openWithNote(other);
            }
            other.awaitLedger();
            Run anotherLog = verify("--db-url", other.jdbcUrl(), "--db-user", "vrs_app", "--keys-dir", keys.toString(),
                    "--state", state.toString());
            assertThat(anotherLog.exitCode()).isEqualTo(2);
            assertThat(anotherLog.err()).contains("belongs to another log");

            byte[] bytes = Files.readAllBytes(state);
            bytes[bytes.length / 2] ^= 1;
            Files.write(state, bytes);
            Run damaged = verify(with(db, "--state", state.toString()));
            assertThat(damaged.exitCode()).isEqualTo(2);
            assertThat(damaged.err()).contains("is damaged");
        }
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

    private static String[] with(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    private static String withoutTimes(String report) {
        return report.lines().filter(l -> !l.startsWith("  time:") && !l.startsWith("  resumed:")).toList().toString();
    }

    private static String flip(long globalIndex) {
        return "UPDATE domain_event_entry SET payload = "
                + "set_byte(payload, length(payload) - 1, get_byte(payload, length(payload) - 1) # 1) "
                + "WHERE global_index = " + globalIndex;
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
