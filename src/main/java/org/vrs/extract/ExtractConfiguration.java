package org.vrs.extract;

import java.nio.file.Path;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vrs.access.AccessLog;
import org.vrs.ledger.LedgerQueries;
import org.vrs.ledger.LedgerSigningKey;
import org.vrs.protection.ViewSealer;
import org.vrs.views.FileQueries;

/**
 * Certified extracts with the development PKI under {@code <keys-dir>/extract} (created on first
 * start), the built-in time-stamping authority and the service's own ledger.
 */
@Configuration(proxyBeanMethods = false)
class ExtractConfiguration {

    @Bean
    DevelopmentPki developmentPki(@Value("${vrs.keys-dir:keys}") Path keysDir) {
        return DevelopmentPki.openOrCreate(keysDir.resolve("extract"));
    }

    @Bean
    LedgerAccess ledgerAccess(LedgerQueries ledger, LedgerSigningKey key) {
        return new StoredLedger(ledger, key);
    }

    @Bean
    CertifiedExtracts certifiedExtracts(DevelopmentPki pki, FileQueries queries, AccessLog accessLog, CommandGateway commands,
                                        LedgerAccess ledger, JdbcTemplate jdbc, ViewSealer sealer, Clock clock) {
        SigningKey signer = pki.extractSigner();
        TimeStampAuthority tsa = new InProcessTimeStampAuthority(pki.timeStampingKey(),
                InProcessTimeStampAuthority.DEVELOPMENT_POLICY, Clock.systemUTC());
        BundleAssembler assembler = new BundleAssembler(signer, new CmsSigner(signer, Clock.systemUTC()), tsa);
        return new CertifiedExtracts(queries, accessLog, commands, ledger, new SaltSeeds(jdbc, sealer), assembler, clock);
    }
}
