package org.vrs.extract;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.bouncycastle.util.encoders.Hex;
import org.vrs.extract.VerificationFailure.ImprintMismatch;
import org.vrs.extract.VerificationFailure.SignatureInvalid;
import org.vrs.extract.VerificationFailure.UnexpectedAlgorithm;

/**
 * Verifies a parsed RFC 3161 token against the data and the court's trust anchor: SHA-256
 * imprint of the data, TSA certificate with the critical timeStamping purpose, ESS binding,
 * signature, and a chain to the anchor valid at the token's genTime.
 */
final class TimeStampVerifier {

    private final TrustChain trust;

    TimeStampVerifier(X509Certificate trustAnchor) {
        this.trust = new TrustChain(trustAnchor);
    }

    /** @param untrusted certificates shipped beside the token (tsa.pem), used only to find the TSA's */
    VerifiedTimeStamp verify(ParsedTimeStamp stamp, byte[] data, List<X509Certificate> untrusted)
            throws VerificationException {
        TimeStampToken token = stamp.token();
        TimeStampTokenInfo info = token.getTimeStampInfo();
        if (!NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID())) {
            throw new VerificationException(new UnexpectedAlgorithm("messageImprint",
                    info.getMessageImprintAlgOID().getId()));
        }
        byte[] computed = CmsSigner.sha256(data);
        if (!MessageDigest.isEqual(info.getMessageImprintDigest(), computed)) {
            throw new VerificationException(new ImprintMismatch(
                    Hex.toHexString(info.getMessageImprintDigest()), Hex.toHexString(computed)));
        }
        List<X509Certificate> candidates = new ArrayList<>(stamp.certificates());
        candidates.addAll(untrusted);
        X509Certificate authority = CertificateChecks.signerCertificate(token.getSID(), candidates);
        CertificateChecks.requireTimeStamper(authority);
        CertificateChecks.requireBound(token.getSignedAttributes(), authority);
        requireSignature(token, authority);
        trust.validate(authority, candidates, info.getGenTime().toInstant());
        return new VerifiedTimeStamp(info.getGenTime().toInstant(), info.getSerialNumber(),
                info.getPolicy().getId(), authority);
    }

    private static void requireSignature(TimeStampToken token, X509Certificate authority)
            throws VerificationException {
        try {
            if (token.isSignatureValid(new JcaSimpleSignerInfoVerifierBuilder().build(authority.getPublicKey()))) {
                return;
            }
        } catch (TSPException | OperatorCreationException | RuntimeException e) {
            // reported below: a signature that cannot be checked is not valid
        }
        throw new VerificationException(new SignatureInvalid(TrustChain.subject(authority)));
    }
}
