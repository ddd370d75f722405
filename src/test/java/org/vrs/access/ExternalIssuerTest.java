package org.vrs.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.casefile.api.AgencyId;
import org.vrs.support.Response;
import org.vrs.support.RunningService;

/**
 * The production setting: an OpenID Connect issuer (here a stand-in serving a JWKS, as Keycloak
 * does) signs RS256 tokens; the development key then counts for nothing.
 */
class ExternalIssuerTest {
    private static final String ISSUER = "https://idp.example/realms/vrs";
    private static final String OPEN_FILE =
            "{\"channel\":\"RESCUE\",\"receivingAgency\":\"LC-POLICE\",\"receivedOn\":\"2026-11-01\"}";

    @TempDir
    Path root;

    @Test
    void tokensOfTheConfiguredIssuerAreAcceptedAndDevelopmentTokensAreNot() throws Exception {
        RSAKey idpKey = new RSAKeyGenerator(2048).keyID("idp-1").generate();
        HttpServer idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] jwks = new JWKSet(idpKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        idp.createContext("/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        idp.start();
        try (RunningService vrs = RunningService.start(root.resolve("data"), root.resolve("keys"), Map.of(
                "vrs.auth.jwks-uri", "http://127.0.0.1:" + idp.getAddress().getPort() + "/certs",
                "vrs.auth.issuer", ISSUER))) {
            Response accepted = vrs.postWithHeaders(Map.of("Authorization", "Bearer " + signed(idpKey)), "/api/v1/files", OPEN_FILE);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);

            String development = DevelopmentTokens.open(vrs.keysDir())
                    .issue(new Actor("u-dev", new AgencyId("LC-POLICE"), Role.INVESTIGATOR, "LC"), Duration.ofMinutes(5));
            Response refused = vrs.postWithHeaders(Map.of("Authorization", "Bearer " + development), "/api/v1/files", OPEN_FILE);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).contains("no matching key");
        } finally {
            idp.stop(0);
        }
    }

    @Test
    void halfAnExternalIssuerSettingIsRefusedRatherThanFallingBackToTheDevelopmentKey() {
        TokenConfiguration configuration = new TokenConfiguration();
        assertThatThrownBy(() -> configuration.jwtDecoder("http://127.0.0.1:9/certs", "", root.resolve("keys")))
                .hasMessageStartingWith("set both vrs.auth.jwks-uri and vrs.auth.issuer");
        assertThatThrownBy(() -> configuration.jwtDecoder("", ISSUER, root.resolve("keys")))
                .hasMessageStartingWith("set both vrs.auth.jwks-uri and vrs.auth.issuer");
        assertThat(root.resolve("keys")).doesNotExist();
    }

    private static String signed(RSAKey key) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(ISSUER).subject("f47ac10b-58cc-4372-a567-0e02b2c3d479")
                        .claim("agency", "LC-POLICE").claim("role", "INVESTIGATOR").claim("province", "LC")
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
