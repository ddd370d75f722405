package org.vrs.extract;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.tsp.MessageImprint;
import org.bouncycastle.asn1.tsp.TSTInfo;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/** Hand-built evidence that the production code refuses to produce, for negative tests. */
final class Forgeries {

    private Forgeries() {
    }

    /** A certificate issued by {@code ca} with one extended key usage, critical or not. */
    static X509Certificate certificate(PrivateKey caKey, X509Certificate ca, PublicKey subjectKey, String cn,
                                       KeyPurposeId purpose, boolean critical) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minusSeconds(3600)),
                Date.from(now.plus(Duration.ofDays(30))), new X500Name("CN=" + cn), subjectKey);
        JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(subjectKey));
        builder.addExtension(Extension.authorityKeyIdentifier, false, ids.createAuthorityKeyIdentifier(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, critical, new ExtendedKeyUsage(purpose));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey)));
    }

    /** A CMS signature with exactly the signed attributes given (plus content-type, digest, time). */
    static byte[] cms(PrivateKey key, X509Certificate signer, String algorithm, AttributeTable attributes,
                      List<X509Certificate> certificates, byte[] content, boolean encapsulate) throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(signerInfo(key, signer, algorithm, attributes));
        generator.addCertificates(new JcaCertStore(certificates));
        return generator.generate(new CMSProcessableByteArray(content), encapsulate).getEncoded(ASN1Encoding.DER);
    }

    static byte[] cmsWithTwoSigners(PrivateKey key, X509Certificate signer, byte[] content) throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        AttributeTable attributes = new AttributeTable(new ASN1EncodableVector());
        generator.addSignerInfoGenerator(signerInfo(key, signer, "SHA256withECDSA", attributes));
        generator.addSignerInfoGenerator(signerInfo(key, signer, "SHA256withECDSA", attributes));
        return generator.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
    }

    /** The same SignedData with the last byte of the (only) signature value changed. */
    static byte[] withFlippedSignature(byte[] cms) throws Exception {
        ContentInfo info = ContentInfo.getInstance(cms);
        SignedData signed = SignedData.getInstance(info.getContent());
        SignerInfo original = SignerInfo.getInstance(signed.getSignerInfos().getObjectAt(0));
        byte[] signature = original.getEncryptedDigest().getOctets();
        signature[signature.length - 1] ^= 0x01;
        SignerInfo forged = new SignerInfo(original.getSID(), original.getDigestAlgorithm(),
                original.getAuthenticatedAttributes(), original.getDigestEncryptionAlgorithm(),
                new DEROctetString(signature), original.getUnauthenticatedAttributes());
        SignedData replaced = new SignedData(signed.getDigestAlgorithms(), signed.getEncapContentInfo(),
                signed.getCertificates(), signed.getCRLs(), new DERSet(forged));
        return new ContentInfo(CMSObjectIdentifiers.signedData, replaced).getEncoded(ASN1Encoding.DER);
    }

    /** A token over {@code data} signed by any key, naming {@code essCertificate} in signing-certificate-v2. */
    static TimeStampToken timeStampToken(PrivateKey key, X509Certificate signer, X509Certificate essCertificate,
                                         byte[] data, Instant genTime) throws Exception {
        TSTInfo info = new TSTInfo(InProcessTimeStampAuthority.DEVELOPMENT_POLICY,
                new MessageImprint(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), CmsSigner.sha256(data)),
                new ASN1Integer(42), new ASN1GeneralizedTime(Date.from(genTime)), null, ASN1Boolean.FALSE,
                null, null, null);
        AttributeTable attributes = new AttributeTable(new ASN1EncodableVector())
                .add(PKCSObjectIdentifiers.id_aa_signingCertificateV2, CmsSigner.signingCertificateV2(essCertificate));
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(signerInfo(key, signer, "SHA256withECDSA", attributes));
        generator.addCertificates(new JcaCertStore(List.of(signer)));
        return new TimeStampToken(generator.generate(new CMSProcessableByteArray(PKCSObjectIdentifiers.id_ct_TSTInfo,
                info.getEncoded(ASN1Encoding.DER)), true));
    }

    /** A granted TimeStampResp around any token, as a TSA would send it. */
    static byte[] grantedResponse(TimeStampToken token) throws Exception {
        return new TimeStampResp(new PKIStatusInfo(PKIStatus.granted), token.toCMSSignedData().toASN1Structure())
                .getEncoded(ASN1Encoding.DER);
    }

    private static SignerInfoGenerator signerInfo(PrivateKey key, X509Certificate signer, String algorithm,
                                                  AttributeTable attributes)
            throws Exception {
        return new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(attributes))
                .build(new JcaContentSignerBuilder(algorithm).build(key), signer);
    }
}
