package org.vrs.extract;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.encoders.Hex;
import org.vrs.extract.VerificationFailure.ContentDigestMismatch;
import org.vrs.extract.VerificationFailure.MissingSignedAttribute;
import org.vrs.extract.VerificationFailure.SignatureInvalid;
import org.vrs.extract.VerificationFailure.UnexpectedAlgorithm;

/**
 * Verifies a parsed {@code extract.json.p7s} against the content and the court's trust anchor, in
 * the order a reader would: attributes present, algorithms, signer certificate, content digest,
 * signature, certificate binding, key purpose, chain. The first failing check is reported.
 */
final class CmsSignatureVerifier {

    private final TrustChain trust;

    CmsSignatureVerifier(X509Certificate trustAnchor) {
        this.trust = new TrustChain(trustAnchor);
    }

    /**
     * @param validationTime when the certificates must have been valid; a bundle verifier passes
     *     the time-stamp's genTime, since the signer's own signing-time is only a claim
     */
    VerifiedSignature verify(ParsedSignature signature, byte[] content, Instant validationTime)
            throws VerificationException {
        SignerInformation signer = signature.signer();
        AttributeTable attributes = signer.getSignedAttributes();
        require(attributes, CMSAttributes.contentType, "content-type");
        require(attributes, CMSAttributes.messageDigest, "message-digest");
        require(attributes, CMSAttributes.signingTime, "signing-time");
        require(attributes, PKCSObjectIdentifiers.id_aa_signingCertificateV2, "signing-certificate-v2");
        requireAlgorithm("digestAlgorithm", signer.getDigestAlgOID(), NISTObjectIdentifiers.id_sha256);
        requireAlgorithm("signatureAlgorithm", signer.getEncryptionAlgOID(), X9ObjectIdentifiers.ecdsa_with_SHA256);
        X509Certificate certificate = CertificateChecks.signerCertificate(signer.getSID(), signature.certificates());
        requireDigest(attributes, content);
        requireSignature(signature, content, certificate);
        CertificateChecks.requireBound(attributes, certificate);
        CertificateChecks.requireDocumentSigner(certificate);
        trust.validate(certificate, signature.certificates(), validationTime);
        return new VerifiedSignature(signingTime(attributes), certificate);
    }

    private static void require(AttributeTable attributes, ASN1ObjectIdentifier type, String name)
            throws VerificationException {
        if (attributes == null || attributes.get(type) == null) {
            throw new VerificationException(new MissingSignedAttribute(name));
        }
    }

    private static void requireAlgorithm(String field, String oid, ASN1ObjectIdentifier expected)
            throws VerificationException {
        if (!expected.getId().equals(oid)) {
            throw new VerificationException(new UnexpectedAlgorithm(field, oid));
        }
    }

    private static void requireDigest(AttributeTable attributes, byte[] content) throws VerificationException {
        Attribute attribute = attributes.get(CMSAttributes.messageDigest);
        byte[] signed = ASN1OctetString.getInstance(attribute.getAttrValues().getObjectAt(0)).getOctets();
        byte[] computed = CmsSigner.sha256(content);
        if (!MessageDigest.isEqual(signed, computed)) {
            throw new VerificationException(new ContentDigestMismatch(Hex.toHexString(signed), Hex.toHexString(computed)));
        }
    }

    private static void requireSignature(ParsedSignature signature, byte[] content, X509Certificate certificate)
            throws VerificationException {
        try {
            CMSSignedData withContent = new CMSSignedData(new CMSProcessableByteArray(content),
                    signature.signedData().toASN1Structure());
            SignerInformation signer = withContent.getSignerInfos().get(signature.signer().getSID());
            if (signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate.getPublicKey()))) {
                return;
            }
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            // reported below: a signature that cannot be checked is not valid
        }
        throw new VerificationException(new SignatureInvalid(TrustChain.subject(certificate)));
    }

    private static Instant signingTime(AttributeTable attributes) {
        return Time.getInstance(attributes.get(CMSAttributes.signingTime).getAttrValues().getObjectAt(0))
                .getDate().toInstant();
    }
}
