package org.vrs.extract;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues the development certificates. Key identifiers are always present because
 * {@code openssl -x509_strict} requires them; the extension profile of each role is what the
 * OpenSSL purpose checks accept (see {@link Role}).
 */
final class DevelopmentCertificates {

    /** RFC 9336 id-kp-documentSigning (not yet a Bouncy Castle 1.81 constant): what the key is for. */
    static final KeyPurposeId DOCUMENT_SIGNING =
            KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36"));

    enum Role {
        /** CA:true critical, pathlen 0, keyCertSign + cRLSign critical. */
        ROOT_CA,
        /**
         * keyUsage digitalSignature + nonRepudiation; EKU documentSigning and emailProtection.
         * OpenSSL 3.0 does not know documentSigning, and its default purpose for
         * {@code cms -verify} (smimesign) demands emailProtection whenever an EKU is present, so
         * carrying both lets courts verify with the default purpose instead of {@code -purpose any}.
         */
        EXTRACT_SIGNER,
        /** keyUsage digitalSignature; EKU timeStamping only and critical (RFC 3161 section 2.3). */
        TIME_STAMPING
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private DevelopmentCertificates() {
    }

    static KeyPair newP256KeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no EC P-256", e);
        }
    }

    static X509Certificate selfSignedRoot(KeyPair pair, X500Name subject, Instant notBefore, Duration validity) {
        return issue(Role.ROOT_CA, subject, pair.getPublic(), subject, null, pair.getPrivate(), notBefore, validity);
    }

    static X509Certificate issue(Role role, X500Name subject, PublicKey subjectKey, X509Certificate issuer,
                                 PrivateKey issuerKey, Instant notBefore, Duration validity) {
        return issue(role, subject, subjectKey, X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()),
                issuer, issuerKey, notBefore, validity);
    }

    private static X509Certificate issue(Role role, X500Name subject, PublicKey subjectKey, X500Name issuerName,
                                         X509Certificate issuer, PrivateKey issuerKey, Instant notBefore,
                                         Duration validity) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    new BigInteger(127, RANDOM).add(BigInteger.ONE), Date.from(notBefore),
                    Date.from(notBefore.plus(validity)), subject, subjectKey);
            JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, issuer == null
                    ? ids.createAuthorityKeyIdentifier(subjectKey)
                    : ids.createAuthorityKeyIdentifier(issuer));
            addRoleExtensions(role, builder);
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(KeyStoreSigningKey.SIGNATURE_ALGORITHM).build(issuerKey)));
        } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a " + role + " certificate", e);
        }
    }

    private static void addRoleExtensions(Role role, X509v3CertificateBuilder builder) throws CertIOException {
        switch (role) {
            case ROOT_CA -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            }
            case EXTRACT_SIGNER -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                        DOCUMENT_SIGNING, KeyPurposeId.id_kp_emailProtection}));
            }
            case TIME_STAMPING -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, true,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            }
        }
    }
}
