package org.vrs.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * What a bearer token must be, whoever issued it: our claim names, and the checks on the verified
 * token's times and issuer. Spring's timestamp check lets a token without {@code exp} live forever,
 * so {@code exp} is required here, and bounded, so a mistaken issuer setting cannot mint
 * near-permanent credentials to victims' files.
 */
final class TokenRules {
    static final String AGENCY = "agency";
    static final String ROLE = "role";
    static final String PROVINCE = "province";
    static final String COMMUNE = "commune";
    /** The longest lifetime accepted from any issuer, and the longest the {@code token} command mints. */
    static final Duration MAX_LIFETIME = Duration.ofHours(24);
    /** Tolerated difference between the issuer's clock and ours. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private TokenRules() {
    }

    /** Every check runs (the first failure is the one reported), so each must tolerate absent claims. */
    static OAuth2TokenValidator<Jwt> validator(String issuer, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(
                check(jwt -> jwt.getExpiresAt() != null, "the token has no exp claim"),
                timestamps,
                new JwtIssuerValidator(issuer),
                check(jwt -> jwt.getExpiresAt() == null || !jwt.getExpiresAt().isAfter(latestExpiry(clock)),
                        "the token expires more than " + MAX_LIFETIME.toHours() + " hours from now"),
                check(jwt -> jwt.getIssuedAt() == null || !jwt.getIssuedAt().isAfter(clock.instant().plus(CLOCK_SKEW)),
                        "the token was issued in the future"));
    }

    private static Instant latestExpiry(Clock clock) {
        return clock.instant().plus(MAX_LIFETIME).plus(CLOCK_SKEW);
    }

    private static OAuth2TokenValidator<Jwt> check(Predicate<Jwt> ok, String description) {
        OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
        return jwt -> ok.test(jwt) ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(error);
    }
}
