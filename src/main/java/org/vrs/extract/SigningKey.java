package org.vrs.extract;

import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.operator.ContentSigner;

/**
 * An ECDSA P-256 key and its certificate chain. Callers get a {@link ContentSigner}, never the
 * key, so the same code signs with a PKCS#12 file today and inside a PKCS#11 token later.
 */
interface SigningKey {

    /** The key's certificate first, then its issuers up to and including the root. */
    List<X509Certificate> chain();

    default X509Certificate certificate() {
        return chain().get(0);
    }

    /** A fresh SHA256withECDSA signer (content signers are stateful: one per signature). */
    ContentSigner newContentSigner();
}
