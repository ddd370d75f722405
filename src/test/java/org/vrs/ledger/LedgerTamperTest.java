package org.vrs.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vrs.support.Caller;
import org.vrs.support.Response;

/**
 * Tampering as the database owner, with the insert-only triggers switched off: each kind makes
 * the verifier fail at the right position with the right check. Every test puts the store back,
 * and the store must verify again afterwards.
 */
class LedgerTamperTest {

    private static final List<String> EVENTS = List.of("domain_event_entry");
    private static final List<String> LEDGER = List.of("ledger_leaf", "ledger_node", "ledger_checkpoint");
    private static LedgerFixture ledger;
    private static String shreddedFile;

    /** A leaf and the event it was made of. */
    private record Leaf(long index, long globalIndex, String eventId) {
    }

    @BeforeAll
    static void fillTheStore() {
        ledger = LedgerFixture.shared();
        shreddedFile = openRecordAndShred();
        ledger.newFiles(6, 12);
        ledger.awaitIntegrated();
    }

    @AfterEach
    void theStoreVerifiesAgain() throws Exception {
        assertThat(ledger.verify()).isInstanceOf(VerificationReport.Verified.class);
    }

    @Test
    void anIntactStoreVerifiesWithItsCounts() throws Exception {
        VerificationReport.Verified ok = (VerificationReport.Verified) ledger.verify();
        long events = ledger.count("SELECT count(*) FROM domain_event_entry");
        assertThat(ok.head().size().value()).isEqualTo(events);
        assertThat(ok.events()).isEqualTo(events);
        assertThat(ok.pendingEvents()).isZero();
        assertThat(ok.files()).isEqualTo(ledger.count("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry"));
        assertThat(ok.nodes()).isEqualTo(events - Long.bitCount(events));
        assertThat(ok.checkpoints()).isEqualTo((int) ledger.count("SELECT count(*) FROM ledger_checkpoint")).isPositive();
        try (Connection c = ledger.vrs.ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT root_hash FROM ledger_checkpoint WHERE tree_size = " + events)) {
            assertThat(rs.next()).isTrue();
            assertThat(ok.head().root()).isEqualTo(Sha256.of(rs.getBytes(1)));
        }
    }

    @Test
    void aShreddedFileKeepsItsLeavesAndVerifies() throws Exception {
        assertThat(ledger.count("SELECT count(*) FROM ledger_leaf WHERE file_id = '" + shreddedFile + "'")).isEqualTo(3);
        assertThat(ledger.count("SELECT count(*) FROM data_key WHERE file_id = '" + shreddedFile + "' AND wrapped IS NULL"))
                .isEqualTo(1);
        assertThat(ledger.verify()).isInstanceOf(VerificationReport.Verified.class);
    }

    @Test
    void aChangedPayloadByteFailsAtItsLeaf() throws Exception {
        Leaf leaf = leafAt(middle());
        String flipLastByte = "UPDATE domain_event_entry SET payload = set_byte(payload, length(payload) - 1, "
                + "get_byte(payload, length(payload) - 1) # 1) WHERE global_index = " + leaf.globalIndex();
        ledger.tamper(EVENTS, flipLastByte);
        try {
            Divergence.LeafMismatch mismatch = failure(Divergence.LeafMismatch.class);
            assertThat(mismatch.leaf().value()).isEqualTo(leaf.index());
            assertThat(mismatch.eventId()).isEqualTo(leaf.eventId());
            assertThat(mismatch.field()).isEqualTo("ciphertextDigest");
        } finally {
            ledger.tamper(EVENTS, flipLastByte);
        }
    }

    @Test
    void changedClearMetadataFailsAtItsLeafNamingTheField() throws Exception {
        Leaf leaf = leafAt(middle());
        String original = text("SELECT time_stamp FROM domain_event_entry WHERE global_index = " + leaf.globalIndex());
        ledger.tamper(EVENTS, "UPDATE domain_event_entry SET time_stamp = '2020-01-01T00:00:00.000Z' WHERE global_index = "
                + leaf.globalIndex());
        try {
            Divergence.LeafMismatch mismatch = failure(Divergence.LeafMismatch.class);
            assertThat(mismatch.leaf().value()).isEqualTo(leaf.index());
            assertThat(mismatch.field()).isEqualTo("timestamp");
            assertThat(mismatch.recomputed()).isEqualTo("2020-01-01T00:00:00Z");
        } finally {
            ledger.tamper(EVENTS, "UPDATE domain_event_entry SET time_stamp = '" + original + "' WHERE global_index = "
                    + leaf.globalIndex());
        }
        ledger.tamper(EVENTS, "UPDATE domain_event_entry SET payload_type = 'org.vrs.casefile.api.FileClosed' "
                + "WHERE global_index = " + leaf.globalIndex());
        try {
            assertThat(failure(Divergence.LeafMismatch.class)).extracting(Divergence.LeafMismatch::field, d -> d.leaf().value())
                    .containsExactly("payloadType", leaf.index());
        } finally {
            ledger.tamper(EVENTS, "UPDATE domain_event_entry SET payload_type = 'org.vrs.casefile.api.CaseNoteAdded' "
                    + "WHERE global_index = " + leaf.globalIndex());
        }
    }

