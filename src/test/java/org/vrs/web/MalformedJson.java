package org.vrs.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Bodies that are not JSON, or not a JSON object: truncated, corrupted, too deep, too long, wrongly encoded. */
final class MalformedJson {
    private static final String[] NON_OBJECTS = {"[]", "[{}]", "\"text\"", "42", "true", "null", "", "   ", "{", "}"};
    private static final String[] GARBAGE = {"{", "}", "\"", ",", ":", "\u0000", "\\", "NaN", "//c\n", "/*", "'", "\u00ff", "]"};

    private MalformedJson() {
    }

    static BadRequests.Probe probe(Random random, BadRequests requests) {
        BadRequests.Target t = requests.target();
        byte[] valid = BadRequests.bytes(requests.validBody(t));
        int dice = random.nextInt(11);
        boolean mustReject = true;
        byte[] body;
        String kind;
        switch (dice) {
            case 0 -> {
                kind = "truncated";
                body = java.util.Arrays.copyOf(valid, 1 + random.nextInt(valid.length - 1));
            }
            case 1 -> {
                kind = "garbage-inserted";
                body = insert(valid, 1 + random.nextInt(valid.length - 1), GARBAGE[random.nextInt(GARBAGE.length)].getBytes(StandardCharsets.UTF_8));
                mustReject = false; // a character inside a string value is still valid JSON
            }
            case 2 -> {
                kind = "trailing-tokens";
                body = concat(valid, random.nextBoolean() ? " {}".getBytes(StandardCharsets.UTF_8) : "x".getBytes(StandardCharsets.UTF_8));
            }
            case 3 -> {
                kind = "single-quotes";
                body = new String(valid, StandardCharsets.UTF_8).replace('"', '\'').getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> {
                kind = "invalid-utf8";
                int at = new String(valid, StandardCharsets.ISO_8859_1).indexOf(":\"");
                body = at < 0 ? concat(new byte[] {(byte) 0xC3, 0x28}, valid) : insert(valid, at + 2, new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF});
            }
            case 5 -> {
                kind = "deep-nesting";
                int depth = 1500 + random.nextInt(3000);
                body = ("{\"text\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
            }
            case 6 -> {
                kind = "long-number";
                body = ("{\"expectedSequence\":" + "9".repeat(1200 + random.nextInt(2000)) + "}").getBytes(StandardCharsets.UTF_8);
            }
            case 7 -> {
                kind = "lone-surrogate";
                String text = new String(valid, StandardCharsets.UTF_8);
                int at = text.indexOf(":\"");
                body = (at < 0 ? text : text.substring(0, at + 2) + "\\ud800" + text.substring(at + 2)).getBytes(StandardCharsets.UTF_8);
                mustReject = false;
            }
            case 8 -> {
                kind = "byte-order-mark";
                body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, valid);
                mustReject = false;
            }
            case 9 -> {
                kind = "long-key";
                body = ("{\"" + "k".repeat(60_000) + "\":1}").getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                kind = "non-object";
                body = NON_OBJECTS[random.nextInt(NON_OBJECTS.length)].getBytes(StandardCharsets.UTF_8);
            }
        }
        return new BadRequests.Probe(kind, requests.caller(t.type()), "POST", t.path(), BadRequests.json(), body, false, mustReject, null);
    }

    private static byte[] insert(byte[] into, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(into, 0, at);
        out.writeBytes(what);
        out.write(into, at, into.length - at);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return insert(a, a.length, b);
    }
}
