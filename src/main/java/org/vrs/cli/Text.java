package org.vrs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Text as the tools print it: server values made safe for a terminal, and aligned tables. */
final class Text {

    private Text() {
    }

    /**
     * A value with control characters (escape sequences, carriage returns, new lines) shown as
     * {@code \\uXXXX}, so what the service returns cannot rewrite the auditor's terminal or forge lines.
     */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** A JSON value in one line: text without quotes, anything else as compact JSON. */
    static String cell(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "";
        }
        return clean(value.isValueNode() ? value.asText() : value.toString());
    }

    /** Rows printed with every column but the last padded to its widest cell. */
    static final class Table {
        private final List<String[]> rows = new ArrayList<>();
        private final int columns;

        Table(String... header) {
            this.columns = header.length;
            rows.add(header);
        }

        void add(String... cells) {
            rows.add(cells);
        }

        int size() {
            return rows.size() - 1;
        }

        void print(PrintWriter out, String indent) {
            int[] widths = new int[columns];
            for (String[] row : rows) {
                for (int i = 0; i < columns - 1; i++) {
                    widths[i] = Math.max(widths[i], row[i].codePointCount(0, row[i].length()));
                }
            }
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder(indent);
                for (int i = 0; i < columns; i++) {
                    line.append(row[i]);
                    if (i < columns - 1) {
                        line.append(" ".repeat(widths[i] - row[i].codePointCount(0, row[i].length()) + 2));
                    }
                }
                out.println(line.toString().stripTrailing());
            }
        }
    }
}
