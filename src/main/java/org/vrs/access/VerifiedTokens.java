package org.vrs.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens whose signature was verified, so a client sending the same token again does not
 * pay a second ECDSA/RSA verification (most of the CPU of a small request). Only the signature check
 * is skipped: every use re-runs the claim rules (expiry, issuer, required claims), so a remembered
 * token stops working when it expires, as it would anyway. Keyed by the SHA-256 of the token, so
 * the cache holds no bearer credential; bounded, least recently used first out.
 */
final class VerifiedTokens implements JwtDecoder {
    private static final int CAPACITY = 10_000;

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> rules;
    private final Map<String, Jwt> verified = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Jwt> eldest) {
            return size() > CAPACITY;
        }
    });

    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> rules) {
        this.verifier = verifier;
        this.rules = rules;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String key = sha256(token);
        Jwt known = verified.get(key);
        if (known == null) {
            Jwt jwt = verifier.decode(token); // signature and rules; throws if either fails
            verified.put(key, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = rules.validate(known);
        if (result.hasErrors()) {
            verified.remove(key);
            throw new BadJwtException(result.getErrors().iterator().next().getDescription());
        }
        return known;
    }

    private static String sha256(String token) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
