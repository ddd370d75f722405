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

    /** Deadlines and grant expiries are counted in Vietnam's calendar days. */
    @Bean
    java.time.Clock clock() {
        return java.time.Clock.system(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    @Bean
    RedactionPolicy redactionPolicy(@Value("${vrs.redaction-policy-resource:/config/redaction-policy.yml}") String resource) {
        return RedactionPolicy.fromClasspath(resource);
    }

    @Bean
    FileAccessPolicy fileAccessPolicy(RedactionPolicy policy) {
        return new FileAccessPolicy(policy);
    }
}
