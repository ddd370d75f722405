package org.vrs.extract;

import java.security.cert.X509Certificate;
import java.time.Instant;

/** A CMS signature that verified; {@code signingTime} is the signer's claim (signed attribute). */
record VerifiedSignature(Instant signingTime, X509Certificate signer) {
}
