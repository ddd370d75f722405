package org.vrs.extract;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;

/** A time-stamp that verified: the data existed at {@code genTime}, on the TSA's word. */
record VerifiedTimeStamp(Instant genTime, BigInteger serialNumber, String policyOid, X509Certificate authority) {
}
