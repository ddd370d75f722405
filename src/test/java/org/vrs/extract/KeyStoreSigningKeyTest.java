package org.vrs.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.ContentSigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.extract.KeyMaterialException.Defect;

/** The production loader: a signing key and chain from a PKCS#12 keystore by alias. */
class KeyStoreSigningKeyTest {

    @TempDir
    static Path directory;
    static TestPki test;

    @BeforeAll
    static void createOnce() {
        test = TestPki.create(directory.resolve("pki"));
    }

    @Test
    void loadsKeyAndChainByAliasAndSignsVerifiably() throws Exception {
        SigningKey key = KeyStoreSigningKey.fromPkcs12(test.keystore(), DevelopmentPki.SIGNER_ALIAS, TestPki.PASSWORD);

        assertThat(key.chain()).containsExactly(test.pki().extractSigner().certificate(), test.pki().rootCertificate());
        ContentSigner signer = key.newContentSigner();
        signer.getOutputStream().write(new byte[] {1, 2, 3});
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(key.certificate());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signer.getSignature())).isTrue();
        assertThat(key.toString()).contains("Extract Signer").doesNotContain("PRIVATE");
    }

    @Test
    void unknownAliasIsNamed() {
        assertThatThrownBy(() -> KeyStoreSigningKey.fromPkcs12(test.keystore(), "nobody", TestPki.PASSWORD))
                .isInstanceOfSatisfying(KeyMaterialException.class, e -> {
                    assertThat(e.defect()).isEqualTo(Defect.ALIAS_NOT_FOUND);
                    assertThat(e.where()).isEqualTo("nobody");
                });
    }

    @Test
    void certificateOnlyEntryIsNotAKey() throws Exception {
        Path file = store(s -> s.setCertificateEntry("cert", test.pki().rootCertificate()));
        assertThatThrownBy(() -> KeyStoreSigningKey.fromPkcs12(file, "cert", TestPki.PASSWORD))
                .isInstanceOfSatisfying(KeyMaterialException.class,
                        e -> assertThat(e.defect()).isEqualTo(Defect.NOT_A_PRIVATE_KEY_ENTRY));
    }

    @Test
    void keyOnAnotherCurveIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair p384 = generator.generateKeyPair();
        X509Certificate certificate = DevelopmentCertificates.selfSignedRoot(p384, new X500Name("CN=p384"),
                Instant.now(), Duration.ofDays(1));
        Path file = store(s -> s.setKeyEntry("k", p384.getPrivate(), TestPki.PASSWORD,
                new X509Certificate[] {certificate}));
        assertThatThrownBy(() -> KeyStoreSigningKey.fromPkcs12(file, "k", TestPki.PASSWORD))
                .isInstanceOfSatisfying(KeyMaterialException.class,
                        e -> assertThat(e.defect()).isEqualTo(Defect.NOT_P256));
    }

    @Test
    void certificateOfAnotherKeyIsRefused() throws Exception {
        KeyPair other = DevelopmentCertificates.newP256KeyPair();
        Path file = store(s -> s.setKeyEntry("k", other.getPrivate(), TestPki.PASSWORD,
                new X509Certificate[] {test.pki().extractSigner().certificate()}));
        assertThatThrownBy(() -> KeyStoreSigningKey.fromPkcs12(file, "k", TestPki.PASSWORD))
                .isInstanceOfSatisfying(KeyMaterialException.class,
                        e -> assertThat(e.defect()).isEqualTo(Defect.KEY_CERTIFICATE_MISMATCH));
    }

    interface Fill {
        void into(KeyStore store) throws Exception;
    }

    private static Path store(Fill fill) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        fill.into(store);
        Path file = Files.createTempFile(directory, "store", ".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, TestPki.PASSWORD);
        }
        return file;
    }
}
