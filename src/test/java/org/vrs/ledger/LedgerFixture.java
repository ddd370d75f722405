package org.vrs.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.vrs.casefile.api.CaseNoteAdded;
import org.vrs.casefile.api.DataCategory;
import org.vrs.casefile.api.FileId;
import org.vrs.casefile.api.NoteId;
import org.vrs.support.RunningService;

/**
 * A real service for ledger tests, events written fast through the real (encrypting) event
 * store, and the owner's view of the database for tampering.
 */
final class LedgerFixture {

    private static LedgerFixture shared;

    final RunningService vrs;
    final Path keysDir;
    /** Next sequence number of each file this fixture wrote to. */
    private final Map<String, Long> sequences = new LinkedHashMap<>();

    LedgerFixture(RunningService vrs, Path keysDir) {
        this.vrs = vrs;
        this.keysDir = keysDir;
    }

    /**
     * One service for the ledger tests that do not restart it; not {@link RunningService#shared()},
     * whose store other tests tamper with in ways the ledger would rightly refuse to follow.
     */
    static synchronized LedgerFixture shared() {
        if (shared == null) {
            try {
                Path root = Files.createTempDirectory("vrs-ledger-");
                shared = start(root, Map.of());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    static LedgerFixture start(Path root, Map<String, Object> extra) {
        return new LedgerFixture(RunningService.start(root.resolve("data"), root.resolve("keys"), extra), root.resolve("keys"));
    }

    /** Opens {@code files} new files and adds {@code perFile} case notes to each, in rounds across files. */
    List<String> newFiles(int files, int perFile) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            String id = UUID.randomUUID().toString();
            sequences.put(id, 0L);
            ids.add(id);
        }
        append(ids, perFile);
        return ids;
    }

    /** Appends {@code rounds} case notes to each file, published in batches of up to 500 per transaction. */
    void append(List<String> files, int rounds) {
        append(files, rounds, 500);
    }

    /** Appends {@code rounds} case notes to each file, {@code perTransaction} events per commit. */
    void append(List<String> files, int rounds, int perTransaction) {
        EventStore events = vrs.bean(EventStore.class);
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (String file : files) {
                long sequence = sequences.merge(file, 1L, Long::sum) - 1;
                batch.add(new GenericDomainEventMessage<>("VictimFile", file, sequence,
                        new CaseNoteAdded(new FileId(file), NoteId.random(), DataCategory.CASE_ADMIN, "note " + sequence)));
                if (batch.size() == perTransaction) {
                    events.publish(batch);
                    batch = new ArrayList<>();
                }
            }
        }
        if (!batch.isEmpty()) {
            events.publish(batch);
        }
    }

    /** Waits until every stored event has a leaf and a checkpoint covers them all. */
    void awaitIntegrated() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            long events = count("SELECT count(*) FROM domain_event_entry");
            assertThat(count("SELECT count(*) FROM ledger_leaf")).isEqualTo(events);
            assertThat(count("SELECT COALESCE(MAX(tree_size), 0) FROM ledger_checkpoint")).isEqualTo(events);
        });
    }

    VerificationReport verify() throws SQLException, IOException {
        return verify(Map.of());
    }

    VerificationReport verify(Map<String, SignedCheckpoint> given) throws SQLException, IOException {
        try (Connection app = vrs.appConnection()) {
            return verifier().withCheckpoints(given).verify(app);
        }
    }

    StoreVerifier verifier() throws IOException {
        return StoreVerifier.of(StoreVerifier.DEFAULT_ORIGIN,
                LedgerSigningKey.readPublicKey(keysDir.resolve(LedgerSigningKey.PUBLIC_KEY_FILE)));
    }

    long count(String sql) throws SQLException {
        try (Connection c = vrs.ownerConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs statements as the owner with the insert-only trigger of each table switched off, as a tamperer would. */
    void tamper(List<String> tables, String... statements) throws SQLException {
        try (Connection owner = vrs.ownerConnection(); Statement s = owner.createStatement()) {
            owner.setAutoCommit(false);
            for (String table : tables) {
                s.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
            }
            for (String statement : statements) {
                s.execute(statement);
            }
            for (String table : tables) {
                s.execute("ALTER TABLE " + table + " ENABLE TRIGGER USER");
            }
            owner.commit();
        }
    }
}
