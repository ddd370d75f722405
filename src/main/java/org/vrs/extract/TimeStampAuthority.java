package org.vrs.extract;

/**
 * An RFC 3161 time-stamping authority: the built-in one for development
 * ({@link InProcessTimeStampAuthority}) or an external one over HTTP
 * ({@link HttpTimeStampAuthority}). Either way the reply has been checked against the request
 * (status, nonce, message imprint) before it is returned.
 */
interface TimeStampAuthority {

    /** A granted time-stamp over SHA-256 of {@code data}. */
    TimeStampReply timeStamp(byte[] data) throws TimeStampException;
}
