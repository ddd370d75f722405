package org.vrs.access;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Who may issue tokens: an external OpenID Connect issuer when {@code vrs.auth.jwks-uri} is set
 * (production), otherwise the embedded development issuer with its key under {@code vrs.keys-dir}.
 * Setting only half of the external pair is refused, so a production deployment cannot silently
 * fall back to the development key.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {
    private static final Logger log = LoggerFactory.getLogger(TokenConfiguration.class);
    /** Agencies' active dates are Vietnamese calendar days. */
    private static final Clock VIETNAM = Clock.system(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Bean
    JwtDecoder jwtDecoder(@Value("${vrs.auth.jwks-uri:}") String jwksUri, @Value("${vrs.auth.issuer:}") String issuer,
                          @Value("${vrs.keys-dir:keys}") Path keysDir) {
        if (jwksUri.isBlank() != issuer.isBlank()) {
            throw new IllegalStateException("set both vrs.auth.jwks-uri and vrs.auth.issuer to use an external issuer, "
                    + "or neither for the development issuer: with one alone, tokens would be checked against the wrong "
                    + "key or no issuer at all");
        }
        NimbusJwtDecoder decoder = jwksUri.isBlank() ? development(keysDir) : external(jwksUri, issuer);
        var rules = TokenRules.validator(jwksUri.isBlank() ? DevelopmentTokens.ISSUER : issuer, VIETNAM);
        decoder.setJwtValidator(rules);
        return new VerifiedTokens(decoder, rules);
    }

    private static NimbusJwtDecoder development(Path keysDir) {
        log.warn("*** Bearer tokens are verified with the DEVELOPMENT signing key in {}: anyone who can read that "
                + "folder can mint any identity. Set vrs.auth.jwks-uri and vrs.auth.issuer in production. ***", keysDir);
        return DevelopmentTokens.open(keysDir).decoder();
    }

    /** The key set is fetched on the first token, so the service starts even while the issuer is down. */
    private static NimbusJwtDecoder external(String jwksUri, String issuer) {
        log.info("bearer tokens are verified with the key set of issuer {}", issuer);
        return NimbusJwtDecoder.withJwkSetUri(jwksUri)
                .jwsAlgorithms(algorithms -> {
                    algorithms.add(SignatureAlgorithm.RS256);
                    algorithms.add(SignatureAlgorithm.ES256);
                })
                .build();
    }

    @Bean
    ActorTokenConverter actorTokenConverter(AgencyRegistry agencies) {
        return new ActorTokenConverter(agencies, VIETNAM);
    }
}
