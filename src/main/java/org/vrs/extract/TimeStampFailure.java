package org.vrs.extract;

import java.math.BigInteger;

/** Why a time-stamp could not be obtained; each case names the check and the offending value. */
sealed interface TimeStampFailure {

    /** The TSA could not be reached or the exchange broke off. */
    record Unreachable(String endpoint, String cause) implements TimeStampFailure {
    }

    record UnexpectedHttpStatus(int status) implements TimeStampFailure {
    }

    /** RFC 3161 section 3.4 requires {@code application/timestamp-reply}. */
    record UnexpectedContentType(String contentType) implements TimeStampFailure {
    }

    record ResponseTooLarge(int limitBytes) implements TimeStampFailure {
    }

    record MalformedResponse(String defect) implements TimeStampFailure {
    }

    /** PKIStatus other than granted (0) or grantedWithMods (1); failInfo is a PKIFailureInfo bit set. */
    record NotGranted(int status, String statusText, int failInfo) implements TimeStampFailure {
    }

    /** A nonce other than ours means the reply answers another request (or is replayed). */
    record NonceMismatch(BigInteger sent, BigInteger received) implements TimeStampFailure {
    }

    record ImprintAlgorithmMismatch(String requestedOid, String receivedOid) implements TimeStampFailure {
    }

    record ImprintMismatch(String requestedSha256, String receivedHex) implements TimeStampFailure {
    }

    record PolicyMismatch(String requestedOid, String receivedOid) implements TimeStampFailure {
    }
}
