package org.vrs.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Reads test data from src/test/resources/ledger. */
final class Vectors {

    private Vectors() {
    }

    static byte[] resource(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("/ledger/" + name)) {
            if (in == null) {
                throw new AssertionError("missing test resource ledger/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Non-comment, non-blank lines of a text resource, split on spaces. */
    static List<String[]> lines(String name) {
        List<String[]> lines = new ArrayList<>();
        for (String line : new String(resource(name), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                lines.add(line.trim().split(" +"));
            }
        }
        return lines;
    }

    /** Hex bytes, or none for "-". */
    static byte[] bytes(String hexOrDash) {
        return hexOrDash.equals("-") ? new byte[0] : HexFormat.of().parseHex(hexOrDash);
    }

    /** Comma-separated hashes, or none for "-". */
    static List<Sha256> hashes(String field) {
        return field.equals("-") ? List.of() : Arrays.stream(field.split(",")).map(Sha256::fromHex).toList();
    }
}
