package org.vrs.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.vrs.extract.KeyMaterialException.Defect;

class DevelopmentPkiTest {

    private static final String BASIC_CONSTRAINTS = Extension.basicConstraints.getId();
    private static final String KEY_USAGE = Extension.keyUsage.getId();
    private static final String EXTENDED_KEY_USAGE = Extension.extendedKeyUsage.getId();

    @TempDir
    static Path directory;
    static TestPki test;

    @BeforeAll
    static void createOnce() {
        test = TestPki.create(directory.resolve("keys/extract"));
    }

    @Test
    void rootIsASelfSignedCriticalP256CaForCertificatesAndCrls() throws Exception {
        X509Certificate ca = test.pki().rootCertificate();
        ca.verify(ca.getPublicKey());
        assertThat(ca.getBasicConstraints()).isEqualTo(0);
        assertThat(ca.getCriticalExtensionOIDs()).contains(BASIC_CONSTRAINTS, KEY_USAGE);
        assertThat(usages(ca)).containsExactly("keyCertSign", "cRLSign");
        assertP256(ca);
    }

    @Test
    void extractSignerIsIssuedByTheRootForDocumentSigning() throws Exception {
        X509Certificate signer = test.pki().extractSigner().certificate();
        signer.verify(test.pki().rootCertificate().getPublicKey());
        assertThat(signer.getBasicConstraints()).isEqualTo(-1);
        assertThat(usages(signer)).containsExactly("digitalSignature", "nonRepudiation");
        assertThat(signer.getExtendedKeyUsage()).containsExactly(
                "1.3.6.1.5.5.7.3.36", KeyPurposeId.id_kp_emailProtection.getId());
        assertThat(test.pki().extractSigner().chain()).containsExactly(signer, test.pki().rootCertificate());
        assertP256(signer);
    }

    @Test
    void timeStampingCertificateHasOnlyTheCriticalTimeStampingPurpose() throws Exception {
        X509Certificate tsa = test.pki().timeStampingKey().certificate();
        tsa.verify(test.pki().rootCertificate().getPublicKey());
        assertThat(tsa.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_timeStamping.getId());
        assertThat(tsa.getCriticalExtensionOIDs()).contains(EXTENDED_KEY_USAGE);
        assertThat(usages(tsa)).containsExactly("digitalSignature");
        assertP256(tsa);
    }

    @Test
    void writesCertificatesAsPemAndKeysOnlyIntoAnOwnerOnlyKeystore() throws Exception {
        Path dir = test.directory();
        assertThat(Pem.decodeCertificates(Files.readAllBytes(dir.resolve("ca.pem"))))
                .containsExactly(test.pki().rootCertificate());
        assertThat(Pem.decodeCertificates(Files.readAllBytes(dir.resolve("signer.pem"))))
                .containsExactly(test.pki().extractSigner().certificate());
        assertThat(Pem.decodeCertificates(Files.readAllBytes(dir.resolve("tsa.pem"))))
                .containsExactly(test.pki().timeStampingKey().certificate());
        try (var files = Files.list(dir)) {
            files.filter(f -> f.toString().endsWith(".pem")).forEach(f -> assertThat(f).content()
                    .doesNotContain("PRIVATE"));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(test.keystore()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }

    @Test
    void laterStartsLoadTheSameMaterialAndRestoreMissingPem() throws Exception {
        byte[] keystoreBefore = Files.readAllBytes(test.keystore());
        Files.delete(test.directory().resolve("tsa.pem"));

        DevelopmentPki again = DevelopmentPki.openOrCreate(test.directory(), TestPki.PASSWORD, Clock.systemUTC());

        assertThat(again.rootCertificate()).isEqualTo(test.pki().rootCertificate());
        assertThat(again.extractSigner().chain()).isEqualTo(test.pki().extractSigner().chain());
        assertThat(again.timeStampingKey().chain()).isEqualTo(test.pki().timeStampingKey().chain());
        assertThat(Files.readAllBytes(test.keystore())).isEqualTo(keystoreBefore);
        assertThat(test.directory().resolve("tsa.pem")).exists();
    }

    @Test
    void wrongPasswordIsRefusedAsUnreadable() {
        assertThatThrownBy(() -> DevelopmentPki.openOrCreate(test.directory(), "wrong".toCharArray(), Clock.systemUTC()))
                .isInstanceOfSatisfying(KeyMaterialException.class, e -> {
                    assertThat(e.defect()).isEqualTo(Defect.UNREADABLE);
                    assertThat(e.where()).isEqualTo(test.keystore().toString());
                });
    }

    @Test
    void passwordComesFromTheEnvironmentAndTheDefaultWarnsWithoutRevealingIt() {
        ListAppender<ILoggingEvent> log = capture();
        try {
            assertThat(DevelopmentPki.passwordFrom(Map.of("VRS_KEYSTORE_PASSWORD", "from-env")))
                    .isEqualTo("from-env".toCharArray());
            assertThat(log.list).isEmpty();

            char[] fallback = DevelopmentPki.passwordFrom(Map.of());

            assertThat(fallback).isNotEmpty();
            assertThat(log.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("VRS_KEYSTORE_PASSWORD")
                        .doesNotContain(new String(fallback));
            });
        } finally {
            ((Logger) LoggerFactory.getLogger(DevelopmentPki.class)).detachAppender(log);
        }
    }

    private static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(DevelopmentPki.class)).addAppender(appender);
        return appender;
    }

    private static List<String> usages(X509Certificate certificate) {
        String[] names = {"digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment",
                "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};
        List<String> out = new ArrayList<>();
        boolean[] bits = certificate.getKeyUsage();
        for (int i = 0; i < bits.length; i++) {
            if (bits[i]) {
                out.add(names[i]);
            }
        }
        return out;
    }

    private static void assertP256(X509Certificate certificate) {
        assertThat(certificate.getPublicKey()).isInstanceOfSatisfying(ECPublicKey.class,
                key -> assertThat(key.getParams().toString()).contains("secp256r1"));
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(certificate.getSubjectX500Principal().getName()).contains("development");
    }
}
