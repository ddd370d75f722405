package org.vrs.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.support.RunningService;

/**
 * Two service instances on one database: only the one holding the ledger's token claim appends,
 * whichever instance the events were written through; when it lets go, the other takes over
 * where it stopped. Leaf indices stay dense and every event gets exactly one leaf.
 */
class LedgerTwoInstancesTest {

    @TempDir
    Path root;

    @Test
    void onlyTheClaimHolderAppendsAndTheOtherTakesOverWhereItStopped() throws Exception {
        LedgerFixture a = LedgerFixture.start(root, Map.of("vrs.node-id", "instance-a"));
        RunningService b = null;
        try {
            a.newFiles(4, 5);
            a.awaitIntegrated();
            b = RunningService.start(root.resolve("unused-data"), root.resolve("keys"), Map.of(
                    "vrs.db.url", a.vrs.jdbcUrl(), "vrs.db.user", "vrs_app", "vrs.db.owner-user", "vrs_owner",
                    "vrs.dev-identity", "false", "vrs.node-id", "instance-b", "vrs.ledger.token-claim-interval", "PT0.2S"));
            StreamingEventProcessor ledgerOfB = ledgerProcessor(b);
            LedgerFixture writerB = new LedgerFixture(b, a.keysDir);

            writerB.newFiles(10, 10);
            a.awaitIntegrated();
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> ledgerOfB.isRunning() && ledgerOfB.processingStatus().isEmpty());
            assertThat(owner(a)).isEqualTo("instance-a");

            ledgerProcessor(a.vrs).shutDown();
            a.newFiles(5, 10);
            a.awaitIntegrated();
            assertThat(ledgerOfB.processingStatus()).containsKey(0);
            assertThat(owner(a)).isEqualTo("instance-b");

            long events = a.count("SELECT count(*) FROM domain_event_entry");
            assertThat(a.count("SELECT count(DISTINCT global_index) FROM ledger_leaf")).isEqualTo(events);
            VerificationReport.Verified verified = (VerificationReport.Verified) a.verify();
            assertThat(verified.head().size().value()).isEqualTo(events);
            assertThat(verified.checkpoints()).isGreaterThanOrEqualTo(3);
        } finally {
            if (b != null) {
                b.close();
            }
            a.vrs.close();
        }
    }

    private static StreamingEventProcessor ledgerProcessor(RunningService vrs) {
        return vrs.bean(EventProcessingConfiguration.class)
                .eventProcessor(LedgerIntegrator.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
    }

    private static String owner(LedgerFixture ledger) throws Exception {
        try (Connection c = ledger.vrs.ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT owner FROM token_entry WHERE processor_name = 'ledger' AND segment = 0")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
