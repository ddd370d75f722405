package org.vrs.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.vrs.casefile.api.AgencyId;

/** The remembered signature check: real keys, real tokens, a clock that moves. */
class VerifiedTokensTest {
    @TempDir
    Path keys;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void aTokenIsVerifiedOnceButItsRulesOnEveryUseSoItStillExpires() {
        DevelopmentTokens tokens = DevelopmentTokens.open(keys);
        var rules = TokenRules.validator(DevelopmentTokens.ISSUER, clock);
        NimbusJwtDecoder nimbus = tokens.decoder();
        nimbus.setJwtValidator(rules);
        AtomicInteger signatureChecks = new AtomicInteger();
        JwtDecoder counting = token -> {
            signatureChecks.incrementAndGet();
            return nimbus.decode(token);
        };
        VerifiedTokens decoder = new VerifiedTokens(counting, rules);
        String token = tokens.issue(new Actor("u-1", new AgencyId("LC-HEALTH"), Role.CASEWORKER, "LC"), Duration.ofMinutes(10));

        Jwt first = decoder.decode(token);
        Jwt again = decoder.decode(token);
        assertThat(again.getSubject()).isEqualTo(first.getSubject()).isEqualTo("u-1");
        assertThat(signatureChecks).as("the signature is checked once").hasValue(1);

        // a changed signature is a different token: verified afresh, and refused
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(signatureChecks).hasValue(2);

        // past its expiry (and the tolerated skew) the remembered token is refused like any other
        now.set(now.get().plus(Duration.ofMinutes(12)));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }
}
