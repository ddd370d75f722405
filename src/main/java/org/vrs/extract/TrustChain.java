package org.vrs.extract;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.vrs.extract.VerificationFailure.CertificateNotValidAt;
import org.vrs.extract.VerificationFailure.ChainNotTrusted;

/**
 * RFC 5280 path validation (the JDK's PKIX) from a certificate to the one anchor the court trusts,
 * at a given instant, so evidence stays verifiable after its certificates expire. Certificates
 * carried in the artefact serve only as candidate intermediates. Revocation is not checked: the
 * development PKI publishes no CRLs, and revocation data must be embedded in the bundle before it
 * can be checked offline.
 */
final class TrustChain {

    private final X509Certificate anchor;

    TrustChain(X509Certificate anchor) {
        this.anchor = anchor;
    }

    void validate(X509Certificate certificate, Collection<X509Certificate> candidates, Instant at)
            throws VerificationException {
        String subject = subject(certificate);
        try {
            certificate.checkValidity(Date.from(at));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new VerificationException(new CertificateNotValidAt(subject, at));
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(Set.of(new TrustAnchor(anchor, null)), target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            List<X509Certificate> pool = new ArrayList<>(candidates);
            pool.add(certificate);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
        } catch (GeneralSecurityException e) {
            throw new VerificationException(new ChainNotTrusted(subject,
                    e.getMessage() + " (anchor " + subject(anchor) + ")"));
        }
    }

    static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
