package org.vrs.support;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Every byte of a query's rows as one string, for scanning what was stored for plaintext. */
public final class TableDump {
    private TableDump() {
    }

    public static String of(Statement s, String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int c = 1; c <= columns; c++) {
                    byte[] bytes = rs.getBytes(c);
                    out.append(bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1)).append('|');
                }
            }
        }
        return out.toString();
    }
}
