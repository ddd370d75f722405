package org.vrs.access;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    AgencyRegistry agencyRegistry(@Value("${vrs.agencies-resource:/config/agencies.yml}") String resource) {
        return AgencyRegistry.fromClasspath(resource);
    }
}
