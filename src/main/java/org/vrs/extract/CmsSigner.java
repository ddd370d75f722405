package org.vrs.extract;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Detached CMS SignedData (RFC 5652) over the extract, ECDSA P-256 with SHA-256, DER-encoded for
 * {@code extract.json.p7s}. Signed attributes make it CAdES-B-B (ETSI EN 319 122-1): content-type,
 * message-digest, signing-time and signing-certificate-v2, the last binding the signer's
 * certificate so it cannot be swapped for another one with the same key. The signer and its
 * issuers travel in the signature, so a verifier only needs the trust anchor.
 */
final class CmsSigner {

    private final SigningKey key;
    private final Clock clock;

    CmsSigner(SigningKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /** DER encoding of a detached SignedData over {@code content}. */
    byte[] signDetached(byte[] content) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(cadesAttributes()))
                    .build(key.newContentSigner(), key.certificate()));
            generator.addCertificates(new JcaCertStore(key.chain()));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
        } catch (CMSException | OperatorCreationException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("CMS signing failed for " + key, e);
        }
    }

    /** content-type and message-digest are added by the generator; these are the other two. */
    private AttributeTable cadesAttributes() throws CertificateEncodingException {
        AttributeTable table = new AttributeTable(new Attribute(CMSAttributes.signingTime,
                new DERSet(new Time(Date.from(clock.instant())))));
        return table.add(PKCSObjectIdentifiers.id_aa_signingCertificateV2, signingCertificateV2(key.certificate()));
    }

    /** ESSCertIDv2 with the default hash (SHA-256, therefore omitted) and the issuer and serial. */
    static SigningCertificateV2 signingCertificateV2(X509Certificate certificate) throws CertificateEncodingException {
        IssuerSerial issuerSerial = new IssuerSerial(
                new GeneralNames(new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
                certificate.getSerialNumber());
        return new SigningCertificateV2(new ESSCertIDv2(sha256(certificate.getEncoded()), issuerSerial));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
