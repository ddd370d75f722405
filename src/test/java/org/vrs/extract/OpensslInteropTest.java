package org.vrs.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the commands of {@link VerifyInstructions} with the machine's OpenSSL on bundles written
 * to disk: genuine material passes, each kind of tampering fails.
 */
class OpensslInteropTest {

    private static final Path OPENSSL = Path.of("/usr/bin/openssl");
    /** Line breaks make {@code -binary} matter: without it OpenSSL would sign-check CRLF-converted text. */
    private static final byte[] EXTRACT = "{\"court\":\"TAND Ha Noi\",\n\"events\":[1,2,3]}\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CHECKPOINT = "vrs.example/log\n3\nq83vEjRWeJA=\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path keys;
    @TempDir
    Path bundle;
    static TestPki ours;
    static TestPki foreign;

    @BeforeAll
    static void createOnce() {
        assumeTrue(Files.isExecutable(OPENSSL), "openssl is not installed at " + OPENSSL);
        ours = TestPki.create(keys.resolve("ours"));
        foreign = TestPki.create(keys.resolve("foreign"));
    }

    /** Writes a complete bundle signed and stamped by {@code pki} at {@code at}. */
    private void writeBundle(TestPki pki, Instant at) throws Exception {
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        write(VerifyInstructions.EXTRACT, EXTRACT);
        write(VerifyInstructions.SIGNATURE, new CmsSigner(pki.pki().extractSigner(), clock).signDetached(EXTRACT));
        write(VerifyInstructions.CHECKPOINT, CHECKPOINT);
        write(VerifyInstructions.TIME_STAMP, pki.tsa(clock).timeStamp(CHECKPOINT).encodedResponse());
        write(VerifyInstructions.CA, Pem.encodeAll(List.of(pki.pki().rootCertificate())));
        write(VerifyInstructions.TSA, Pem.encodeAll(List.of(pki.pki().timeStampingKey().certificate())));
    }

    private void write(String name, byte[] content) throws IOException {
        Files.write(bundle.resolve(name), content);
    }

    private Result run(List<String> command) throws Exception {
        List<String> absolute = new ArrayList<>(command);
        absolute.set(0, OPENSSL.toString());
        Process process = new ProcessBuilder(absolute).directory(bundle.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("openssl finished").isTrue();
        return new Result(process.exitValue(), output);
    }

    record Result(int exit, String output) {
    }

    @Test
    void genuineBundlePassesBothCommandsAndTheFingerprintIsTheAnchors() throws Exception {
        writeBundle(ours, Instant.now());

        Result signature = run(VerifyInstructions.verifySignature());
        Result timeStamp = run(VerifyInstructions.verifyTimeStamp());
        Result fingerprint = run(VerifyInstructions.fingerprintAnchor());

        assertThat(signature.exit()).as(signature.output()).isZero();
        assertThat(signature.output()).contains("CMS Verification successful");
        assertThat(timeStamp.exit()).as(timeStamp.output()).isZero();
        assertThat(timeStamp.output()).contains("Verification: OK");
        String expected = Hex.toHexString(CmsSigner.sha256(ours.pki().rootCertificate().getEncoded()));
        assertThat(fingerprint.output().replace(":", "").toLowerCase()).contains(expected);
    }

    @Test
    void oneChangedByteOfTheExtractFailsTheSignature() throws Exception {
        writeBundle(ours, Instant.now());
        byte[] changed = EXTRACT.clone();
        changed[changed.length - 3] = '4';
        write(VerifyInstructions.EXTRACT, changed);

        Result result = run(VerifyInstructions.verifySignature());

        assertThat(result.exit()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("Verification failure");
    }

    @Test
    void signerOfAnotherCaFailsAgainstOurAnchor() throws Exception {
        writeBundle(ours, Instant.now());
        write(VerifyInstructions.SIGNATURE,
                new CmsSigner(foreign.pki().extractSigner(), Clock.systemUTC()).signDetached(EXTRACT));

        Result result = run(VerifyInstructions.verifySignature());

        assertThat(result.exit()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("certificate verify error");
    }

    @Test
    void timeStampOverOtherDataFails() throws Exception {
        writeBundle(ours, Instant.now());
        write(VerifyInstructions.TIME_STAMP, ours.tsa(Clock.systemUTC())
                .timeStamp("another checkpoint".getBytes(StandardCharsets.UTF_8)).encodedResponse());

        Result result = run(VerifyInstructions.verifyTimeStamp());

        assertThat(result.exit()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("message imprint mismatch");
    }

    @Test
    void timeStampOfAnotherCasTsaFails() throws Exception {
        writeBundle(ours, Instant.now());
        write(VerifyInstructions.TIME_STAMP, foreign.tsa(Clock.systemUTC()).timeStamp(CHECKPOINT).encodedResponse());
        write(VerifyInstructions.TSA, Pem.encodeAll(List.of(foreign.pki().timeStampingKey().certificate())));

        Result result = run(VerifyInstructions.verifyTimeStamp());

        assertThat(result.exit()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("certificate verify error");
    }

    @Test
    void tsaCertificateWithNonCriticalTimeStampingPurposeFails() throws Exception {
        writeBundle(ours, Instant.now());
        KeyPair pair = DevelopmentCertificates.newP256KeyPair();
        X509Certificate lax = Forgeries.certificate(ours.privateKey(DevelopmentPki.CA_ALIAS),
                ours.pki().rootCertificate(), pair.getPublic(), "Lax TSA", KeyPurposeId.id_kp_timeStamping, false);
        TimeStampToken token = Forgeries.timeStampToken(pair.getPrivate(), lax, lax, CHECKPOINT, Instant.now());
        write(VerifyInstructions.TIME_STAMP, Forgeries.grantedResponse(token));
        write(VerifyInstructions.TSA, Pem.encodeAll(List.of(lax)));

        Result result = run(VerifyInstructions.verifyTimeStamp());

        assertThat(result.exit()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("unsuitable certificate purpose");
    }

    @Test
    void afterTheCertificatesExpireTheCommandsPassOnlyWhenJudgedAtTheTimeStamp() throws Exception {
        Instant created = Instant.now().minus(Duration.ofDays(11 * 366));
        TestPki old = TestPki.create(keys.resolve("old"), created);
        Instant signedAt = created.plus(Duration.ofDays(2));
        writeBundle(old, signedAt);

        assertThat(run(VerifyInstructions.verifySignature()).output()).contains("certificate has expired");
        assertThat(run(VerifyInstructions.verifyTimeStamp()).output()).contains("certificate has expired");
        long then = signedAt.getEpochSecond();
        Result signature = run(VerifyInstructions.at(VerifyInstructions.verifySignature(), then));
        Result timeStamp = run(VerifyInstructions.at(VerifyInstructions.verifyTimeStamp(), then));
        assertThat(signature.exit()).as(signature.output()).isZero();
        assertThat(timeStamp.exit()).as(timeStamp.output()).isZero();
    }

    @Test
    void verifyTextCarriesTheExactCommandsThatWereRun() {
        assertThat(VerifyInstructions.text())
                .contains(String.join(" ", VerifyInstructions.verifySignature()))
                .contains(String.join(" ", VerifyInstructions.verifyTimeStamp()))
                .contains(String.join(" ", VerifyInstructions.fingerprintAnchor()))
                .contains("-attime");
    }
}
