package org.vrs.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.vrs.extract.CanonicalJsonException.Defect;

/**
 * RFC 8785 (JSON Canonicalization Scheme) serialisation of a Jackson tree, so that the bytes a
 * court hashes do not depend on how the tree was built.
 *
 * <p>Numbers: every number is an IEEE-754 double written as ECMAScript would
 * ({@link EcmaScriptNumber}); integers up to +-2^53 therefore come out as plain digits. Where a
 * JCS implementation would silently round, this one refuses instead, because a changed value in
 * evidence is worse than an error: an integral or {@link BigDecimal} node is accepted only if its
 * canonical text denotes exactly the value given (so 2^53+1 and 0.10000000000000000001 are
 * refused, 0.1 and 1e+21 are not). Such values belong in strings. Duplicate member names cannot
 * occur in a Jackson {@code ObjectNode}; detecting them in untrusted text is the parser's job
 * ({@code JsonParser.Feature.STRICT_DUPLICATE_DETECTION}).
 */
final class CanonicalJson {

    private static final BigInteger MAX_SAFE = BigInteger.ONE.shiftLeft(53);

    private CanonicalJson() {
    }

    /** The UTF-8 bytes of the canonical form of {@code node}. */
    static byte[] canonicalize(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, "", out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, String pointer, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, pointer, out);
            case ARRAY -> writeArray(node, pointer, out);
            case STRING -> writeString(node.textValue(), pointer, out);
            case NUMBER -> out.append(number(node, pointer));
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new CanonicalJsonException(
                    Defect.UNSUPPORTED_NODE, pointer, node.getNodeType().toString());
        }
    }

    private static void writeObject(JsonNode node, String pointer, StringBuilder out) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
        // String.compareTo compares UTF-16 code units, exactly what RFC 8785 section 3.2.3 asks.
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
            Map.Entry<String, JsonNode> member = members.get(i);
            String childPointer = pointer + "/" + escapePointer(member.getKey());
            if (i > 0) {
                out.append(',');
            }
            writeString(member.getKey(), childPointer, out);
            out.append(':');
            write(member.getValue(), childPointer, out);
        }
        out.append('}');
    }

    private static void writeArray(JsonNode node, String pointer, StringBuilder out) {
        out.append('[');
        Iterator<JsonNode> elements = node.elements();
        for (int i = 0; elements.hasNext(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(elements.next(), pointer + "/" + i, out);
        }
        out.append(']');
    }

    private static String number(JsonNode node, String pointer) {
        if (node.isIntegralNumber() && node.bigIntegerValue().abs().compareTo(MAX_SAFE) <= 0) {
            return node.bigIntegerValue().toString();
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw new CanonicalJsonException(Defect.NON_FINITE_NUMBER, pointer, node.asText());
        }
        String text = EcmaScriptNumber.format(value);
        if ((node.isIntegralNumber() || node.isBigDecimal())
                && new BigDecimal(text).compareTo(node.decimalValue()) != 0) {
            throw new CanonicalJsonException(Defect.INEXACT_NUMBER, pointer, node.asText());
        }
        return text;
    }

    /** RFC 8785 section 3.2.2.2: escape only '"', '\\' and controls; everything else verbatim. */
    private static void writeString(String value, String pointer, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            checkSurrogate(value, i, pointer);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void checkSurrogate(String value, int i, String pointer) {
        char c = value.charAt(i);
        boolean paired = Character.isHighSurrogate(c)
                ? i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
                : !Character.isLowSurrogate(c) || i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
        if (!paired) {
            throw new CanonicalJsonException(Defect.LONE_SURROGATE, pointer,
                    String.format("U+%04X at index %d", (int) c, i));
        }
    }

    private static String escapePointer(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
