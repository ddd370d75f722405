package org.vrs.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checkpoint signing, parsing and verification. The fixtures in {@code ledger/checkpoint/} were
 * written by {@code make-fixtures.py} there, with Python's {@code cryptography} package rather than
 * this code, from the same fixed test seed; each malformed one is named after its defect.
 */
class CheckpointTest {

    static final String ORIGIN = "vrs.test/ledger";
    static final LedgerSigningKey LOG_KEY = key(0);
    static final LedgerSigningKey OTHER_KEY = key(32);
    static final int LOG_KEY_ID = 0x9fe903e8;
    static final Sha256 ROOT8 = Sha256.fromHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    static final Checkpoint CHECKPOINT = new Checkpoint(ORIGIN, new TreeHead(new TreeSize(8), ROOT8));
    static final CheckpointVerifier VERIFIER = new CheckpointVerifier(ORIGIN, LOG_KEY.publicKey());

    @Test
    void signsExactlyWhatAnIndependentImplementationSigns() {
        assertThat(LOG_KEY.sign(CHECKPOINT).text())
                .isEqualTo(new String(fixture("valid.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void parsesAndVerifiesTheValidFixture() throws Exception {
        SignedCheckpoint parsed = SignedCheckpoint.parse(fixture("valid.txt"));

        assertThat(parsed.checkpoint()).isEqualTo(CHECKPOINT);
        assertThat(parsed.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.keyName()).isEqualTo(ORIGIN);
            assertThat(signature.keyId()).isEqualTo(LOG_KEY_ID);
            assertThat(signature.signature()).hasSize(64);
        });
        assertThat(parsed.encoded()).isEqualTo(fixture("valid.txt"));
        assertThat(VERIFIER.verify(parsed)).isEqualTo(CHECKPOINT);
    }

    @Test
    void roundTripsSignParseVerify() throws Exception {
        Checkpoint checkpoint = new Checkpoint(ORIGIN, new TreeHead(new TreeSize(1_234_567_890_123L), Sha256.digest(new byte[] {7})));

        SignedCheckpoint parsed = SignedCheckpoint.parse(LOG_KEY.sign(checkpoint).encoded());

        assertThat(VERIFIER.verify(parsed)).isEqualTo(checkpoint);
    }

    @Test
    void acceptsSixteenSignaturesAndIgnoresThoseOfUnknownKeys() throws Exception {
        SignedCheckpoint parsed = SignedCheckpoint.parse(fixture("sixteen-signatures.txt"));

        assertThat(parsed.signatures()).hasSize(16);
        assertThat(VERIFIER.verify(parsed)).isEqualTo(CHECKPOINT);
    }

    static Stream<Arguments> malformedFixtures() {
        String signature = "n+kD6E+zUeGW9P5kjI8Ce8rJ7myGQsh9he/YqiK+YL+OjCBJdHFxSiak9yVq2Cn7uKQmfLBjCNC+dLvEzsQl43UXDgI";
        return Stream.of(
                Arguments.of("too-many-signatures.txt", CheckpointParseException.Defect.TOO_MANY_SIGNATURES,
                        "note has 17 signature lines, more than the limit of 16"),
                Arguments.of("missing-blank-line.txt", CheckpointParseException.Defect.NO_BLANK_LINE,
                        "no blank line separates the note text from its signatures"),
                Arguments.of("no-signatures.txt", CheckpointParseException.Defect.NO_SIGNATURES,
                        "note has no signature lines"),
                Arguments.of("no-final-newline.txt", CheckpointParseException.Defect.NO_FINAL_NEWLINE,
                        "note does not end with a newline"),
                Arguments.of("crlf-line-endings.txt", CheckpointParseException.Defect.CONTROL_CHARACTER,
                        "note contains control character U+000D at character offset 15"),
                Arguments.of("not-utf8.txt", CheckpointParseException.Defect.NOT_UTF8,
                        "note is not valid UTF-8 at byte offset 3"),
                Arguments.of("hyphens-instead-of-em-dash.txt", CheckpointParseException.Defect.MALFORMED_SIGNATURE_LINE,
                        "signature line '-- vrs.test/ledger " + signature + "=' is not of the form"
                                + " '\u2014 <key name> <base64 signature>'"),
                Arguments.of("malformed-base64-signature.txt", CheckpointParseException.Defect.MALFORMED_BASE64,
                        "signature by 'vrs.test/ledger' is not canonical base64: 'not!base64=='"),
                Arguments.of("unpadded-base64-signature.txt", CheckpointParseException.Defect.MALFORMED_BASE64,
                        "signature by 'vrs.test/ledger' is not canonical base64: '" + signature + "'"),
                Arguments.of("short-signature.txt", CheckpointParseException.Defect.SIGNATURE_TOO_SHORT,
                        "signature by 'vrs.test/ledger' has 4 bytes, too few for a 4-byte key id and a signature"),
                Arguments.of("leading-zero-size.txt", CheckpointParseException.Defect.MALFORMED_TREE_SIZE,
                        "tree size '08' is not a decimal number below 2^63 without leading zeros"),
                Arguments.of("malformed-root-hash.txt", CheckpointParseException.Defect.MALFORMED_ROOT_HASH,
                        "root hash 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQw==' is not the canonical base64 of 32 bytes"),
                Arguments.of("extension-line.txt", CheckpointParseException.Defect.WRONG_LINE_COUNT,
                        "checkpoint text has 4 lines, but needs exactly 3 (origin, tree size, root hash) and no extension lines"),
                Arguments.of("origin-with-space.txt", CheckpointParseException.Defect.MALFORMED_ORIGIN,
                        "origin 'vrs.test ledger' contains U+0020, but may not contain spaces, '+' or control characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFixtures")
    void rejectsMalformedNotesNamingTheDefect(String fixture, CheckpointParseException.Defect defect, String message) {
        assertParseFailure(fixture(fixture), defect, message);
    }

    @Test
    void rejectsAnOversizedNoteBeforeDecodingIt() {
        assertParseFailure(new byte[65537], CheckpointParseException.Defect.TOO_LARGE,
                "note has 65537 bytes, more than the limit of 65536");
    }

    @Test
    void rejectsAnOverlongLine() {
        String origin = "a".repeat(1025);
        String note = origin + "\n8\n" + ROOT8.base64() + "\n\n\u2014 a AAAAAAA=\n";

        assertParseFailure(note.getBytes(StandardCharsets.UTF_8), CheckpointParseException.Defect.LINE_TOO_LONG,
                "a line of 1025 characters is longer than the limit of 1024: '" + "a".repeat(100) + "...(1025 chars)'");
    }

    static Stream<Arguments> untrustedFixtures() {
        return Stream.of(
                Arguments.of("altered-size.txt", new CheckpointFailure.InvalidSignature(ORIGIN, LOG_KEY_ID),
                        "signature by key 'vrs.test/ledger' with key id 9fe903e8 does not verify"),
                Arguments.of("altered-root.txt", new CheckpointFailure.InvalidSignature(ORIGIN, LOG_KEY_ID),
                        "signature by key 'vrs.test/ledger' with key id 9fe903e8 does not verify"),
                Arguments.of("altered-origin.txt", new CheckpointFailure.WrongOrigin(ORIGIN, "vrs.test/other"),
                        "checkpoint origin is 'vrs.test/other', expected 'vrs.test/ledger'"),
                Arguments.of("other-key.txt", new CheckpointFailure.NoSignatureByKey(ORIGIN, LOG_KEY_ID),
                        "checkpoint has no signature by key 'vrs.test/ledger' with key id 9fe903e8"),
                Arguments.of("other-key-claiming-our-key-id.txt", new CheckpointFailure.InvalidSignature(ORIGIN, LOG_KEY_ID),
                        "signature by key 'vrs.test/ledger' with key id 9fe903e8 does not verify"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untrustedFixtures")
    void rejectsWellFormedButUntrustedCheckpoints(String fixture, CheckpointFailure failure, String message)
            throws CheckpointParseException {
        SignedCheckpoint parsed = SignedCheckpoint.parse(fixture(fixture));

        CheckpointVerificationException thrown =
                catchThrowableOfType(() -> VERIFIER.verify(parsed), CheckpointVerificationException.class);

        assertThat(thrown.failure()).isEqualTo(failure);
        assertThat(thrown).hasMessage(message);
    }

    @Test
    void aVerifierForAnotherKeyFindsNoSignatureOfItsKey() throws CheckpointParseException {
        CheckpointVerifier other = new CheckpointVerifier(ORIGIN, OTHER_KEY.publicKey());
        SignedCheckpoint parsed = SignedCheckpoint.parse(fixture("valid.txt"));

        CheckpointVerificationException thrown =
                catchThrowableOfType(() -> other.verify(parsed), CheckpointVerificationException.class);

        assertThat(thrown.failure()).isEqualTo(new CheckpointFailure.NoSignatureByKey(ORIGIN, NoteKeys.keyId(ORIGIN, OTHER_KEY.publicKey())));
    }

    @Test
    void theTestKeyIdIsTheSignedNoteKeyHash() {
        assertThat(NoteKeys.keyId(ORIGIN, LOG_KEY.publicKey())).isEqualTo(LOG_KEY_ID);
    }

    @Test
    void refusesAnOriginThatCannotBeAKeyName() {
        TreeHead head = new TreeHead(new TreeSize(1), ROOT8);

        assertThatThrownBy(() -> new Checkpoint("vrs.test/a+b", head)).hasMessage(
                "origin 'vrs.test/a+b' contains U+002B, but may not contain spaces, '+' or control characters");
        assertThatThrownBy(() -> new Checkpoint("", head)).hasMessage("origin is empty");
    }

    private static void assertParseFailure(byte[] note, CheckpointParseException.Defect defect, String message) {
        CheckpointParseException thrown =
                catchThrowableOfType(() -> SignedCheckpoint.parse(note), CheckpointParseException.class);

        assertThat(thrown).as("parse should fail").isNotNull();
        assertThat(thrown.defect()).isEqualTo(defect);
        assertThat(thrown).hasMessage(message);
    }

    static byte[] fixture(String name) {
        return Vectors.resource("checkpoint/" + name);
    }

    /** The key whose 32-byte seed is first, first + 1, ..., first + 31, as in make-fixtures.py. */
    static LedgerSigningKey key(int first) {
        byte[] seed = new byte[32];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) (first + i);
        }
        return LedgerSigningKey.of(new Ed25519PrivateKeyParameters(seed, 0));
    }
}
