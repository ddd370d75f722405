package org.vrs.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.extract.MalformedArtefactException.Defect;
import org.vrs.extract.VerificationFailure.ChainNotTrusted;
import org.vrs.extract.VerificationFailure.ImprintMismatch;
import org.vrs.extract.VerificationFailure.KeyPurposeInvalid;
import org.vrs.extract.VerificationFailure.SignerCertificateMissing;
import org.vrs.extract.VerificationFailure.SigningCertificateMismatch;

/** The built-in TSA and the offline verification of its tokens. */
class TimeStampTest {

    private static final byte[] CHECKPOINT = "vrs.example/log\n1024\nq83vEjRWeJA=\n".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-05-04T10:11:12.345Z");

    @TempDir
    static Path directory;
    static TestPki ours;
    static TestPki foreign;
    static TimeStampVerifier verifier;

    @BeforeAll
    static void createOnce() {
        ours = TestPki.create(directory.resolve("ours"), NOW.minusSeconds(86400));
        foreign = TestPki.create(directory.resolve("foreign"), NOW.minusSeconds(86400));
        verifier = new TimeStampVerifier(ours.pki().rootCertificate());
    }

    private static VerificationFailure failureOf(byte[] response, byte[] data, List<X509Certificate> untrusted) {
        try {
            verifier.verify(ExtractArtefacts.parseTimeStampResponse(response), data, untrusted);
        } catch (VerificationException e) {
            return e.failure();
        } catch (MalformedArtefactException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("verified");
    }

    @Test
    void grantsATokenOverTheDataAtTheClocksTimeUnderItsPolicyNamingItsCertificate() throws Exception {
        TimeStampReply reply = ours.tsa(new MutableClock(NOW)).timeStamp(CHECKPOINT);
        TimeStampToken token = reply.token();

        assertThat(reply.genTime()).isEqualTo(NOW);
        assertThat(token.getTimeStampInfo().getPolicy()).isEqualTo(InProcessTimeStampAuthority.DEVELOPMENT_POLICY);
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(CmsSigner.sha256(CHECKPOINT));
        assertThat(token.getTimeStampInfo().getNonce()).isNotNull();
        assertThat(token.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
        assertThat(token.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificate)).isNull();
        assertThat(token.getCertificates().getMatches(null)).hasSize(1);
        assertThat(new TimeStampResponse(reply.encodedResponse()).getStatus()).isEqualTo(PKIStatus.GRANTED);
    }

    @Test
    void serialNumbersStrictlyIncreaseEvenWhenTheClockStandsStillOrRunsBack() throws Exception {
        MutableClock clock = new MutableClock(NOW);
        InProcessTimeStampAuthority tsa = ours.tsa(clock);

        BigInteger first = tsa.timeStamp(CHECKPOINT).serialNumber();
        BigInteger sameMillisecond = tsa.timeStamp(CHECKPOINT).serialNumber();
        clock.set(NOW.minusSeconds(60));
        BigInteger clockBack = tsa.timeStamp(CHECKPOINT).serialNumber();
        clock.set(NOW.plusSeconds(1));
        BigInteger later = tsa.timeStamp(CHECKPOINT).serialNumber();

        assertThat(List.of(first, sameMillisecond, clockBack, later)).isSorted().doesNotHaveDuplicates();
        assertThat(later).isEqualTo(BigInteger.valueOf(NOW.plusSeconds(1).toEpochMilli()).shiftLeft(20));
    }

    @Test
    void refusesImprintsOtherThanSha256AndForeignPolicies() throws Exception {
        InProcessTimeStampAuthority tsa = ours.tsa(new MutableClock(NOW));
        TimeStampRequest sha1 = new TimeStampRequestGenerator().generate(TSPAlgorithms.SHA1, new byte[20]);
        TimeStampRequestGenerator otherPolicy = new TimeStampRequestGenerator();
        otherPolicy.setReqPolicy(new ASN1ObjectIdentifier("1.2.3.4"));

        TimeStampResponse badAlg = tsa.respond(sha1);
        TimeStampResponse badPolicy = tsa.respond(otherPolicy.generate(TSPAlgorithms.SHA256, new byte[32]));
        TimeStampResponse garbage = new TimeStampResponse(tsa.respond(new byte[] {1, 2, 3}));

        assertThat(badAlg.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(badAlg.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badAlg);
        assertThat(badPolicy.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.unacceptedPolicy);
        assertThat(garbage.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badDataFormat);
        assertThatThrownBy(() -> ExtractArtefacts.parseTimeStampResponse(badAlg.getEncoded()))
                .isInstanceOfSatisfying(MalformedArtefactException.class,
                        e -> assertThat(e.defect()).isEqualTo(Defect.NOT_GRANTED));
    }

    @Test
    void genuineTokenVerifiesAndReportsGenTimeAndSerial() throws Exception {
        TimeStampReply reply = ours.tsa(new MutableClock(NOW)).timeStamp(CHECKPOINT);

        VerifiedTimeStamp verified = verifier.verify(
                ExtractArtefacts.parseTimeStampResponse(reply.encodedResponse()), CHECKPOINT, List.of());

        assertThat(verified.genTime()).isEqualTo(NOW);
        assertThat(verified.serialNumber()).isEqualTo(reply.serialNumber());
        assertThat(verified.policyOid()).isEqualTo(InProcessTimeStampAuthority.DEVELOPMENT_POLICY.getId());
        assertThat(verified.authority()).isEqualTo(ours.pki().timeStampingKey().certificate());
    }

    @Test
    void bareTokenParsesLikeTheResponse() throws Exception {
        TimeStampReply reply = ours.tsa(new MutableClock(NOW)).timeStamp(CHECKPOINT);

        VerifiedTimeStamp verified = verifier.verify(
                ExtractArtefacts.parseTimeStampToken(reply.token().getEncoded()), CHECKPOINT, List.of());

        assertThat(verified.genTime()).isEqualTo(NOW);
    }

    @Test
    void tokenOverOtherDataIsAnImprintMismatchNamingBothDigests() throws Exception {
        byte[] other = "another checkpoint".getBytes(StandardCharsets.UTF_8);
        TimeStampReply reply = ours.tsa(new MutableClock(NOW)).timeStamp(other);

        assertThat(failureOf(reply.encodedResponse(), CHECKPOINT, List.of())).isEqualTo(new ImprintMismatch(
                Hex.toHexString(CmsSigner.sha256(other)), Hex.toHexString(CmsSigner.sha256(CHECKPOINT))));
    }

    @Test
    void tokenFromAnotherCasTsaDoesNotChain() throws Exception {
        TimeStampReply reply = foreign.tsa(new MutableClock(NOW)).timeStamp(CHECKPOINT);

        assertThat(failureOf(reply.encodedResponse(), CHECKPOINT, List.of()))
                .isInstanceOfSatisfying(ChainNotTrusted.class, f -> assertThat(f.certificate())
                        .isEqualTo(foreign.pki().timeStampingKey().certificate().getSubjectX500Principal().getName()));
    }

    @Test
    void tsaCertificateWhoseTimeStampingPurposeIsNotCriticalIsRefused() throws Exception {
        KeyPair pair = DevelopmentCertificates.newP256KeyPair();
        X509Certificate lax = Forgeries.certificate(ours.privateKey(DevelopmentPki.CA_ALIAS),
                ours.pki().rootCertificate(), pair.getPublic(), "Lax TSA", KeyPurposeId.id_kp_timeStamping, false);
        TimeStampToken token = Forgeries.timeStampToken(pair.getPrivate(), lax, lax, CHECKPOINT, NOW);

        assertThat(failureOf(Forgeries.grantedResponse(token), CHECKPOINT, List.of())).isEqualTo(
                new KeyPurposeInvalid("CN=Lax TSA", "extended key usage id-kp-timeStamping is not critical"));
    }

    @Test
    void extractSignerMayNotTimeStamp() throws Exception {
        X509Certificate signer = ours.pki().extractSigner().certificate();
        TimeStampToken token = Forgeries.timeStampToken(ours.privateKey(DevelopmentPki.SIGNER_ALIAS), signer, signer,
                CHECKPOINT, NOW);

        assertThat(failureOf(Forgeries.grantedResponse(token), CHECKPOINT, List.of()))
                .isInstanceOfSatisfying(KeyPurposeInvalid.class, f -> assertThat(f.certificate())
                        .isEqualTo(signer.getSubjectX500Principal().getName()));
    }

    @Test
    void essCertIdNamingAnotherCertificateIsAMismatch() throws Exception {
        X509Certificate tsa = ours.pki().timeStampingKey().certificate();
        TimeStampToken token = Forgeries.timeStampToken(ours.privateKey(DevelopmentPki.TSA_ALIAS), tsa,
                ours.pki().rootCertificate(), CHECKPOINT, NOW);

        assertThat(failureOf(Forgeries.grantedResponse(token), CHECKPOINT, List.of()))
                .isEqualTo(new SigningCertificateMismatch(tsa.getSubjectX500Principal().getName()));
    }

    @Test
    void tokenWithoutCertificateNeedsTheTsaCertificateBesideIt() throws Exception {
        TimeStampRequestGenerator noCertificate = new TimeStampRequestGenerator();
        noCertificate.setCertReq(false);
        TimeStampResponse response = ours.tsa(new MutableClock(NOW))
                .respond(noCertificate.generate(TSPAlgorithms.SHA256, CmsSigner.sha256(CHECKPOINT), BigInteger.TEN));
        ParsedTimeStamp parsed = ExtractArtefacts.parseTimeStampResponse(response.getEncoded());

        assertThat(failureOf(response.getEncoded(), CHECKPOINT, List.of())).isInstanceOf(SignerCertificateMissing.class);
        assertThat(verifier.verify(parsed, CHECKPOINT, List.of(ours.pki().timeStampingKey().certificate())).genTime())
                .isEqualTo(NOW);
    }

    @Test
    void acceptsTheSha1EssCertIdOfOlderTsas() throws Exception {
        SigningKey key = ours.pki().timeStampingKey();
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
        TimeStampTokenGenerator generator = new TimeStampTokenGenerator(
                new JcaSignerInfoGeneratorBuilder(digests).build(key.newContentSigner(), key.certificate()),
                digests.get(new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1)),
                InProcessTimeStampAuthority.DEVELOPMENT_POLICY);
        generator.addCertificates(new JcaCertStore(List.of(key.certificate())));
        TimeStampToken token = generator.generate(TimeStampExchange.request(CHECKPOINT, null), BigInteger.ONE,
                Date.from(NOW));

        assertThat(token.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificate)).isNotNull();
        assertThat(verifier.verify(ExtractArtefacts.parseTimeStampResponse(Forgeries.grantedResponse(token)),
                CHECKPOINT, List.of()).serialNumber()).isEqualTo(BigInteger.ONE);
    }
}
