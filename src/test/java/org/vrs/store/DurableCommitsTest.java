package org.vrs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.vrs.support.RunningService;

/**
 * An acknowledged event must survive a crash of the database or of the machine: the embedded
 * database commits with fsync and waits for the WAL flush, and no second process can take over
 * (and stop) the database of a running service.
 */
class DurableCommitsTest {
    private final RunningService vrs = RunningService.shared();

    @Test
    void theEmbeddedDatabaseFlushesEveryCommitToDisk() throws Exception {
        try (Connection c = vrs.appConnection(); Statement s = c.createStatement()) {
            assertThat(setting(s, "fsync")).isEqualTo("on");
            assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(s, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void aSecondProcessOnTheSameDataFolderIsRefusedAndLeavesTheRunningDatabaseAlone() throws Exception {
        assertThatThrownBy(() -> EmbeddedDatabase.start(vrs.dataDir().resolve("pg")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use by another running VRS process");
        try (Connection c = vrs.appConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
        }
    }

    private static String setting(Statement s, String name) throws Exception {
        try (ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
