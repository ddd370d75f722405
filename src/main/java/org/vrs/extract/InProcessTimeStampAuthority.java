package org.vrs.extract;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A built-in RFC 3161 TSA for development and tests, on Bouncy Castle's generator. Tokens are
 * ECDSA P-256 / SHA-256, identify the TSA certificate by ESSCertIDv2 (SHA-256) and carry it.
 *
 * <p>Serial numbers are {@code max(previous + 1, epochMillis * 2^20)}: strictly increasing in
 * the process, and unique across restarts as long as the clock does not run back and fewer than
 * a million stamps are issued in one millisecond, without persisting a counter.
 */
final class InProcessTimeStampAuthority implements TimeStampAuthority {

    /** A UUID-based OID (X.667 arc 2.25, needs no registration) naming the development policy. */
    static final ASN1ObjectIdentifier DEVELOPMENT_POLICY =
            new ASN1ObjectIdentifier("2.25.140665393197075320417502394323053822004");

    private static final int MAX_REQUEST_BYTES = 16 * 1024;

    private final SigningKey key;
    private final ASN1ObjectIdentifier policy;
    private final Clock clock;
    private BigInteger lastSerial = BigInteger.ZERO;

    InProcessTimeStampAuthority(SigningKey key, ASN1ObjectIdentifier policy, Clock clock) {
        this.key = key;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public TimeStampReply timeStamp(byte[] data) throws TimeStampException {
        TimeStampRequest request = TimeStampExchange.request(data, policy);
        try {
            return TimeStampExchange.accept(request, respond(request).getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode our own response", e);
        }
    }

    /** Answers an encoded request, as an HTTP endpoint would; malformed requests get a rejection. */
    byte[] respond(byte[] encodedRequest) {
        try {
            if (encodedRequest.length > MAX_REQUEST_BYTES) {
                return rejection(PKIFailureInfo.badDataFormat, "request too large");
            }
            return respond(new TimeStampRequest(encodedRequest)).getEncoded();
        } catch (IOException | IllegalArgumentException e) {
            return rejection(PKIFailureInfo.badDataFormat, "malformed request");
        }
    }

    /**
     * Grants requests with a SHA-256 imprint and no or our policy; rejects others (RFC 3161 status
     * "rejection" with badAlg, unacceptedPolicy...).
     */
    synchronized TimeStampResponse respond(TimeStampRequest request) {
        Instant now = clock.instant();
        try {
            return responseGenerator().generate(request, nextSerial(now), Date.from(now));
        } catch (TSPException | OperatorCreationException | CertificateEncodingException e) {
            throw new IllegalStateException("time-stamp generation failed", e);
        }
    }

    private TimeStampResponseGenerator responseGenerator()
            throws OperatorCreationException, TSPException, CertificateEncodingException {
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                new JcaSignerInfoGeneratorBuilder(digests).build(key.newContentSigner(), key.certificate()),
                digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)), policy);
        tokens.setResolution(TimeStampTokenGenerator.R_MILLISECONDS);
        tokens.addCertificates(new JcaCertStore(List.of(key.certificate())));
        return new TimeStampResponseGenerator(tokens, Set.of(TSPAlgorithms.SHA256), Set.of(policy));
    }

    private BigInteger nextSerial(Instant now) {
        BigInteger floor = BigInteger.valueOf(now.toEpochMilli()).shiftLeft(20);
        lastSerial = floor.compareTo(lastSerial) > 0 ? floor : lastSerial.add(BigInteger.ONE);
        return lastSerial;
    }

    private byte[] rejection(int failInfo, String text) {
        try {
            return new TimeStampResponseGenerator(null, Set.of())
                    .generateFailResponse(PKIStatus.REJECTION, failInfo, text).getEncoded();
        } catch (TSPException | IOException e) {
            throw new IllegalStateException("cannot encode a rejection", e);
        }
    }
}
