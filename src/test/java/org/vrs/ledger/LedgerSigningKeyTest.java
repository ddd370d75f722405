package org.vrs.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerSigningKeyTest {

    private static final Path OPENSSL = Path.of("/usr/bin/openssl");

    @TempDir
    Path dir;

    @Test
    void createsTheKeyOnFirstStartAndLoadsTheSameOneAfter() throws Exception {
        Path keys = dir.resolve("keys");
        LedgerSigningKey created = LedgerSigningKey.loadOrCreate(keys);
        LedgerSigningKey loaded = LedgerSigningKey.loadOrCreate(keys);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("ledger-private.pem"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        assertThat(loaded.publicKey().getEncoded()).isEqualTo(created.publicKey().getEncoded());
        assertThat(LedgerSigningKey.readPublicKey(keys.resolve("ledger-public.pem")).getEncoded())
                .isEqualTo(created.publicKey().getEncoded());
        assertThat(keys.toFile().list()).containsExactlyInAnyOrder("ledger-private.pem", "ledger-public.pem");

        Checkpoint checkpoint = new Checkpoint("vrs.test/ledger", new TreeHead(new TreeSize(3), Sha256.ZERO));
        CheckpointVerifier verifier = new CheckpointVerifier("vrs.test/ledger", LedgerSigningKey.readPublicKey(keys.resolve("ledger-public.pem")));
        assertThat(verifier.verify(SignedCheckpoint.parse(loaded.sign(checkpoint).encoded()))).isEqualTo(checkpoint);
    }

    @Test
    void writesKeysAsPemThatReadsBack() throws IOException {
        Ed25519PrivateKeyParameters privateKey = new Ed25519PrivateKeyParameters(seed(0), 0);

        assertThat(Pem.publicKey(privateKey.generatePublicKey()))
                .isEqualTo(new String(CheckpointTest.fixture("log-public.pem"), StandardCharsets.US_ASCII));
        assertThat(Pem.readPrivateKey(Pem.privateKey(privateKey), "test").getEncoded()).isEqualTo(seed(0));
    }

    /** PKCS#8 version 1, byte for byte as {@code openssl genpkey -algorithm ed25519} and Python's cryptography write it. */
    @Test
    void writesThePrivateKeyAsPkcs8VersionOne() throws IOException {
        String pem = Pem.privateKey(new Ed25519PrivateKeyParameters(seed(0), 0));
        String label = "PRIVATE KEY"; // PKCS#8, not a key-type-specific label
        String base64 = pem.lines().filter(line -> !line.startsWith("-----")).collect(java.util.stream.Collectors.joining());

        assertThat(pem.lines().findFirst()).contains("-----BEGIN " + label + "-----");

        assertThat(HexFormat.of().formatHex(Base64.getMimeDecoder().decode(base64)))
                .isEqualTo("302e020100300506032b657004220420" + HexFormat.of().formatHex(seed(0)));
    }

    @Test
    void neverShowsThePrivateKey() throws IOException {
        Path keys = dir.resolve("keys");
        LedgerSigningKey key = LedgerSigningKey.loadOrCreate(keys);
        String privatePem = Files.readString(keys.resolve("ledger-private.pem"));
        String privateBase64 = privatePem.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();

        assertThat(key.toString()).startsWith("LedgerSigningKey[public=").doesNotContain(privateBase64);
    }

    @Test
    void refusesAPrivateKeyOthersCanRead() throws IOException {
        Path keys = dir.resolve("keys");
        LedgerSigningKey.loadOrCreate(keys);
        Path privateFile = keys.resolve("ledger-private.pem");
        Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> LedgerSigningKey.loadOrCreate(keys))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(privateFile + " has permissions rw-r--r--; it must be rw------- (chmod 600)");
    }

    @Test
    void refusesAPublicKeyThatDoesNotMatch() throws IOException {
        Path keys = dir.resolve("keys");
        LedgerSigningKey.loadOrCreate(keys);
        Files.writeString(keys.resolve("ledger-public.pem"), Pem.publicKey(CheckpointTest.OTHER_KEY.publicKey()));

        assertThatThrownBy(() -> LedgerSigningKey.loadOrCreate(keys))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(keys.resolve("ledger-public.pem") + " does not match the private key in "
                        + keys.resolve("ledger-private.pem"));
    }

    @Test
    void refusesToReplaceALostPrivateKeySilently() throws IOException {
        Path keys = dir.resolve("keys");
        LedgerSigningKey.loadOrCreate(keys);
        Files.delete(keys.resolve("ledger-private.pem"));

        assertThatThrownBy(() -> LedgerSigningKey.loadOrCreate(keys))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(keys.resolve("ledger-public.pem") + " exists but "
                        + keys.resolve("ledger-private.pem") + " does not");
    }

    @Test
    void rewritesAMissingPublicKey() throws IOException {
        Path keys = dir.resolve("keys");
        LedgerSigningKey key = LedgerSigningKey.loadOrCreate(keys);
        Files.delete(keys.resolve("ledger-public.pem"));

        LedgerSigningKey.loadOrCreate(keys);

        assertThat(LedgerSigningKey.readPublicKey(keys.resolve("ledger-public.pem")).getEncoded())
                .isEqualTo(key.publicKey().getEncoded());
    }

    @Test
    void opensslReadsBothKeyFiles() throws Exception {
        assumeTrue(Files.isExecutable(OPENSSL), "no " + OPENSSL);
        Path keys = dir.resolve("keys");
        LedgerSigningKey key = LedgerSigningKey.loadOrCreate(keys);
        Path publicFile = keys.resolve("ledger-public.pem");

        String text = openssl("pkey", "-pubin", "-in", publicFile.toString(), "-noout", "-text");
        String derivedPublic = openssl("pkey", "-in", keys.resolve("ledger-private.pem").toString(), "-pubout");

        assertThat(text).startsWith("ED25519 Public-Key:");
        assertThat(text.replaceAll("[^0-9a-f]", "")).endsWith(HexFormat.of().formatHex(key.publicKey().getEncoded()));
        assertThat(derivedPublic).isEqualTo(Files.readString(publicFile));
    }

    private static String openssl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(OPENSSL.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("openssl %s: %s", arguments, output).isZero();
        return output;
    }

    private static byte[] seed(int first) {
        byte[] seed = new byte[32];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) (first + i);
        }
        return seed;
    }
}
