package org.vrs.extract;

import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

/** A structurally sound detached SignedData with exactly one signer; nothing about it is verified. */
record ParsedSignature(CMSSignedData signedData, SignerInformation signer, List<X509Certificate> certificates) {

    ParsedSignature {
        certificates = List.copyOf(certificates);
    }
}
