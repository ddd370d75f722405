package org.vrs.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.support.Caller;
import org.vrs.support.Response;
import org.vrs.support.RunningService;

/** A period with more events than one bundle may list is refused with a 400 that says so, and nothing is recorded. */
class AuditExportLimitTest {
    private static final Caller AUDITOR = new Caller("u-auditor", "STATE-AUDIT", "AUDITOR", null);

    @TempDir
    Path root;

    @Test
    void aPeriodOverTheEventLimitIsRefused() throws Exception {
        try (RunningService vrs = RunningService.start(root.resolve("data"), root.resolve("keys"),
                Map.of("vrs.audit-export.max-events", 3))) {
            Instant from = Instant.now().minusSeconds(1);
            for (int i = 0; i < 4; i++) {
                assertThat(vrs.post(Caller.RECEPTION, "/api/v1/files",
                        "{\"channel\":\"SELF_REPORT\",\"receivingAgency\":\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"2026-11-01\"}").status())
                        .isEqualTo(201);
            }
            vrs.awaitLedger();
            Thread.sleep(5);
            String body = "{\"from\":\"" + from + "\",\"to\":\"" + Instant.now() + "\",\"purpose\":\"inspection\",\"reference\":\"AUD-1\"}";

            Response refused = vrs.post(AUDITOR, "/api/v1/audit/exports", body);

            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().path("error").asText()).isEqualTo("too-many-events");
            assertThat(refused.json().path("message").asText()).contains("more than 3 events");
            assertThat(vrs.count("SELECT count(*) FROM domain_event_entry WHERE payload_type = 'org.vrs.audit.api.AuditTrailExported'"))
                    .isZero();
        }
    }
}
