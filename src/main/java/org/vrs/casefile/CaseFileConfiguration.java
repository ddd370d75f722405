package org.vrs.casefile;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CaseFileConfiguration {

    @Bean
    RuleBook ruleBook(@Value("${vrs.rules-resource:/config/rules.yml}") String resource) {
        return RuleBook.fromClasspath(resource);
    }
}
