package org.vrs.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.FileSystems;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrs.extract.DevelopmentCertificates.Role;
import org.vrs.extract.KeyMaterialException.Defect;

/**
 * Development key material for extracts: a root CA, an extract-signing key and a time-stamping
 * key, created on first use so that a fresh checkout can issue verifiable extracts. Everything
 * names itself "development" so no court mistakes it for production material.
 *
 * <p>Keys live in one PKCS#12 file ({@value #KEYSTORE_FILE}, owner-only, password from
 * {@value #PASSWORD_VARIABLE}); certificates are also written as {@code ca.pem},
 * {@code signer.pem} and {@code tsa.pem} for bundles and openssl. Later starts load the same
 * material. Two processes creating it at the same moment is not supported.
 */
final class DevelopmentPki {

    static final String DEFAULT_DIRECTORY_NAME = "keys/extract";
    static final Path DEFAULT_DIRECTORY = Path.of(DEFAULT_DIRECTORY_NAME);
    static final String PASSWORD_VARIABLE = "VRS_KEYSTORE_PASSWORD";
    static final String KEYSTORE_FILE = "development-pki.p12";
    static final String CA_ALIAS = "root-ca";
    static final String SIGNER_ALIAS = "extract-signer";
    static final String TSA_ALIAS = "tsa";

    private static final Logger LOG = LoggerFactory.getLogger(DevelopmentPki.class);
    private static final String DEVELOPMENT_PASSWORD = "vrs-development-keystore";
    private static final Duration CA_VALIDITY = Duration.ofDays(20 * 366);
    private static final Duration LEAF_VALIDITY = Duration.ofDays(10 * 366);
    /** Back-dating tolerates verifiers whose clocks run a little behind. */
    private static final Duration BACKDATE = Duration.ofHours(1);

    private final X509Certificate rootCertificate;
    private final SigningKey extractSigner;
    private final SigningKey timeStampingKey;

    private DevelopmentPki(X509Certificate rootCertificate, SigningKey extractSigner, SigningKey timeStampingKey) {
        this.rootCertificate = rootCertificate;
        this.extractSigner = extractSigner;
        this.timeStampingKey = timeStampingKey;
    }

    /** Opens or creates the material under {@value #DEFAULT_DIRECTORY_NAME}, password from the environment. */
    static DevelopmentPki openOrCreate() {
        return openOrCreate(DEFAULT_DIRECTORY);
    }

    /** Opens or creates the material under {@code directory}, password from the environment. */
    static DevelopmentPki openOrCreate(Path directory) {
        return openOrCreate(directory, passwordFrom(System.getenv()), Clock.systemUTC());
    }

    static DevelopmentPki openOrCreate(Path directory, char[] password, Clock clock) {
        Path keystore = directory.resolve(KEYSTORE_FILE);
        if (!Files.exists(keystore)) {
            create(directory, keystore, password, clock.instant());
        }
        KeyStore store = KeyStoreSigningKey.loadPkcs12(keystore, password);
        DevelopmentPki pki = new DevelopmentPki(
                KeyStoreSigningKey.fromKeyStore(store, CA_ALIAS, password, null).certificate(),
                KeyStoreSigningKey.fromKeyStore(store, SIGNER_ALIAS, password, null),
                KeyStoreSigningKey.fromKeyStore(store, TSA_ALIAS, password, null));
        pki.writeCertificates(directory);
        return pki;
    }

    /**
     * The keystore password from {@value #PASSWORD_VARIABLE}; without it, a built-in development
     * password and a warning, because such a keystore protects nothing.
     */
    static char[] passwordFrom(Map<String, String> environment) {
        String password = environment.get(PASSWORD_VARIABLE);
        if (password == null || password.isEmpty()) {
            LOG.warn("{} is not set: the development extract keystore uses the built-in development password. "
                    + "Its keys protect nothing; never issue real court extracts with them.", PASSWORD_VARIABLE);
            return DEVELOPMENT_PASSWORD.toCharArray();
        }
        return password.toCharArray();
    }

    X509Certificate rootCertificate() {
        return rootCertificate;
    }

    SigningKey extractSigner() {
        return extractSigner;
    }

    SigningKey timeStampingKey() {
        return timeStampingKey;
    }

    private static void create(Path directory, Path keystore, char[] password, Instant now) {
        Instant notBefore = now.minus(BACKDATE);
        KeyPair caPair = DevelopmentCertificates.newP256KeyPair();
        KeyPair signerPair = DevelopmentCertificates.newP256KeyPair();
        KeyPair tsaPair = DevelopmentCertificates.newP256KeyPair();
        X509Certificate ca = DevelopmentCertificates.selfSignedRoot(caPair,
                name("VRS Development Root CA"), notBefore, CA_VALIDITY);
        X509Certificate signer = DevelopmentCertificates.issue(Role.EXTRACT_SIGNER,
                name("VRS Extract Signer (development)"), signerPair.getPublic(), ca, caPair.getPrivate(),
                notBefore, LEAF_VALIDITY);
        X509Certificate tsa = DevelopmentCertificates.issue(Role.TIME_STAMPING,
                name("VRS Time-Stamping Authority (development)"), tsaPair.getPublic(), ca, caPair.getPrivate(),
                notBefore, LEAF_VALIDITY);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(CA_ALIAS, caPair.getPrivate(), password, new X509Certificate[] {ca});
            store.setKeyEntry(SIGNER_ALIAS, signerPair.getPrivate(), password, new X509Certificate[] {signer, ca});
            store.setKeyEntry(TSA_ALIAS, tsaPair.getPrivate(), password, new X509Certificate[] {tsa, ca});
            createOwnerOnlyDirectory(directory);
            Path temporary = Files.createTempFile(directory, KEYSTORE_FILE, ".tmp", ownerOnly("rw-------"));
            try (OutputStream out = Files.newOutputStream(temporary)) {
                store.store(out, password);
                Files.move(temporary, keystore, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyMaterialException(Defect.NOT_WRITABLE, keystore.toString(), e);
        }
        LOG.info("Created development extract keys in {} (root CA serial {})", keystore, ca.getSerialNumber());
    }

    /** Rewrites a PEM file only when it differs, so the files always match the keystore. */
    private void writeCertificates(Path directory) {
        Map<String, X509Certificate> files = Map.of("ca.pem", rootCertificate,
                "signer.pem", extractSigner.certificate(), "tsa.pem", timeStampingKey.certificate());
        try {
            for (Map.Entry<String, X509Certificate> file : files.entrySet()) {
                Path path = directory.resolve(file.getKey());
                byte[] pem = Pem.encodeAll(List.of(file.getValue()));
                if (!Files.exists(path) || !Arrays.equals(Files.readAllBytes(path), pem)) {
                    Files.write(path, pem);
                }
            }
        } catch (IOException e) {
            throw new KeyMaterialException(Defect.NOT_WRITABLE, directory.toString(), e);
        }
    }

    private static void createOwnerOnlyDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, ownerOnly("rwx------"));
        }
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }

    private static X500Name name(String commonName) {
        return new X500Name("CN=" + commonName + ",O=VRS (development only)");
    }
}
