package org.vrs.extract;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.bouncycastle.util.encoders.Hex;
import org.vrs.extract.TimeStampFailure.ImprintAlgorithmMismatch;
import org.vrs.extract.TimeStampFailure.ImprintMismatch;
import org.vrs.extract.TimeStampFailure.MalformedResponse;
import org.vrs.extract.TimeStampFailure.NonceMismatch;
import org.vrs.extract.TimeStampFailure.NotGranted;
import org.vrs.extract.TimeStampFailure.PolicyMismatch;
import org.vrs.extract.TimeStampFailure.ResponseTooLarge;

/**
 * The client half of RFC 3161 shared by both authorities: build a request with a fresh nonce and
 * accept a reply only if it answers that request. The token's signature and chain are checked
 * later, offline, by {@link TimeStampVerifier} against the court's trust anchor.
 */
final class TimeStampExchange {

    /** Replies carry one token and a few certificates; anything larger is refused unread. */
    static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeStampExchange() {
    }

    /** SHA-256 imprint, 64-bit random nonce, certificate requested, optional policy. */
    static TimeStampRequest request(byte[] data, ASN1ObjectIdentifier policyOrNull) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        if (policyOrNull != null) {
            generator.setReqPolicy(policyOrNull);
        }
        return generator.generate(TSPAlgorithms.SHA256, CmsSigner.sha256(data), new BigInteger(64, RANDOM));
    }

    static TimeStampReply accept(TimeStampRequest request, byte[] encodedResponse) throws TimeStampException {
        if (encodedResponse.length > MAX_RESPONSE_BYTES) {
            throw new TimeStampException(new ResponseTooLarge(MAX_RESPONSE_BYTES));
        }
        TimeStampResponse response = parse(encodedResponse);
        int status = response.getStatus();
        if (status != PKIStatus.GRANTED && status != PKIStatus.GRANTED_WITH_MODS) {
            int failInfo = response.getFailInfo() == null ? 0 : response.getFailInfo().intValue();
            throw new TimeStampException(new NotGranted(status, response.getStatusString(), failInfo));
        }
        TimeStampToken token = response.getTimeStampToken();
        if (token == null) {
            throw new TimeStampException(new MalformedResponse("status granted but no token"));
        }
        check(request, token.getTimeStampInfo());
        return new TimeStampReply(encodedResponse, token);
    }

    private static void check(TimeStampRequest request, TimeStampTokenInfo info) throws TimeStampException {
        if (!Objects.equals(request.getNonce(), info.getNonce())) {
            throw new TimeStampException(new NonceMismatch(request.getNonce(), info.getNonce()));
        }
        if (!request.getMessageImprintAlgOID().equals(info.getMessageImprintAlgOID())) {
            throw new TimeStampException(new ImprintAlgorithmMismatch(
                    request.getMessageImprintAlgOID().getId(), info.getMessageImprintAlgOID().getId()));
        }
        if (!Arrays.equals(request.getMessageImprintDigest(), info.getMessageImprintDigest())) {
            throw new TimeStampException(new ImprintMismatch(Hex.toHexString(request.getMessageImprintDigest()),
                    Hex.toHexString(info.getMessageImprintDigest())));
        }
        if (request.getReqPolicy() != null && !request.getReqPolicy().equals(info.getPolicy())) {
            throw new TimeStampException(new PolicyMismatch(request.getReqPolicy().getId(), info.getPolicy().getId()));
        }
    }

    private static TimeStampResponse parse(byte[] encodedResponse) throws TimeStampException {
        try {
            return new TimeStampResponse(encodedResponse);
        } catch (TSPException | IOException | RuntimeException e) {
            throw new TimeStampException(new MalformedResponse(String.valueOf(e.getMessage())));
        }
    }
}