    @Test
    void aDeletedEventFailsAtItsLeaf() throws Exception {
        Leaf leaf = leafAt(middle());
        ledger.tamper(EVENTS, "CREATE TABLE tamper_backup AS SELECT * FROM domain_event_entry WHERE global_index = " + leaf.globalIndex(),
                "DELETE FROM domain_event_entry WHERE global_index = " + leaf.globalIndex());
        try {
            assertThat(failure(Divergence.EventRowMissing.class))
                    .isEqualTo(new Divergence.EventRowMissing(new LeafIndex(leaf.index()), leaf.eventId(), leaf.globalIndex()));
        } finally {
            restoreBackup();
        }
    }

    @Test
    void twoSwappedEventsFailAtTheFirst() throws Exception {
        Leaf first = leafAt(middle());
        Leaf second = leafAt(middle() + 3);
        String swap = "UPDATE domain_event_entry SET global_index = -1 WHERE global_index = " + first.globalIndex() + ";"
                + "UPDATE domain_event_entry SET global_index = " + first.globalIndex() + " WHERE global_index = " + second.globalIndex() + ";"
                + "UPDATE domain_event_entry SET global_index = " + second.globalIndex() + " WHERE global_index = -1";
        ledger.tamper(EVENTS, swap);
        try {
            Divergence.LeafMismatch mismatch = failure(Divergence.LeafMismatch.class);
            assertThat(mismatch.leaf().value()).isEqualTo(first.index());
            assertThat(mismatch.field()).isEqualTo("eventId");
            assertThat(mismatch.stored()).isEqualTo("'" + first.eventId() + "'");
            assertThat(mismatch.recomputed()).isEqualTo("'" + second.eventId() + "'");
        } finally {
            ledger.tamper(EVENTS, swap);
        }
    }

    @Test
    void aForgedEventInsertedBehindTheLedgerFails() throws Exception {
        Leaf model = leafAt(middle());
        ledger.tamper(EVENTS, "INSERT INTO domain_event_entry SELECT 0, 'forged-event', aggregate_identifier, 999, type, "
                + "time_stamp, payload_type, payload_revision, payload, meta_data FROM domain_event_entry WHERE global_index = "
                + model.globalIndex());
        try {
            Divergence.EventWithoutLeaf orphan = failure(Divergence.EventWithoutLeaf.class);
            assertThat(orphan.globalIndex()).isZero();
            assertThat(orphan.eventId()).isEqualTo("forged-event");
        } finally {
            ledger.tamper(EVENTS, "DELETE FROM domain_event_entry WHERE global_index = 0");
        }
    }

    @Test
    void aTruncatedTailFailsAtTheFirstRemovedEvent() throws Exception {
        long size = ledger.count("SELECT count(*) FROM ledger_leaf");
        Leaf firstRemoved = leafAt(size - 3);
        ledger.tamper(EVENTS, "CREATE TABLE tamper_backup AS SELECT * FROM domain_event_entry WHERE global_index IN "
                        + "(SELECT global_index FROM ledger_leaf WHERE leaf_index >= " + firstRemoved.index() + ")",
                "DELETE FROM domain_event_entry WHERE global_index IN (SELECT global_index FROM tamper_backup)");
        try {
            assertThat(failure(Divergence.EventRowMissing.class).leaf().value()).isEqualTo(firstRemoved.index());
        } finally {
            restoreBackup();
        }
    }

