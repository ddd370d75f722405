package org.vrs.ledger;

import static org.vrs.ledger.CheckpointParseException.Defect.*;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses a checkpoint note from untrusted bytes. Bounded before any work that grows with the
 * input: whole note, each line, and the number of signature lines (the signed-note spec asks
 * verifiers to accept at least 16).
 */
final class CheckpointParser {

    static final int MAX_NOTE_BYTES = 64 * 1024;
    static final int MAX_LINE_LENGTH = 1024;
    static final int MAX_SIGNATURES = 16;

    private static final Pattern TREE_SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");

    private CheckpointParser() {
    }

    static SignedCheckpoint parse(byte[] note) throws CheckpointParseException {
        if (note.length > MAX_NOTE_BYTES) {
            throw new CheckpointParseException(TOO_LARGE,
                    "note has " + note.length + " bytes, more than the limit of " + MAX_NOTE_BYTES);
        }
        String text = decodeUtf8(note);
        requireNoControlCharacters(text);
        if (!text.endsWith("\n")) {
            throw new CheckpointParseException(NO_FINAL_NEWLINE, "note does not end with a newline");
        }
        // The signed-note spec: the text ends at the last blank line.
        int blank = text.lastIndexOf("\n\n");
        if (blank < 0) {
            throw new CheckpointParseException(NO_BLANK_LINE, "no blank line separates the note text from its signatures");
        }
        Checkpoint checkpoint = parseBody(text.substring(0, blank + 1));
        List<SignedCheckpoint.NoteSignature> signatures = parseSignatures(text.substring(blank + 2));
        return new SignedCheckpoint(checkpoint, signatures);
    }

    private static Checkpoint parseBody(String body) throws CheckpointParseException {
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        for (String line : lines) {
            requireLineLength(line);
        }
        if (lines.length != 3) {
            throw new CheckpointParseException(WRONG_LINE_COUNT, "checkpoint text has " + lines.length
                    + " lines, but needs exactly 3 (origin, tree size, root hash) and no extension lines");
        }
        String originProblem = Checkpoint.originProblem(lines[0]);
        if (originProblem != null) {
            throw new CheckpointParseException(MALFORMED_ORIGIN, originProblem);
        }
        if (!TREE_SIZE.matcher(lines[1]).matches() || lines[1].length() == 19 && lines[1].compareTo("9223372036854775807") > 0) {
            throw new CheckpointParseException(MALFORMED_TREE_SIZE, "tree size '" + lines[1]
                    + "' is not a decimal number below 2^63 without leading zeros");
        }
        Sha256 root;
        try {
            root = Sha256.fromBase64(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new CheckpointParseException(MALFORMED_ROOT_HASH,
                    "root hash '" + lines[2] + "' is not the canonical base64 of 32 bytes");
        }
        return new Checkpoint(lines[0], new TreeHead(new TreeSize(Long.parseLong(lines[1])), root));
    }

    private static List<SignedCheckpoint.NoteSignature> parseSignatures(String block) throws CheckpointParseException {
        if (block.isEmpty()) {
            throw new CheckpointParseException(NO_SIGNATURES, "note has no signature lines");
        }
        String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new CheckpointParseException(TOO_MANY_SIGNATURES,
                    "note has " + lines.length + " signature lines, more than the limit of " + MAX_SIGNATURES);
        }
        List<SignedCheckpoint.NoteSignature> signatures = new ArrayList<>(lines.length);
        for (String line : lines) {
            signatures.add(parseSignature(line));
        }
        return signatures;
    }

    private static SignedCheckpoint.NoteSignature parseSignature(String line) throws CheckpointParseException {
        requireLineLength(line);
        String prefix = SignedCheckpoint.SIGNATURE_PREFIX;
        int space = line.indexOf(' ', prefix.length());
        if (!line.startsWith(prefix) || space < 0 || line.indexOf(' ', space + 1) >= 0
                || Checkpoint.originProblem(line.substring(prefix.length(), space)) != null) {
            throw new CheckpointParseException(MALFORMED_SIGNATURE_LINE, "signature line '" + line
                    + "' is not of the form '\u2014 <key name> <base64 signature>'");
        }
        String keyName = line.substring(prefix.length(), space);
        String base64 = line.substring(space + 1);
        byte[] decoded = decodeCanonicalBase64(base64);
        if (decoded == null) {
            throw new CheckpointParseException(MALFORMED_BASE64,
                    "signature by '" + keyName + "' is not canonical base64: '" + base64 + "'");
        }
        if (decoded.length < 5) {
            throw new CheckpointParseException(SIGNATURE_TOO_SHORT, "signature by '" + keyName + "' has "
                    + decoded.length + " bytes, too few for a 4-byte key id and a signature");
        }
        int keyId = ByteBuffer.wrap(decoded).getInt();
        return new SignedCheckpoint.NoteSignature(keyName, keyId, Arrays.copyOfRange(decoded, 4, decoded.length));
    }

    private static byte[] decodeCanonicalBase64(String base64) {
        try {
            byte[] decoded = Base64.getDecoder().decode(base64);
            return Base64.getEncoder().encodeToString(decoded).equals(base64) ? decoded : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void requireLineLength(String line) throws CheckpointParseException {
        if (line.length() > MAX_LINE_LENGTH) {
            throw new CheckpointParseException(LINE_TOO_LONG, "a line of " + line.length()
                    + " characters is longer than the limit of " + MAX_LINE_LENGTH + ": '" + Sha256.abbreviate(line) + "'");
        }
    }

    private static String decodeUtf8(byte[] note) throws CheckpointParseException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(note);
        CharBuffer out = CharBuffer.allocate(note.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new CheckpointParseException(NOT_UTF8, "note is not valid UTF-8 at byte offset " + in.position());
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static void requireNoControlCharacters(String text) throws CheckpointParseException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new CheckpointParseException(CONTROL_CHARACTER,
                        String.format("note contains control character U+%04X at character offset %d", (int) c, i));
            }
        }
    }
}
