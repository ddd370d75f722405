package org.vrs.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.proc.SingleKeyJWSKeySelector;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.vrs.casefile.api.Agency;

/**
 * The embedded token issuer ({@value #ISSUER}), for development and tests when no external OpenID
 * Connect issuer is configured: it signs tokens for the {@code token} command and verifies them in
 * the service, both with the ES256 key under the keys folder.
 */
public final class DevelopmentTokens {
    public static final String ISSUER = "vrs-development";

    private final DevelopmentSigningKey key;

    private DevelopmentTokens(DevelopmentSigningKey key) {
        this.key = key;
    }

    /** The issuer whose key lives in {@code keysDir}; the key is created there on first use. */
    public static DevelopmentTokens open(Path keysDir) {
        return new DevelopmentTokens(DevelopmentSigningKey.openOrCreate(keysDir));
    }

    /** A token for a user of the agency, with the agency's jurisdiction. */
    public String issue(String userId, Agency agency, Role role, Duration ttl) {
        return issue(new Actor(userId, agency.id(), role, agency.province(), agency.commune()), ttl);
    }

    /** A token that the embedded issuer's service turns back into {@code actor}, valid for {@code ttl}. */
    public String issue(Actor actor, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(TokenRules.MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("a token lives more than 0 and at most " + TokenRules.MAX_LIFETIME.toHours()
                    + " hours, not " + ttl);
        }
        Instant now = Instant.now();
        return sign(new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(actor.userId())
                .claim(TokenRules.AGENCY, actor.agency().value())
                .claim(TokenRules.ROLE, actor.role().name())
                .claim(TokenRules.PROVINCE, actor.province())
                .claim(TokenRules.COMMUNE, actor.commune())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .build());
    }

    /** Signs any claims, also invalid ones: tests use it to prove the service refuses them. */
    String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the development key", e);
        }
        return jwt.serialize();
    }

    /** Verifies signatures with this key and ES256 only; the claims are left to {@link TokenRules}. */
    NimbusJwtDecoder decoder() {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new SingleKeyJWSKeySelector<>(JWSAlgorithm.ES256, key.publicKey()));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        return new NimbusJwtDecoder(processor);
    }
}
