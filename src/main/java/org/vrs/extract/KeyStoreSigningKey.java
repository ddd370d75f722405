package org.vrs.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.vrs.extract.KeyMaterialException.Defect;

/**
 * A {@link SigningKey} held by a JCA {@link KeyStore}: a PKCS#12 file, or a PKCS#11 token whose
 * key never leaves it ({@code KeyStore.getInstance("PKCS11", sunPkcs11)} with its provider).
 * Loading checks the curve and makes one probe signature, so a wrong alias or a certificate that
 * does not belong to the key fails at start-up rather than in a court.
 */
final class KeyStoreSigningKey implements SigningKey {

    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final Provider provider;

    private KeyStoreSigningKey(PrivateKey key, List<X509Certificate> chain, Provider provider) {
        this.key = key;
        this.chain = List.copyOf(chain);
        this.provider = provider;
    }

    /** Loads {@code alias} from a PKCS#12 file whose store and key share {@code password}. */
    static KeyStoreSigningKey fromPkcs12(Path file, String alias, char[] password) {
        return fromKeyStore(loadPkcs12(file, password), alias, password, null);
    }

    static KeyStore loadPkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyMaterialException(Defect.UNREADABLE, file.toString(), e);
        }
    }

    /**
     * @param keyPassword the entry's password (null for tokens, which are unlocked at load)
     * @param provider the provider that must sign (the token's), or null for the JCA default
     */
    static KeyStoreSigningKey fromKeyStore(KeyStore store, String alias, char[] keyPassword, Provider provider) {
        try {
            if (!store.containsAlias(alias)) {
                throw new KeyMaterialException(Defect.ALIAS_NOT_FOUND, alias, null);
            }
            if (!store.isKeyEntry(alias) || !(store.getKey(alias, keyPassword) instanceof PrivateKey key)) {
                throw new KeyMaterialException(Defect.NOT_A_PRIVATE_KEY_ENTRY, alias, null);
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : store.getCertificateChain(alias)) {
                chain.add((X509Certificate) c);
            }
            KeyStoreSigningKey signingKey = new KeyStoreSigningKey(key, chain, provider);
            signingKey.checkP256(alias);
            signingKey.probe(alias);
            return signingKey;
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException(Defect.UNREADABLE, alias, e);
        }
    }

    @Override
    public List<X509Certificate> chain() {
        return chain;
    }

    @Override
    public ContentSigner newContentSigner() {
        JcaContentSignerBuilder builder = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM);
        if (provider != null) {
            builder.setProvider(provider);
        }
        try {
            return builder.build(key);
        } catch (OperatorCreationException e) {
            throw new KeyMaterialException(Defect.UNREADABLE, certificate().getSubjectX500Principal().getName(), e);
        }
    }

    @Override
    public String toString() {
        return "KeyStoreSigningKey[" + certificate().getSubjectX500Principal().getName() + "]";
    }

    private void checkP256(String where) {
        if (chain.isEmpty()) {
            throw new KeyMaterialException(Defect.NOT_A_PRIVATE_KEY_ENTRY, where, null);
        }
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(certificate().getPublicKey().getEncoded());
        if (!SECObjectIdentifiers.secp256r1.equals(info.getAlgorithm().getParameters())) {
            throw new KeyMaterialException(Defect.NOT_P256, where, null);
        }
    }

    private void probe(String where) {
        byte[] message = "VRS key probe".getBytes(StandardCharsets.US_ASCII);
        try {
            ContentSigner signer = newContentSigner();
            signer.getOutputStream().write(message);
            Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM);
            verifier.initVerify(certificate().getPublicKey());
            verifier.update(message);
            if (!verifier.verify(signer.getSignature())) {
                throw new KeyMaterialException(Defect.KEY_CERTIFICATE_MISMATCH, where, null);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyMaterialException(Defect.KEY_CERTIFICATE_MISMATCH, where, e);
        }
    }
}
