package org.vrs.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.support.Caller;
import org.vrs.support.Response;
import org.vrs.support.RunningService;

/** An insider who opens 50 files outside their caseload is at the top of the access review, with every file named. */
class InsiderDetectionTest {
    private static final Caller AUDITOR = new Caller("u-auditor", "STATE-AUDIT", "AUDITOR", null);

    @TempDir
    Path root;

    @Test
    void accessReviewFindsTheInsider() {
        try (RunningService vrs = RunningService.start(root.resolve("data"), root.resolve("keys"), Map.of())) {
            Set<String> files = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                Response r = vrs.post(Caller.RECEPTION, "/api/v1/files",
                        "{\"channel\":\"SELF_REPORT\",\"receivingAgency\":\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"2026-11-01\"}");
                files.add(r.text("fileId"));
            }
            Caller owner = Caller.RECEPTION.withPurpose("case-review");
            Caller insider = new Caller("u-insider", "LC-HEALTH", "CASEWORKER", "case-review");
            await().atMost(Duration.ofSeconds(30)).until(() -> files.stream().allMatch(f -> vrs.get(owner, "/api/v1/files/" + f).status() == 200));
            for (String file : files) {
                assertThat(vrs.get(insider, "/api/v1/files/" + file).status()).isEqualTo(404);
            }
            Response[] readers = new Response[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                readers[0] = vrs.get(AUDITOR, "/api/v1/audit/readers");
                return readers[0].status() == 200 && readers[0].json().size() > 0
                        && readers[0].json().get(0).path("refused").asLong() == 50;
            });
            JsonNode top = readers[0].json().get(0);
            assertThat(top.path("actorId").asText()).isEqualTo("u-insider");
            assertThat(top.path("filesOfOtherAgencies").asLong()).isEqualTo(50);
            assertThat(top.path("distinctFiles").asLong()).isEqualTo(50);

            Response trail = vrs.get(AUDITOR, "/api/v1/audit/reads?actorId=u-insider&size=1000");
            Set<String> named = new HashSet<>();
            trail.json().forEach(read -> named.add(read.path("fileId").asText()));
            assertThat(named).isEqualTo(files);
            assertThat(vrs.get(Caller.CASEWORKER, "/api/v1/audit/readers").status()).isEqualTo(403);
        }
    }
}
