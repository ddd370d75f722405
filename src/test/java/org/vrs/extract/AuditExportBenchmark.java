package org.vrs.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.casefile.api.AgencyId;
import org.vrs.casefile.api.CaseNoteAdded;
import org.vrs.casefile.api.DataCategory;
import org.vrs.casefile.api.FileId;
import org.vrs.casefile.api.FileOpened;
import org.vrs.casefile.api.NoteId;
import org.vrs.casefile.api.ReceptionChannel;
import org.vrs.support.Caller;
import org.vrs.support.RunningService;

/**
 * Not part of the default run: {@code mvn -B -o -Pbench test -Dtest=AuditExportBenchmark -Dvrs.benchmark=true}.
 * 20,000 events (200 files of 100) planted on a service of its own, then the audit-trail export
 * of their period over HTTP and its offline verification. Prints the figures.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "vrs.benchmark", matches = "true")
class AuditExportBenchmark {

    private static final int FILES = 200;
    private static final int EVENTS_PER_FILE = 100;
    private static final int RUNS = 3;
    private static final Caller AUDITOR = new Caller("u-auditor", "STATE-AUDIT", "AUDITOR", null);

    @TempDir
    Path root;

    @Test
    void exportAndVerifyTwentyThousandEvents() throws Exception {
        try (RunningService vrs = RunningService.start(root.resolve("data"), root.resolve("keys"), Map.of())) {
            Instant from = Instant.now().minusSeconds(1);
            EventStore store = vrs.bean(EventStore.class);
            for (int f = 0; f < FILES; f++) {
                String fileId = UUID.randomUUID().toString();
                List<EventMessage<?>> batch = new ArrayList<>();
                batch.add(event(fileId, 0, new FileOpened(new FileId(fileId), "LC-B-" + f, ReceptionChannel.RESCUE,
                        new AgencyId("LC-COMMUNE-BATXAT"), "LC", LocalDate.of(2026, 11, 1))));
                for (int s = 1; s < EVENTS_PER_FILE; s++) {
                    batch.add(event(fileId, s, new CaseNoteAdded(new FileId(fileId), NoteId.random(), DataCategory.LEGAL, "note " + s)));
                }
                store.publish(batch);
            }
            vrs.awaitLedger();
            Thread.sleep(5);
            String body = "{\"from\":\"" + from + "\",\"to\":\"" + Instant.now() + "\",\"purpose\":\"benchmark\",\"reference\":\"B-1\"}";
            byte[] anchor = Files.readAllBytes(vrs.keysDir().resolve("extract").resolve("ca.pem"));
            for (int run = 0; run <= RUNS; run++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> response = vrs.postForBytes(AUDITOR, "/api/v1/audit/exports", body);
                long exported = System.nanoTime();
                assertThat(response.statusCode()).isEqualTo(201);
                Path zip = Files.write(root.resolve("trail-" + run + ".zip"), response.body());
                AuditExportReport report = AuditExportVerifier.verify(zip, anchor);
                long verified = System.nanoTime();
                assertThat(report.verified()).as(String.join("\n", report.lines())).isTrue();
                System.out.printf("AUDIT-EXPORT %s: %d events, zip %,d bytes, export %d ms, verify %d ms%n",
                        run == 0 ? "warm-up" : "run " + run, FILES * EVENTS_PER_FILE, response.body().length,
                        (exported - start) / 1_000_000, (verified - exported) / 1_000_000);
                vrs.awaitLedger();
            }
        }
    }

    private static EventMessage<?> event(String fileId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("VictimFile", fileId, sequence, payload,
                MetaData.with("agencyId", "LC-COMMUNE-BATXAT").and("actorId", "bench-import").and("role", "RECEPTION_OFFICER"));
    }
}
