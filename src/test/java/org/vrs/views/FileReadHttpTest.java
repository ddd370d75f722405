package org.vrs.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vrs.support.Caller;
import org.vrs.support.Response;
import org.vrs.support.RunningService;

/** Reading a file: scope, redaction by role, and one access event per read. */
class FileReadHttpTest {
    private final RunningService vrs = RunningService.shared();

    @Test
    void theOwnerSeesWhatItsRoleMaySeeAndEachReadIsRecorded() throws Exception {
        String file = TestFiles.openWithIdentityAndAddress(vrs, "Mua Thi Readtest", "Ban Xeo, Bat Xat");
        Response r = awaitView(Caller.RECEPTION, file, 2);
        assertThat(r.body()).contains("Mua Thi Readtest").contains("Ban Xeo, Bat Xat");
        assertThat(r.json().path("disclosure").path("TRAFFICKING_ACCOUNT").asText()).isEqualTo("HIDDEN");
        long before = accessEvents(file);
        vrs.get(Caller.RECEPTION.withPurpose("case-review"), "/api/v1/files/" + file);
        assertThat(accessEvents(file)).isEqualTo(before + 1);
    }

    @Test
    void anotherAgencyWithoutAGrantGetsNotFoundAndTheRefusalIsRecorded() throws Exception {
        String file = TestFiles.openWithIdentityAndAddress(vrs, "Mua Thi Outofscope", "Trinh Tuong");
        awaitView(Caller.RECEPTION, file, 2);
        Response r = vrs.get(Caller.CASEWORKER.withPurpose("case-review"), "/api/v1/files/" + file);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).doesNotContain("Mua Thi").doesNotContain("Trinh Tuong");
        try (Connection c = vrs.ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM domain_event_entry WHERE payload_type = 'org.vrs.access.api.FileReadRefused'")) {
            rs.next();
            assertThat(rs.getLong(1)).isPositive();
        }
    }

    private Response awaitView(Caller caller, String file, long sequence) {
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            last[0] = vrs.get(caller.withPurpose("case-review"), "/api/v1/files/" + file);
            return last[0].status() == 200 && last[0].json().path("sequence").asLong() >= sequence;
        });
        return last[0];
    }

    private long accessEvents(String file) throws Exception {
        try (Connection c = vrs.ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM domain_event_entry WHERE payload_type = 'org.vrs.access.api.FileRead'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