    @Test
    void aTailCutFromEventsAndLedgerFailsAgainstTheSignedCheckpoint() throws Exception {
        long size = ledger.count("SELECT count(*) FROM ledger_leaf");
        long keep = size - 3;
        long tokenIndex = ledger.count("SELECT global_index FROM ledger_leaf WHERE leaf_index = " + (keep - 1));
        String token = text("SELECT convert_from(token, 'UTF8') FROM token_entry WHERE processor_name = 'ledger'");
        String tokenType = text("SELECT token_type FROM token_entry WHERE processor_name = 'ledger'");
        long checkpoints = ledger.count("SELECT count(*) FROM ledger_checkpoint");
        ledgerProcessor().shutDown();
        ledger.tamper(List.of("domain_event_entry", "ledger_leaf", "ledger_node"),
                "CREATE TABLE tamper_events AS SELECT * FROM domain_event_entry WHERE global_index IN "
                        + "(SELECT global_index FROM ledger_leaf WHERE leaf_index >= " + keep + ")",
                "CREATE TABLE tamper_leaves AS SELECT * FROM ledger_leaf WHERE leaf_index >= " + keep,
                "CREATE TABLE tamper_nodes AS SELECT * FROM ledger_node WHERE (idx + 1) << level::int > " + keep,
                "DELETE FROM domain_event_entry WHERE global_index IN (SELECT global_index FROM tamper_events)",
                "DELETE FROM ledger_leaf WHERE leaf_index >= " + keep,
                "DELETE FROM ledger_node WHERE (idx + 1) << level::int > " + keep,
                setToken(tokenIndex));
        try {
            assertThat(failure(Divergence.CheckpointBeyondLog.class))
                    .isEqualTo(new Divergence.CheckpointBeyondLog(new TreeSize(size), "stored", new TreeSize(keep)));
            assertThat(ledger.vrs.bean(CheckpointSigner.class).signIfGrown()).as("never signs a smaller tree").isEmpty();
            assertThat(ledger.count("SELECT count(*) FROM ledger_checkpoint")).isEqualTo(checkpoints);
        } finally {
            ledger.tamper(List.of("domain_event_entry", "ledger_leaf", "ledger_node"),
                    "INSERT INTO domain_event_entry SELECT * FROM tamper_events",
                    "INSERT INTO ledger_leaf SELECT * FROM tamper_leaves",
                    "INSERT INTO ledger_node SELECT * FROM tamper_nodes",
                    "UPDATE token_entry SET token = convert_to('" + token + "', 'UTF8'), token_type = '" + tokenType
                            + "' WHERE processor_name = 'ledger'",
                    "DROP TABLE tamper_events, tamper_leaves, tamper_nodes");
            ledgerProcessor().start();
        }
    }

    @Test
    void aTokenSetBackFailsAtTheFirstUncoveredLeafAndIsNeverFollowedTwice() throws Exception {
        Leaf leaf = leafAt(middle());
        ledgerProcessor().shutDown();
        try {
            ledger.tamper(List.of(), setToken(leaf.globalIndex() - 1));
            Divergence.TokenBehindLeaf behind = failure(Divergence.TokenBehindLeaf.class);
            // leaves follow commit order, which may differ from insert order (global index): the first
            // leaf the set-back token no longer covers may come before the one it was set behind
            Leaf firstUncovered = leafAt(ledger.count("SELECT MIN(leaf_index) FROM ledger_leaf WHERE global_index >= " + leaf.globalIndex()));
            assertThat(behind.leaf().value()).isEqualTo(firstUncovered.index());
            assertThat(behind.eventId()).isEqualTo(firstUncovered.eventId());
        } finally {
            ledgerProcessor().start();
        }
        ledger.newFiles(1, 2);
        ledger.awaitIntegrated(); // one leaf per event, checkpoint over all: nothing followed twice or skipped
        assertThat(ledger.count("SELECT MAX(leaf_index) + 1 FROM ledger_leaf")).as("dense leaf indexes")
                .isEqualTo(ledger.count("SELECT count(*) FROM ledger_leaf"));
    }

    @Test
    void aCheckpointHeldOutsideCatchesAHistoryRebuiltOverAnAlteredEvent() throws Exception {
        SignedCheckpoint before = SignedCheckpoint.parse(text(
                "SELECT note FROM ledger_checkpoint ORDER BY tree_size DESC LIMIT 1").getBytes(StandardCharsets.UTF_8));
        Leaf leaf = leafAt(middle());
        String original = text("SELECT time_stamp FROM domain_event_entry WHERE global_index = " + leaf.globalIndex());
        // The insider backdates an event (the timestamp is not in the cipher's AAD) and has the service rebuild its ledger.
        rebuildLedgerAfter("UPDATE domain_event_entry SET time_stamp = '2020-01-01T00:00:00.000Z' WHERE global_index = "
                + leaf.globalIndex());
        try {
            assertThat(ledger.verify()).as("the rebuilt ledger agrees with itself").isInstanceOf(VerificationReport.Verified.class);
            Divergence.CheckpointRootMismatch mismatch = (Divergence.CheckpointRootMismatch)
                    ((VerificationReport.Failed) ledger.verify(Map.of("auditor-copy", before))).divergence();
            assertThat(mismatch.size()).isEqualTo(before.checkpoint().head().size());
            assertThat(mismatch.source()).isEqualTo("given 'auditor-copy'");
            assertThat(mismatch.signed()).isEqualTo(before.checkpoint().head().root());
        } finally {
            rebuildLedgerAfter("UPDATE domain_event_entry SET time_stamp = '" + original + "' WHERE global_index = "
                    + leaf.globalIndex());
        }
        // No check of 'before' against the restored store: a rebuilt ledger takes events in global
        // index order, the original took them in commit order, and after concurrent writes the two
        // differ. A rebuild of the ledger is always visible to holders of earlier checkpoints.
    }

