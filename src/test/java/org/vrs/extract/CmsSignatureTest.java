package org.vrs.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.extract.MalformedArtefactException.Defect;
import org.vrs.extract.VerificationFailure.CertificateNotValidAt;
import org.vrs.extract.VerificationFailure.ChainNotTrusted;
import org.vrs.extract.VerificationFailure.ContentDigestMismatch;
import org.vrs.extract.VerificationFailure.KeyPurposeInvalid;
import org.vrs.extract.VerificationFailure.MissingSignedAttribute;
import org.vrs.extract.VerificationFailure.SignatureInvalid;
import org.vrs.extract.VerificationFailure.SigningCertificateMismatch;
import org.vrs.extract.VerificationFailure.UnexpectedAlgorithm;

class CmsSignatureTest {

    private static final byte[] CONTENT = "{\"order\":\"HN-2025/17\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant SIGNED_AT = Instant.parse("2026-03-01T08:30:15Z");

    @TempDir
    static Path directory;
    static TestPki ours;
    static TestPki foreign;
    static CmsSignatureVerifier verifier;

    @BeforeAll
    static void createOnce() {
        ours = TestPki.create(directory.resolve("ours"), SIGNED_AT.minus(Duration.ofDays(1)));
        foreign = TestPki.create(directory.resolve("foreign"), SIGNED_AT.minus(Duration.ofDays(1)));
        verifier = new CmsSignatureVerifier(ours.pki().rootCertificate());
    }

    private static byte[] sign(SigningKey key, byte[] content) {
        return new CmsSigner(key, Clock.fixed(SIGNED_AT, ZoneOffset.UTC)).signDetached(content);
    }

