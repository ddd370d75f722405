package org.vrs.extract;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Audit-trail bundles are signed by the same key as certified extracts and proved by the same ledger. */
@Configuration(proxyBeanMethods = false)
class AuditExportConfiguration {

    @Bean
    AuditTrailBundles auditTrailBundles(DevelopmentPki pki, LedgerAccess ledger) {
        SigningKey signer = pki.extractSigner();
        return new AuditTrailBundles(signer, new CmsSigner(signer, Clock.systemUTC()), ledger);
    }
}
