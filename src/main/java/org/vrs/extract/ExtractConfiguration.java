package org.vrs.extract;

import java.nio.file.Path;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vrs.access.AccessLog;
import org.vrs.protection.ViewSealer;
import org.vrs.views.FileQueries;

/**
 * Certified extracts with the development PKI under {@code <keys-dir>/extract} (created on first
 * start) and the built-in time-stamping authority. The ledger comes in through whatever
 * {@link LedgerAccess} bean exists when an extract is requested; without one, requests get 503.
 */
@Configuration(proxyBeanMethods = false)
class ExtractConfiguration {

    @Bean
    DevelopmentPki developmentPki(@Value("${vrs.keys-dir:keys}") Path keysDir) {
        return DevelopmentPki.openOrCreate(keysDir.resolve("extract"));
    }

    @Bean
    CertifiedExtracts certifiedExtracts(DevelopmentPki pki, FileQueries queries, AccessLog accessLog, CommandGateway commands,
                                        ObjectProvider<LedgerAccess> ledgers, JdbcTemplate jdbc, ViewSealer sealer, Clock clock) {
        SigningKey signer = pki.extractSigner();
        TimeStampAuthority tsa = new InProcessTimeStampAuthority(pki.timeStampingKey(),
                InProcessTimeStampAuthority.DEVELOPMENT_POLICY, Clock.systemUTC());
        BundleAssembler assembler = new BundleAssembler(signer, new CmsSigner(signer, Clock.systemUTC()), tsa);
        return new CertifiedExtracts(queries, accessLog, commands, ledgers, new SaltSeeds(jdbc, sealer), assembler, clock);
    }
}
