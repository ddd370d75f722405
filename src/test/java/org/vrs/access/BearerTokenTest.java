package org.vrs.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vrs.cli.Cli;
import org.vrs.support.Response;
import org.vrs.support.RunningService;

/**
 * Bearer tokens against the real service: every forged, stale or incomplete token is a 401 that
 * names what was wrong, and stores nothing; a valid token, also one from the {@code token} command,
 * acts as the user it names; header identities count for nothing.
 */
class BearerTokenTest {
    private static final String OPEN_FILE =
            "{\"channel\":\"SELF_REPORT\",\"receivingAgency\":\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"2026-11-01\"}";
    private static final RunningService vrs = RunningService.shared();

    /** Makes a token from the service's development issuer and a builder preset with valid claims. */
    interface Forge {
        String token(DevelopmentTokens issuer, JWTClaimsSet.Builder valid) throws Exception;
    }

    static Stream<Arguments> refusedTokens() {
        Instant now = Instant.now();
        return Stream.of(
                refused("expired ten minutes ago", (t, c) -> t.sign(c.issueTime(Date.from(now.minusSeconds(1200)))
                        .expirationTime(Date.from(now.minusSeconds(600))).build()), "Jwt expired at"),
                refused("signed by another P-256 key", (t, c) -> signWithOtherKey(c.build()), "Invalid signature"),
                refused("HS256 keyed with the service's public key", (t, c) -> hmacWithPublicKey(t, c.build()),
                        "Another algorithm expected"),
                refused("another issuer", (t, c) -> t.sign(c.issuer("https://idp.example/realms/vrs").build()),
                        "The iss claim is not valid"),
                refused("no issuer", (t, c) -> t.sign(c.issuer(null).build()), "The iss claim is not valid"),
                refused("no expiry", (t, c) -> t.sign(c.expirationTime(null).build()), "the token has no exp claim"),
                refused("expiring in 25 hours", (t, c) -> t.sign(c.expirationTime(Date.from(now.plus(Duration.ofHours(25))))
                        .build()), "the token expires more than 24 hours from now"),
                refused("issued in the future", (t, c) -> t.sign(c.issueTime(Date.from(now.plusSeconds(600)))
                        .expirationTime(Date.from(now.plusSeconds(900))).build()),
                        "the token was issued in the future"),
                refused("no subject", (t, c) -> t.sign(c.subject(null).build()), "claim 'sub' is missing"),
                refused("an e-mail address as subject", (t, c) -> t.sign(c.subject("lan@example.vn").build()),
                        "claim 'sub' is malformed"),
                refused("no agency", (t, c) -> t.sign(c.claim("agency", null).build()), "claim 'agency' is missing"),
                refused("an unknown agency", (t, c) -> t.sign(c.claim("agency", "HN-NOWHERE").build()),
                        "claim 'agency' names no agency of the registry active today"),
                refused("an agency dissolved in 2025", (t, c) -> t.sign(c.claim("agency", "LC-DOLISA").claim("commune", null)
                        .build()), "claim 'agency' names no agency of the registry active today"),
                refused("an agency that is not an id", (t, c) -> t.sign(c.claim("agency", "lc police").build()),
                        "claim 'agency' is not an agency id"),
                refused("no role", (t, c) -> t.sign(c.claim("role", null).build()), "claim 'role' is missing"),
                refused("an unknown role", (t, c) -> t.sign(c.claim("role", "SUPERUSER").build()), "claim 'role' names no known role"),
                refused("roles as a list", (t, c) -> t.sign(c.claim("role", List.of("RECEPTION_OFFICER")).build()),
                        "claim 'role' is malformed"),
                refused("no province", (t, c) -> t.sign(c.claim("province", null).build()), "claim 'province' is missing"),
                refused("a province outside the agency's", (t, c) -> t.sign(c.claim("province", "HN").build()),
                        "claim 'province' lies outside the agency's province"),
                refused("a commune outside the agency's", (t, c) -> t.sign(c.claim("commune", "SAPA").build()),
                        "claim 'commune' lies outside the agency's commune"),
                refused("claims changed after signing", BearerTokenTest::promotedAfterSigning, "Invalid signature"),
                refused("alg none", (t, c) -> new PlainJWT(c.build()).serialize(), "Unsupported algorithm of none"),
                refused("not a JWT", (t, c) -> "not-a-jwt", "Malformed token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void aBadTokenIsUnauthorisedSaysWhyAndStoresNothing(Forge forge, String reason) throws Exception {
        String token = forge.token(vrs.tokens(), validClaims());
        long before = storedEvents();

        Response r = vrs.postWithHeaders(Map.of("Authorization", "Bearer " + token), "/api/v1/files", OPEN_FILE);

        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"").contains(reason);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void theValidTokenTheRefusedOnesDeriveFromIsAccepted() throws Exception {
        long before = storedEvents();

        Response r = vrs.postWithHeaders(Map.of("Authorization", "Bearer " + vrs.tokens().sign(validClaims().build())),
                "/api/v1/files", OPEN_FILE);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(storedEvents()).isEqualTo(before + 1);
        assertThat(actorOfFirstEvent(r.text("fileId"))).isEqualTo("u-token-test LC-COMMUNE-BATXAT RECEPTION_OFFICER");
    }

    @Test
    void headerIdentitiesAreIgnored() throws Exception {
        Map<String, String> dpo = Map.of("X-VRS-Dev-User", "u-header", "X-VRS-Dev-Agency", "LC-HEALTH",
                "X-VRS-Dev-Role", "DATA_PROTECTION_OFFICER");
        long before = storedEvents();

        Response headersOnly = vrs.postWithHeaders(dpo, "/api/v1/files", OPEN_FILE);
        assertThat(headersOnly.status()).isEqualTo(401);
        assertThat(storedEvents()).isEqualTo(before);

        Map<String, String> headersAndToken = new java.util.HashMap<>(dpo);
        headersAndToken.put("Authorization", "Bearer " + vrs.tokens().sign(validClaims().build()));
        Response opened = vrs.postWithHeaders(headersAndToken, "/api/v1/files", OPEN_FILE);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(actorOfFirstEvent(opened.text("fileId"))).isEqualTo("u-token-test LC-COMMUNE-BATXAT RECEPTION_OFFICER");
    }

    @Test
    void theTokenCommandPrintsATokenTheServiceAccepts() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Cli.run(new PrintWriter(out), new PrintWriter(err), "token", "--user", "u-cli", "--agency", "LC-POLICE",
                "--role", "INVESTIGATOR", "--ttl", "30m", "--keys-dir", vrs.keysDir().toString());

        assertThat(exit).as(err.toString()).isZero();
        String token = out.toString().strip();
        assertThat(token).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        Response r = vrs.postWithHeaders(Map.of("Authorization", "Bearer " + token), "/api/v1/files",
                "{\"channel\":\"RESCUE\",\"receivingAgency\":\"LC-POLICE\",\"receivedOn\":\"2026-11-01\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(actorOfFirstEvent(r.text("fileId"))).isEqualTo("u-cli LC-POLICE INVESTIGATOR");
    }

    @Test
    void aTokenCommandOnAnotherKeysFolderCreatesAnOwnerOnlyKeyThatTheServiceRefuses(@TempDir Path elsewhere) throws Exception {
        StringWriter out = new StringWriter();

        int exit = Cli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "token", "--user", "u-cli",
                "--agency", "LC-POLICE", "--role", "INVESTIGATOR", "--keys-dir", elsewhere.toString());

        assertThat(exit).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(elsewhere.resolve(DevelopmentSigningKey.PRIVATE_FILE))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(elsewhere.resolve(DevelopmentSigningKey.PUBLIC_FILE))).startsWith("-----BEGIN PUBLIC KEY-----");
        Response r = vrs.postWithHeaders(Map.of("Authorization", "Bearer " + out.toString().strip()), "/api/v1/files", OPEN_FILE);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).contains("Invalid signature");
    }

    @Test
    void theTokenCommandRefusesALifetimeBeyondTheServicesLimit() {
        StringWriter err = new StringWriter();

        int exit = Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "token", "--user", "u-cli",
                "--agency", "LC-POLICE", "--role", "INVESTIGATOR", "--ttl", "25h", "--keys-dir", vrs.keysDir().toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--ttl: a token lives more than 0 and at most 24 hours, not PT25H");
    }

    private static JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(DevelopmentTokens.ISSUER)
                .subject("u-token-test")
                .claim("agency", "LC-COMMUNE-BATXAT")
                .claim("role", "RECEPTION_OFFICER")
                .claim("province", "LC")
                .claim("commune", "BATXAT")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    private static Arguments refused(String name, Forge forge, String reason) {
        return Arguments.of(Named.of(name, forge), reason);
    }

    private static String signWithOtherKey(JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), claims);
        jwt.sign(new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate()));
        return jwt.serialize();
    }

    /** The classic confusion attack: the verifier's public key, which anyone has, used as an HMAC secret. */
    private static String hmacWithPublicKey(DevelopmentTokens issuer, JWTClaimsSet claims) throws JOSEException {
        byte[] publicKey = DevelopmentSigningKey.openOrCreate(vrs.keysDir()).publicKey().getEncoded();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(publicKey));
        return jwt.serialize();
    }

    /** A genuine reception officer's token whose payload is then rewritten to a data protection officer's. */
    private static String promotedAfterSigning(DevelopmentTokens issuer, JWTClaimsSet.Builder valid) {
        String[] parts = issuer.sign(valid.build()).split("\\.");
        String promoted = valid.claim("role", "DATA_PROTECTION_OFFICER").build().toPayload().toBase64URL().toString();
        return parts[0] + "." + promoted + "." + parts[2];
    }

    private static long storedEvents() throws SQLException {
        try (Connection owner = vrs.ownerConnection(); Statement s = owner.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Who the stored event says acted, from its clear metadata. */
    private static String actorOfFirstEvent(String fileId) {
        var metadata = vrs.bean(org.axonframework.eventsourcing.eventstore.EventStore.class).readEvents(fileId)
                .asStream().findFirst().orElseThrow().getMetaData();
        return metadata.get("actorId") + " " + metadata.get("agencyId") + " " + metadata.get("role");
    }
}
