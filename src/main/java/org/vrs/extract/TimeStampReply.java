package org.vrs.extract;

import java.math.BigInteger;
import java.time.Instant;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * A granted RFC 3161 reply. {@link #encodedResponse()} is the whole DER TimeStampResp, the form
 * {@code openssl ts -verify -in} reads by default, so it is what the bundle stores as
 * {@code checkpoint.tsr}.
 */
record TimeStampReply(byte[] encodedResponse, TimeStampToken token) {

    TimeStampReply {
        encodedResponse = encodedResponse.clone();
    }

    @Override
    public byte[] encodedResponse() {
        return encodedResponse.clone();
    }

    Instant genTime() {
        return token.getTimeStampInfo().getGenTime().toInstant();
    }

    BigInteger serialNumber() {
        return token.getTimeStampInfo().getSerialNumber();
    }
}
