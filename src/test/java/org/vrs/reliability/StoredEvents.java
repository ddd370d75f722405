package org.vrs.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The file events as stored, read as the schema owner: where each sits, and the reason code of
 * the request that wrote it. Checks what must hold whatever happened to the process writing them.
 */
final class StoredEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One stored file event. */
    record Row(String file, long sequence, String reason) {
    }

    private final List<Row> rows;
    private final Set<String> filesWithKeys;
    private final Map<String, Long> viewPositions;

    private StoredEvents(List<Row> rows, Set<String> filesWithKeys, Map<String, Long> viewPositions) {
        this.rows = rows;
        this.filesWithKeys = filesWithKeys;
        this.viewPositions = viewPositions;
    }

    static StoredEvents read(Connection owner) throws SQLException {
        List<Row> rows = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        Map<String, Long> views = new HashMap<>();
        try (Statement s = owner.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT aggregate_identifier, sequence_number, convert_from(meta_data, 'UTF8') "
                    + "FROM domain_event_entry WHERE type IS NOT NULL ORDER BY aggregate_identifier, sequence_number")) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getLong(2), reason(rs.getString(3))));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT file_id FROM data_key WHERE file_id IS NOT NULL AND wrapped IS NOT NULL")) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT file_id, last_sequence FROM file_view")) {
                while (rs.next()) {
                    views.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return new StoredEvents(rows, keys, views);
    }

    private static String reason(String metaData) {
        try {
            return JSON.readTree(metaData).path("reasonCode").asText(null);
        } catch (Exception e) {
            throw new AssertionError("metadata is not JSON", e);
        }
    }

    /** Last sequence of every file that has events. */
    Map<String, Long> heads() {
        Map<String, Long> heads = new TreeMap<>();
        rows.forEach(r -> heads.merge(r.file(), r.sequence(), Math::max));
        return heads;
    }

    Map<String, Row> byReason() {
        Map<String, Row> out = new HashMap<>();
        for (Row r : rows) {
            if (r.reason() != null) {
                assertThat(out.put(r.reason(), r)).as("request %s stored twice", r.reason()).isNull();
            }
        }
        return out;
    }

    /**
     * Nothing half-written: every file's events run 0..n without a gap, and a file has events if and
     * only if it has a data key (the key is created in the transaction of the file's first event).
     */
    void assertWhole() {
        Map<String, Long> expectedNext = new HashMap<>();
        for (Row r : rows) {
            long next = expectedNext.getOrDefault(r.file(), 0L);
            assertThat(r.sequence()).as("sequence of file %s", r.file()).isEqualTo(next);
            expectedNext.put(r.file(), next + 1);
        }
        assertThat(filesWithKeys).as("files with a data key").containsExactlyInAnyOrderElementsOf(expectedNext.keySet());
    }

    /** Every acknowledged request is stored exactly where its response said; no request is stored twice. */
    void assertHolds(List<WriteLoad.Outcome> outcomes) {
        Map<String, Row> stored = byReason();
        for (WriteLoad.Outcome o : outcomes) {
            Row row = stored.get(o.reason());
            if (o.acknowledged()) {
                assertThat(row).as("acknowledged request %s", o.reason()).isNotNull();
                assertThat(row.file()).isEqualTo(o.file());
                assertThat(row.sequence()).isEqualTo(o.sequence());
            }
        }
    }

    /** How many requests that got no response (or an error) were nevertheless committed. */
    long committedWithoutAcknowledgement(List<WriteLoad.Outcome> outcomes) {
        Map<String, Row> stored = byReason();
        return outcomes.stream().filter(o -> !o.acknowledged() && stored.containsKey(o.reason())).count();
    }

    /** Files whose view is not yet at the file's last event. */
    Map<String, Long> viewsBehind() {
        Map<String, Long> behind = new TreeMap<>();
        heads().forEach((file, head) -> {
            long at = viewPositions.getOrDefault(file, -1L);
            if (at < head) {
                behind.put(file, at);
            }
        });
        return behind;
    }

    int size() {
        return rows.size();
    }
}
