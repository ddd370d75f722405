package org.vrs.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.vrs.extract.VerificationFailure.KeyPurposeInvalid;
import org.vrs.extract.VerificationFailure.SignerCertificateMissing;
import org.vrs.extract.VerificationFailure.SigningCertificateMismatch;

/** Checks on a signer's certificate shared by the CMS and time-stamp verifiers. */
final class CertificateChecks {

    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;
    private static final Set<String> DOCUMENT_PURPOSES = Set.of(
            DevelopmentCertificates.DOCUMENT_SIGNING.getId(),
            KeyPurposeId.id_kp_emailProtection.getId(),
            KeyPurposeId.anyExtendedKeyUsage.getId());

    private CertificateChecks() {
    }

    /** The certificate the signer identifier names, from those carried in or beside the artefact. */
    static X509Certificate signerCertificate(SignerId signerId, List<X509Certificate> candidates)
            throws VerificationException {
        for (X509Certificate candidate : candidates) {
            try {
                if (signerId.match(new X509CertificateHolder(candidate.getEncoded()))) {
                    return candidate;
                }
            } catch (CertificateEncodingException | IOException e) {
                // a certificate that cannot be re-encoded matches nothing
            }
        }
        throw new VerificationException(new SignerCertificateMissing(
                signerId.getIssuer() + " serial " + signerId.getSerialNumber()));
    }

    /** The ESS signing-certificate-v2 (or, for older TSAs, v1) attribute must name this certificate. */
    static void requireBound(AttributeTable signedAttributes, X509Certificate certificate)
            throws VerificationException {
        if (!bound(signedAttributes, certificate)) {
            throw new VerificationException(new SigningCertificateMismatch(TrustChain.subject(certificate)));
        }
    }

    /** A document signer: digitalSignature or nonRepudiation; if an EKU is present, a document purpose. */
    static void requireDocumentSigner(X509Certificate certificate) throws VerificationException {
        requireSigningKeyUsage(certificate);
        List<String> purposes = extendedKeyUsage(certificate);
        if (purposes != null && purposes.stream().noneMatch(DOCUMENT_PURPOSES::contains)) {
            throw purpose(certificate, "extended key usage " + purposes + " allows no document signing");
        }
    }

    /** RFC 3161 section 2.3: the EKU must be present, critical, and id-kp-timeStamping only. */
    static void requireTimeStamper(X509Certificate certificate) throws VerificationException {
        requireSigningKeyUsage(certificate);
        List<String> purposes = extendedKeyUsage(certificate);
        if (purposes == null || !purposes.equals(List.of(KeyPurposeId.id_kp_timeStamping.getId()))) {
            throw purpose(certificate, "extended key usage must be id-kp-timeStamping only, is " + purposes);
        }
        if (!certificate.getCriticalExtensionOIDs().contains(Extension.extendedKeyUsage.getId())) {
            throw purpose(certificate, "extended key usage id-kp-timeStamping is not critical");
        }
    }

    private static void requireSigningKeyUsage(X509Certificate certificate) throws VerificationException {
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !usage[DIGITAL_SIGNATURE] && !usage[NON_REPUDIATION]) {
            throw purpose(certificate, "key usage has neither digitalSignature nor nonRepudiation");
        }
    }

    private static List<String> extendedKeyUsage(X509Certificate certificate) throws VerificationException {
        try {
            return certificate.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            throw purpose(certificate, "unreadable extended key usage");
        }
    }

    private static VerificationException purpose(X509Certificate certificate, String reason) {
        return new VerificationException(new KeyPurposeInvalid(TrustChain.subject(certificate), reason));
    }

    private static boolean bound(AttributeTable attributes, X509Certificate certificate) {
        try {
            byte[] encoded = certificate.getEncoded();
            Attribute v2 = attributes == null ? null : attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
            if (v2 != null) {
                ESSCertIDv2 id = SigningCertificateV2.getInstance(v2.getAttrValues().getObjectAt(0)).getCerts()[0];
                return MessageDigest.isEqual(id.getCertHash(), digest(id.getHashAlgorithm().getAlgorithm(), encoded))
                        && issuerSerialMatches(id.getIssuerSerial(), certificate);
            }
            Attribute v1 = attributes == null ? null : attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificate);
            if (v1 != null) {
                ESSCertID id = SigningCertificate.getInstance(v1.getAttrValues().getObjectAt(0)).getCerts()[0];
                return MessageDigest.isEqual(id.getCertHash(), digest(OIWObjectIdentifiers.idSHA1, encoded))
                        && issuerSerialMatches(id.getIssuerSerial(), certificate);
            }
            return false;
        } catch (CertificateEncodingException | OperatorCreationException | IOException | RuntimeException e) {
            return false; // an unknown hash algorithm or garbled attribute binds nothing
        }
    }

    private static boolean issuerSerialMatches(IssuerSerial issuerSerial, X509Certificate certificate) {
        if (issuerSerial == null) {
            return true; // optional in ESS; the hash already binds the certificate
        }
        X500Name issuer = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
        boolean issuerMatches = false;
        for (GeneralName name : issuerSerial.getIssuer().getNames()) {
            issuerMatches |= name.getTagNo() == GeneralName.directoryName && issuer.equals(X500Name.getInstance(name.getName()));
        }
        return issuerMatches && issuerSerial.getSerial().getValue().equals(certificate.getSerialNumber());
    }

    private static byte[] digest(ASN1ObjectIdentifier algorithm, byte[] data)
            throws OperatorCreationException, IOException {
        DigestCalculator calculator = new JcaDigestCalculatorProviderBuilder().build()
                .get(new AlgorithmIdentifier(algorithm));
        try (OutputStream out = calculator.getOutputStream()) {
            out.write(data);
        }
        return calculator.getDigest();
    }
}
