package org.vrs.store;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vrs.protection.DataKeys;

/** Health of the parts the database indicator does not cover. Reports names and states only. */
@Configuration(proxyBeanMethods = false)
class ServiceHealth {

    @Bean
    HealthIndicator keyStore(DataKeys keys) {
        return () -> {
            try {
                keys.serviceKey();
                return Health.up().withDetail("serviceKey", DataKeys.SERVICE_KEY_ID).build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    @Bean
    HealthIndicator eventProcessors(EventProcessingConfiguration processing) {
        return () -> {
            Health.Builder health = Health.up();
            processing.eventProcessors().forEach((name, processor) -> {
                String state = processor.isError() ? "error" : processor.isRunning() ? "running" : "stopped";
                if (processor instanceof StreamingEventProcessor streaming && streaming.isReplaying()) {
                    state = "replaying";
                }
                health.withDetail(name, state);
                if (processor.isError()) {
                    health.down();
                }
            });
            return health.build();
        };
    }
}
