package org.vrs.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writers committing concurrently leave gaps in the global index that fill later. Such an event
 * arrives with a token positioned past it, and Axon may deliver an event twice: the ledger still
 * gets exactly one leaf per event. (The first test failed while the integrator took the token's
 * position for the event's global index.)
 */
class LedgerConcurrentWritersTest {

    @Test
    void concurrentCommitsGetExactlyOneLeafEach() throws Exception {
        LedgerFixture ledger = LedgerFixture.shared();
        List<Thread> writers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            LedgerFixture writer = new LedgerFixture(ledger.vrs, ledger.keysDir);
            List<String> files = writer.newFiles(1, 1);
            Thread thread = new Thread(() -> {
                try {
                    writer.append(files, 300, 1);
                } catch (RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "writer-" + w);
            writers.add(thread);
        }
        writers.forEach(Thread::start);
        for (Thread thread : writers) {
            thread.join();
        }
        assertThat(failures).isEmpty();
        ledger.awaitIntegrated();
        long events = ledger.count("SELECT count(*) FROM domain_event_entry");
        assertThat(ledger.count("SELECT count(DISTINCT global_index) FROM ledger_leaf")).isEqualTo(events);
        assertThat(ledger.verify()).isInstanceOf(VerificationReport.Verified.class);
    }

    @Test
    void anEventDeliveredTwiceGetsOneLeaf() throws Exception {
        LedgerFixture ledger = LedgerFixture.shared();
        StreamingEventProcessor processor = ledger.vrs.bean(EventProcessingConfiguration.class)
                .eventProcessor(LedgerIntegrator.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        try {
            ledger.newFiles(1, 2);
            long first = ledger.count("SELECT MAX(global_index) - 1 FROM domain_event_entry");
            long leaves = ledger.count("SELECT count(*) FROM ledger_leaf");
            LeafAppender appender = ledger.vrs.bean(LeafAppender.class);
            List<String> delivered = List.of(eventAt(ledger, first), eventAt(ledger, first), eventAt(ledger, first + 1),
                    eventAt(ledger, first));
            new TransactionTemplate(ledger.vrs.bean(PlatformTransactionManager.class))
                    .executeWithoutResult(status -> appender.append(delivered));
            appender.committed();
            assertThat(ledger.count("SELECT count(*) FROM ledger_leaf")).isEqualTo(leaves + 2);
        } finally {
            processor.start();
        }
        ledger.awaitIntegrated();
        assertThat(ledger.count("SELECT count(*) FROM ledger_leaf"))
                .isEqualTo(ledger.count("SELECT count(*) FROM domain_event_entry"));
    }

    private static String eventAt(LedgerFixture ledger, long globalIndex) {
        try (Connection c = ledger.vrs.ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT event_identifier FROM domain_event_entry WHERE global_index = "
                     + globalIndex)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
