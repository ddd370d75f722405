package org.vrs.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.vrs.extract.MalformedArtefactException.Artefact;
import org.vrs.extract.MalformedArtefactException.Defect;

/**
 * Parses the untrusted cryptographic files of a bundle, with explicit bounds and before any
 * verification. Success means only "well-formed"; {@link CmsSignatureVerifier} and
 * {@link TimeStampVerifier} decide whether to believe it.
 */
final class ExtractArtefacts {

    static final int MAX_ARTEFACT_BYTES = 64 * 1024;
    static final int MAX_CERTIFICATES = 8;

    private ExtractArtefacts() {
    }

    /** {@code extract.json.p7s}: a DER or BER ContentInfo holding a detached SignedData. */
    static ParsedSignature parseSignature(byte[] encoded) throws MalformedArtefactException {
        ContentInfo info = contentInfo(Artefact.CMS_SIGNATURE, singleObject(Artefact.CMS_SIGNATURE, encoded));
        CMSSignedData signedData;
        try {
            signedData = new CMSSignedData(info);
        } catch (CMSException | RuntimeException e) {
            throw new MalformedArtefactException(Artefact.CMS_SIGNATURE, Defect.WRONG_STRUCTURE, e.getMessage());
        }
        if (signedData.getSignedContent() != null) {
            throw new MalformedArtefactException(Artefact.CMS_SIGNATURE, Defect.NOT_DETACHED, "content embedded");
        }
        if (!CMSObjectIdentifiers.data.getId().equals(signedData.getSignedContentTypeOID())) {
            throw new MalformedArtefactException(Artefact.CMS_SIGNATURE, Defect.WRONG_CONTENT_TYPE,
                    signedData.getSignedContentTypeOID());
        }
        Collection<SignerInformation> signers = signedData.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new MalformedArtefactException(Artefact.CMS_SIGNATURE, Defect.SIGNER_COUNT,
                    String.valueOf(signers.size()));
        }
        return new ParsedSignature(signedData, signers.iterator().next(),
                certificates(Artefact.CMS_SIGNATURE, signedData.getCertificates().getMatches(null)));
    }

    /** {@code checkpoint.tsr}: an RFC 3161 TimeStampResp (what {@code openssl ts -verify -in} reads). */
    static ParsedTimeStamp parseTimeStampResponse(byte[] encoded) throws MalformedArtefactException {
        ASN1Primitive object = singleObject(Artefact.TIME_STAMP, encoded);
        TimeStampResp response;
        try {
            response = TimeStampResp.getInstance(object);
        } catch (RuntimeException e) {
            throw new MalformedArtefactException(Artefact.TIME_STAMP, Defect.WRONG_STRUCTURE, e.getMessage());
        }
        int status = response.getStatus().getStatus().intValue();
        if ((status != PKIStatus.GRANTED && status != PKIStatus.GRANTED_WITH_MODS)
                || response.getTimeStampToken() == null) {
            throw new MalformedArtefactException(Artefact.TIME_STAMP, Defect.NOT_GRANTED, "status " + status);
        }
        return token(response.getTimeStampToken());
    }

    /** A bare token (what {@code openssl ts -verify -token_in} reads). */
    static ParsedTimeStamp parseTimeStampToken(byte[] encoded) throws MalformedArtefactException {
        return token(contentInfo(Artefact.TIME_STAMP, singleObject(Artefact.TIME_STAMP, encoded)));
    }

    /** {@code ca.pem}, {@code tsa.pem}: one or more PEM (or DER) certificates. */
    static List<X509Certificate> parseCertificates(byte[] encoded) throws MalformedArtefactException {
        bound(Artefact.CERTIFICATES, encoded);
        List<X509Certificate> certificates;
        try {
            certificates = Pem.decodeCertificates(encoded);
        } catch (CertificateException | RuntimeException e) {
            throw new MalformedArtefactException(Artefact.CERTIFICATES, Defect.WRONG_STRUCTURE, e.getMessage());
        }
        if (certificates.size() > MAX_CERTIFICATES) {
            throw new MalformedArtefactException(Artefact.CERTIFICATES, Defect.TOO_MANY_CERTIFICATES,
                    String.valueOf(certificates.size()));
        }
        return certificates;
    }

    private static ParsedTimeStamp token(ContentInfo info) throws MalformedArtefactException {
        TimeStampToken token;
        try {
            token = new TimeStampToken(info);
        } catch (TSPException | IOException | RuntimeException e) {
            throw new MalformedArtefactException(Artefact.TIME_STAMP, Defect.WRONG_STRUCTURE, e.getMessage());
        }
        return new ParsedTimeStamp(token, certificates(Artefact.TIME_STAMP, token.getCertificates().getMatches(null)));
    }

    private static ContentInfo contentInfo(Artefact artefact, ASN1Primitive object) throws MalformedArtefactException {
        try {
            ContentInfo info = ContentInfo.getInstance(object);
            if (!CMSObjectIdentifiers.signedData.equals(info.getContentType())) {
                throw new MalformedArtefactException(artefact, Defect.WRONG_STRUCTURE,
                        "content type " + info.getContentType().getId());
            }
            return info;
        } catch (RuntimeException e) {
            throw new MalformedArtefactException(artefact, Defect.WRONG_STRUCTURE, e.getMessage());
        }
    }

    private static ASN1Primitive singleObject(Artefact artefact, byte[] encoded) throws MalformedArtefactException {
        bound(artefact, encoded);
        ByteArrayInputStream bytes = new ByteArrayInputStream(encoded);
        try (ASN1InputStream in = new ASN1InputStream(bytes, encoded.length)) {
            ASN1Primitive object = in.readObject();
            if (object == null || bytes.available() > 0) {
                throw new MalformedArtefactException(artefact, Defect.NOT_ASN1,
                        object == null ? "empty" : bytes.available() + " bytes after the object");
            }
            return object;
        } catch (IOException | RuntimeException e) {
            throw new MalformedArtefactException(artefact, Defect.NOT_ASN1, e.getMessage());
        }
    }

    private static void bound(Artefact artefact, byte[] encoded) throws MalformedArtefactException {
        if (encoded.length > MAX_ARTEFACT_BYTES) {
            throw new MalformedArtefactException(artefact, Defect.TOO_LARGE, encoded.length + " bytes");
        }
    }

    private static List<X509Certificate> certificates(Artefact artefact, Collection<X509CertificateHolder> holders)
            throws MalformedArtefactException {
        if (holders.size() > MAX_CERTIFICATES) {
            throw new MalformedArtefactException(artefact, Defect.TOO_MANY_CERTIFICATES, String.valueOf(holders.size()));
        }
        List<X509Certificate> out = new ArrayList<>();
        try {
            for (X509CertificateHolder holder : holders) {
                out.add(new JcaX509CertificateConverter().getCertificate(holder));
            }
        } catch (CertificateException e) {
            throw new MalformedArtefactException(artefact, Defect.WRONG_STRUCTURE, e.getMessage());
        }
        return out;
    }
}
