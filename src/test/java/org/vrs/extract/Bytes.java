package org.vrs.extract;

import java.nio.charset.StandardCharsets;

/** Byte searches for tampering tests: a string's position in UTF-8 bytes, not in characters. */
final class Bytes {

    private Bytes() {
    }

    static int indexOf(byte[] data, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("'" + text + "' does not occur");
    }
}
