package org.vrs.extract;

import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.tsp.TimeStampToken;

/** A time-stamp token taken from a granted response; nothing about it is verified. */
record ParsedTimeStamp(TimeStampToken token, List<X509Certificate> certificates) {

    ParsedTimeStamp {
        certificates = List.copyOf(certificates);
    }
}