    @Test
    void progressIsReportedUpToTheLastLeaf() throws Exception {
        List<long[]> reports = new ArrayList<>();
        try (Connection app = ledger.vrs.appConnection()) {
            ledger.verifier().withProgress((checked, total, perSecond, remaining) -> reports.add(new long[] {checked, total}))
                    .verify(app);
        }
        long leaves = ledger.count("SELECT count(*) FROM ledger_leaf");
        assertThat(reports).isNotEmpty();
        assertThat(reports.get(reports.size() - 1)).containsExactly(leaves, leaves);
    }

    private void rebuildLedgerAfter(String tampering) throws Exception {
        ledgerProcessor().shutDown();
        CheckpointSigner signer = ledger.vrs.bean(CheckpointSigner.class);
        signer.stop();
        try {
            ledger.tamper(List.of("domain_event_entry", "ledger_leaf", "ledger_node", "ledger_checkpoint"), tampering,
                    "DELETE FROM ledger_leaf", "DELETE FROM ledger_node", "DELETE FROM ledger_checkpoint",
                    "DELETE FROM token_entry WHERE processor_name = 'ledger'");
        } finally {
            signer.start();
            ledgerProcessor().start();
        }
        ledger.awaitIntegrated();
    }

    private static String setToken(long globalIndex) {
        return "UPDATE token_entry SET token = convert_to('{\"index\":" + globalIndex + ",\"gaps\":[]}', 'UTF8'), "
                + "token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken' WHERE processor_name = 'ledger'";
    }

    private static StreamingEventProcessor ledgerProcessor() {
        return ledger.vrs.bean(EventProcessingConfiguration.class)
                .eventProcessor(LedgerIntegrator.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
    }

    private static <T extends Divergence> T failure(Class<T> type) throws Exception {
        VerificationReport report = ledger.verify();
        assertThat(report).isInstanceOf(VerificationReport.Failed.class);
        Divergence divergence = ((VerificationReport.Failed) report).divergence();
        assertThat(divergence).as(divergence.message()).isInstanceOf(type);
        assertThat(divergence.message()).contains(String.valueOf(divergence.position()));
        return type.cast(divergence);
    }

    private static void restoreBackup() throws SQLException {
        ledger.tamper(EVENTS, "INSERT INTO domain_event_entry SELECT * FROM tamper_backup", "DROP TABLE tamper_backup");
    }

    private static long middle() throws SQLException {
        return ledger.count("SELECT count(*) FROM ledger_leaf") / 2;
    }

    private static Leaf leafAt(long index) throws SQLException {
        try (Connection c = ledger.vrs.ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT leaf_index, global_index, event_identifier FROM ledger_leaf WHERE leaf_index = "
                     + index)) {
            assertThat(rs.next()).as("leaf " + index).isTrue();
            return new Leaf(rs.getLong(1), rs.getLong(2), rs.getString(3));
        }
    }

    private static String text(String sql) throws SQLException {
        try (Connection c = ledger.vrs.ownerConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    /**
     * A file opened and given an identity over HTTP, then erased by a data protection officer, all
     * while the integrator is stopped: its events reach the ledger only as shredded payloads.
     */
    private static String openRecordAndShred() {
        ledgerProcessor().shutDown();
        try {
            return openRecordAndShredOverHttp();
        } finally {
            ledgerProcessor().start();
        }
    }

    private static String openRecordAndShredOverHttp() {
        Response opened = ledger.vrs.post(Caller.RECEPTION, "/api/v1/files",
                "{\"channel\":\"SELF_REPORT\",\"receivingAgency\":\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"2026-10-01\"}");
        assertThat(opened.status()).isEqualTo(201);
        String file = opened.text("fileId");
        assertThat(ledger.vrs.post(Caller.RECEPTION, "/api/v1/files/" + file + "/record-identity",
                "{\"identity\":{\"fullName\":\"Erased Later\",\"sex\":\"FEMALE\",\"idDocumentType\":\"NONE\"}}").status())
                .isEqualTo(200);
        assertThat(ledger.vrs.post(Caller.DPO, "/api/v1/files/" + file + "/shred-file-keys",
                "{\"erasureOrderReference\":\"EO-1\",\"orderedBy\":\"Court\",\"orderedOn\":\"2026-11-20\"}").status())
                .isEqualTo(200);
        return file;
    }
}
