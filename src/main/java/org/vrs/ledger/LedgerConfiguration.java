package org.vrs.ledger;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger inside the service: the integrator as a pooled streaming processor with one segment
 * (one writer, commit order), the checkpoint signer, and the queries the web layer serves.
 */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    @Bean
    LedgerStore ledgerStore(JdbcTemplate jdbc) {
        return new LedgerStore(jdbc);
    }

    @Bean
    LeafAppender leafAppender(LedgerStore store) {
        return new LeafAppender(store);
    }

    @Bean
    LedgerIntegrator ledgerIntegrator(LeafAppender appender) {
        return new LedgerIntegrator(appender);
    }

    @Bean
    LedgerSigningKey ledgerSigningKey(@Value("${vrs.keys-dir:keys}") Path keysDir) throws IOException {
        return LedgerSigningKey.loadOrCreate(keysDir);
    }

    @Bean
    CheckpointSigner checkpointSigner(LedgerStore store, LedgerSigningKey key, PlatformTransactionManager transactions,
                                      @Value("${vrs.ledger.origin:" + StoreVerifier.DEFAULT_ORIGIN + "}") String origin,
                                      @Value("${vrs.ledger.checkpoint-interval:PT0.5S}") Duration interval) {
        return new CheckpointSigner(store, key, origin, interval, new TransactionTemplate(transactions));
    }

    @Bean
    LedgerQueries ledgerQueries(LedgerStore store) {
        return new LedgerQueries(store);
    }

    /**
     * One segment, so one thread appends in the order the token delivers; a failing batch rolls
     * back and is retried rather than logged and skipped (Axon's default for handler errors). The
     * claim interval is how soon a failed batch is retried, and how soon another instance takes
     * over the segment that a stopped one released.
     */
    @Bean
    ConfigurerModule ledgerProcessorModule(@Value("${vrs.ledger.batch-size:1000}") int batchSize,
                                           @Value("${vrs.ledger.token-claim-interval:PT5S}") Duration claimInterval) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration(LedgerIntegrator.PROCESSING_GROUP,
                        (config, builder) -> builder.initialSegmentCount(1).maxClaimedSegments(1).batchSize(batchSize)
                                .tokenClaimInterval(claimInterval.toMillis()))
                .registerListenerInvocationErrorHandler(LedgerIntegrator.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }
}
