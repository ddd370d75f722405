package org.vrs.extract;

import java.time.Instant;

/**
 * Why well-formed evidence is not believed. Each case is one check and carries the offending
 * value, so a verifier report and a test can name exactly what failed.
 */
sealed interface VerificationFailure {

    /** CAdES-B-B needs content-type, message-digest, signing-time and signing-certificate-v2. */
    record MissingSignedAttribute(String attribute) implements VerificationFailure {
    }

    /** Only SHA-256 and ecdsa-with-SHA256 are accepted; {@code field} says where. */
    record UnexpectedAlgorithm(String field, String oid) implements VerificationFailure {
    }

    /** No certificate in the artefact (or supplied with it) matches the signer identifier. */
    record SignerCertificateMissing(String signerId) implements VerificationFailure {
    }

    /** The signed message-digest is not SHA-256 of the content: the content changed. */
    record ContentDigestMismatch(String signedSha256, String computedSha256) implements VerificationFailure {
    }

    record SignatureInvalid(String signer) implements VerificationFailure {
    }

    /** The ESS signing-certificate(-v2) attribute names another certificate than the one used. */
    record SigningCertificateMismatch(String signer) implements VerificationFailure {
    }

    /** Key usage or extended key usage does not allow the certificate's role. */
    record KeyPurposeInvalid(String certificate, String reason) implements VerificationFailure {
    }

    record CertificateNotValidAt(String certificate, Instant at) implements VerificationFailure {
    }

    /** No path from the certificate to the trust anchor. */
    record ChainNotTrusted(String certificate, String reason) implements VerificationFailure {
    }

    /** The time-stamp is over other data than the data given. */
    record ImprintMismatch(String stampedDigest, String computedSha256) implements VerificationFailure {
    }
}