    private static VerificationFailure failureOf(byte[] signature, byte[] content) {
        try {
            verifier.verify(ExtractArtefacts.parseSignature(signature), content, SIGNED_AT);
        } catch (VerificationException e) {
            return e.failure();
        } catch (MalformedArtefactException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("verified");
    }

    @Test
    void genuineSignatureVerifiesAndReportsSigningTimeAndSigner() throws Exception {
        VerifiedSignature verified = verifier.verify(
                ExtractArtefacts.parseSignature(sign(ours.pki().extractSigner(), CONTENT)), CONTENT, SIGNED_AT);

        assertThat(verified.signingTime()).isEqualTo(SIGNED_AT);
        assertThat(verified.signer()).isEqualTo(ours.pki().extractSigner().certificate());
    }

    @Test
    void signatureIsDetachedDerCadesBaselineBWithSignerAndCaCertificates() throws Exception {
        byte[] der = sign(ours.pki().extractSigner(), CONTENT);
        ParsedSignature parsed = ExtractArtefacts.parseSignature(der);

        assertThat(ASN1Primitive.fromByteArray(der).getEncoded("DER")).isEqualTo(der);
        assertThat(parsed.signedData().getSignedContent()).isNull();
        AttributeTable attributes = parsed.signer().getSignedAttributes();
        assertThat(attributes.get(CMSAttributes.contentType)).isNotNull();
        assertThat(attributes.get(CMSAttributes.messageDigest)).isNotNull();
        assertThat(attributes.get(CMSAttributes.signingTime)).isNotNull();
        assertThat(attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
        assertThat(parsed.certificates()).containsExactlyInAnyOrder(
                ours.pki().extractSigner().certificate(), ours.pki().rootCertificate());
    }

    @Test
    void changedContentIsADigestMismatchNamingBothDigests() {
        byte[] changed = CONTENT.clone();
        changed[3] ^= 0x20;

        assertThat(failureOf(sign(ours.pki().extractSigner(), CONTENT), changed)).isEqualTo(new ContentDigestMismatch(
                Hex.toHexString(CmsSigner.sha256(CONTENT)), Hex.toHexString(CmsSigner.sha256(changed))));
    }

    @Test
    void changedSignatureValueIsInvalid() throws Exception {
        byte[] forged = Forgeries.withFlippedSignature(sign(ours.pki().extractSigner(), CONTENT));

        assertThat(failureOf(forged, CONTENT)).isEqualTo(new SignatureInvalid(subject(ours.pki().extractSigner())));
    }

    @Test
    void signerFromAnotherCaDoesNotChainToTheAnchor() {
        assertThat(failureOf(sign(foreign.pki().extractSigner(), CONTENT), CONTENT))
                .isInstanceOfSatisfying(ChainNotTrusted.class,
                        f -> assertThat(f.certificate()).isEqualTo(subject(foreign.pki().extractSigner())));
    }

    @Test
    void certificatesAreJudgedAtTheGivenTime() throws Exception {
        ParsedSignature parsed = ExtractArtefacts.parseSignature(sign(ours.pki().extractSigner(), CONTENT));
        Instant afterExpiry = ours.pki().extractSigner().certificate().getNotAfter().toInstant().plusSeconds(1);

        assertThatThrownBy(() -> verifier.verify(parsed, CONTENT, afterExpiry))
                .isInstanceOfSatisfying(VerificationException.class, e -> assertThat(e.failure())
                        .isEqualTo(new CertificateNotValidAt(subject(ours.pki().extractSigner()), afterExpiry)));
    }

    @Test
    void timeStampingKeyMayNotSignExtracts() {
        assertThat(failureOf(sign(ours.pki().timeStampingKey(), CONTENT), CONTENT))
                .isInstanceOfSatisfying(KeyPurposeInvalid.class,
                        f -> assertThat(f.certificate()).isEqualTo(subject(ours.pki().timeStampingKey())));
    }

    @Test
    void signatureWithoutSigningCertificateV2IsNotCades() throws Exception {
        byte[] plain = Forgeries.cms(ours.privateKey(DevelopmentPki.SIGNER_ALIAS),
                ours.pki().extractSigner().certificate(), "SHA256withECDSA", emptyAttributes(),
                ours.pki().extractSigner().chain(), CONTENT, false);

        assertThat(failureOf(plain, CONTENT)).isEqualTo(new MissingSignedAttribute("signing-certificate-v2"));
    }

    @Test
    void signingCertificateV2NamingAnotherCertificateIsAMismatch() throws Exception {
        AttributeTable pointsAtCa = emptyAttributes().add(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                CmsSigner.signingCertificateV2(ours.pki().rootCertificate()));
        byte[] forged = Forgeries.cms(ours.privateKey(DevelopmentPki.SIGNER_ALIAS),
                ours.pki().extractSigner().certificate(), "SHA256withECDSA", pointsAtCa,
                ours.pki().extractSigner().chain(), CONTENT, false);

        assertThat(failureOf(forged, CONTENT)).isEqualTo(new SigningCertificateMismatch(subject(ours.pki().extractSigner())));
    }

    @Test
    void digestOtherThanSha256IsRefused() throws Exception {
        AttributeTable attributes = emptyAttributes().add(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                CmsSigner.signingCertificateV2(ours.pki().extractSigner().certificate()));
        byte[] sha384 = Forgeries.cms(ours.privateKey(DevelopmentPki.SIGNER_ALIAS),
                ours.pki().extractSigner().certificate(), "SHA384withECDSA", attributes,
                ours.pki().extractSigner().chain(), CONTENT, false);

        assertThat(failureOf(sha384, CONTENT)).isEqualTo(new UnexpectedAlgorithm("digestAlgorithm", "2.16.840.1.101.3.4.2.2"));
    }

    @Test
    void parsingRefusesWhatIsNotOneDetachedSignature() throws Exception {
        byte[] genuine = sign(ours.pki().extractSigner(), CONTENT);
        byte[] trailing = Arrays.copyOf(genuine, genuine.length + 1);
        byte[] attached = Forgeries.cms(ours.privateKey(DevelopmentPki.SIGNER_ALIAS),
                ours.pki().extractSigner().certificate(), "SHA256withECDSA", emptyAttributes(), List.of(), CONTENT, true);
        byte[] twoSigners = Forgeries.cmsWithTwoSigners(ours.privateKey(DevelopmentPki.SIGNER_ALIAS),
                ours.pki().extractSigner().certificate(), CONTENT);

        assertParseDefect(new byte[] {0x30, 0x03, 0x02}, Defect.NOT_ASN1);
        assertParseDefect(trailing, Defect.NOT_ASN1);
        assertParseDefect(new byte[ExtractArtefacts.MAX_ARTEFACT_BYTES + 1], Defect.TOO_LARGE);
        assertParseDefect(ours.pki().rootCertificate().getEncoded(), Defect.WRONG_STRUCTURE);
        assertParseDefect(attached, Defect.NOT_DETACHED);
        assertParseDefect(twoSigners, Defect.SIGNER_COUNT);
    }

    private static void assertParseDefect(byte[] input, Defect expected) {
        assertThatThrownBy(() -> ExtractArtefacts.parseSignature(input))
                .isInstanceOfSatisfying(MalformedArtefactException.class, e -> {
                    assertThat(e.artefact()).isEqualTo(MalformedArtefactException.Artefact.CMS_SIGNATURE);
                    assertThat(e.defect()).isEqualTo(expected);
                });
    }

    private static AttributeTable emptyAttributes() {
        return new AttributeTable(new ASN1EncodableVector());
    }

    private static String subject(SigningKey key) {
        X509Certificate certificate = key.certificate();
        return certificate.getSubjectX500Principal().getName();
    }
}
