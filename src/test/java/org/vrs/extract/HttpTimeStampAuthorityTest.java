package org.vrs.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrs.extract.TimeStampFailure.ImprintMismatch;
import org.vrs.extract.TimeStampFailure.NonceMismatch;
import org.vrs.extract.TimeStampFailure.NotGranted;
import org.vrs.extract.TimeStampFailure.ResponseTooLarge;
import org.vrs.extract.TimeStampFailure.UnexpectedContentType;
import org.vrs.extract.TimeStampFailure.UnexpectedHttpStatus;
import org.vrs.extract.TimeStampFailure.Unreachable;

/** The RFC 3161 HTTP client against a loopback server that wraps the built-in TSA. */
class HttpTimeStampAuthorityTest {

    private static final byte[] DATA = "checkpoint body".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-07-01T00:00:00Z");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path directory;
    static TestPki ours;
    static InProcessTimeStampAuthority tsa;

    private HttpServer server;
    private final AtomicReference<String> receivedContentType = new AtomicReference<>();

    @BeforeAll
    static void createOnce() {
        ours = TestPki.create(directory, NOW.minusSeconds(86400));
        tsa = ours.tsa(new MutableClock(NOW));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Serves {@code reply(requestBody)} with the given status and content type. */
    private URI serve(int status, String contentType, UnaryOperator<byte[]> reply) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tsa", exchange -> answer(exchange, status, contentType, reply));
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    private void answer(HttpExchange exchange, int status, String contentType, UnaryOperator<byte[]> reply)
            throws IOException {
        receivedContentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
        byte[] body = reply.apply(exchange.getRequestBody().readAllBytes());
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static HttpTimeStampAuthority client(URI uri, ASN1ObjectIdentifier policy) {
        return new HttpTimeStampAuthority(uri, CLIENT, Duration.ofSeconds(30), policy);
    }

    private static TimeStampFailure failureOf(HttpTimeStampAuthority client) {
        try {
            client.timeStamp(DATA);
        } catch (TimeStampException e) {
            return e.failure();
        }
        throw new AssertionError("time-stamp granted");
    }

    @Test
    void obtainsATokenThatVerifiesOffline() throws Exception {
        URI uri = serve(200, "application/timestamp-reply", tsa::respond);

        TimeStampReply reply = client(uri, InProcessTimeStampAuthority.DEVELOPMENT_POLICY).timeStamp(DATA);

        assertThat(receivedContentType.get()).isEqualTo("application/timestamp-query");
        VerifiedTimeStamp verified = new TimeStampVerifier(ours.pki().rootCertificate())
                .verify(ExtractArtefacts.parseTimeStampResponse(reply.encodedResponse()), DATA, List.of());
        assertThat(verified.genTime()).isEqualTo(NOW);
    }

    @Test
    void replayedReplyToAnotherRequestIsANonceMismatch() throws Exception {
        TimeStampRequest earlier = new TimeStampRequestGenerator()
                .generate(TSPAlgorithms.SHA256, CmsSigner.sha256(DATA), BigInteger.valueOf(7));
        byte[] stale = tsa.respond(earlier.getEncoded());
        URI uri = serve(200, "application/timestamp-reply", request -> stale);

        assertThat(failureOf(client(uri, null))).isInstanceOfSatisfying(NonceMismatch.class,
                f -> assertThat(f.received()).isEqualTo(BigInteger.valueOf(7)));
    }

    @Test
    void replyOverOtherDataIsAnImprintMismatch() throws Exception {
        byte[] otherDigest = CmsSigner.sha256("other".getBytes(StandardCharsets.UTF_8));
        URI uri = serve(200, "application/timestamp-reply", request -> {
            try {
                BigInteger nonce = new TimeStampRequest(request).getNonce();
                return tsa.respond(new TimeStampRequestGenerator()
                        .generate(TSPAlgorithms.SHA256, otherDigest, nonce).getEncoded());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(failureOf(client(uri, null))).isEqualTo(
                new ImprintMismatch(Hex.toHexString(CmsSigner.sha256(DATA)), Hex.toHexString(otherDigest)));
    }

    @Test
    void rejectionIsReportedWithStatusAndFailureInfo() throws Exception {
        URI uri = serve(200, "application/timestamp-reply", tsa::respond);

        assertThat(failureOf(client(uri, new ASN1ObjectIdentifier("1.2.3.4")))).isInstanceOfSatisfying(
                NotGranted.class, f -> {
                    assertThat(f.status()).isEqualTo(PKIStatus.REJECTION);
                    assertThat(f.failInfo()).isEqualTo(PKIFailureInfo.unacceptedPolicy);
                });
    }

    @Test
    void wrongContentTypeIsRefused() throws Exception {
        URI uri = serve(200, "text/html; charset=utf-8", tsa::respond);

        assertThat(failureOf(client(uri, null))).isEqualTo(new UnexpectedContentType("text/html; charset=utf-8"));
    }

    @Test
    void contentTypeParametersAndCaseAreTolerated() throws Exception {
        URI uri = serve(200, "Application/TimeStamp-Reply; charset=binary", tsa::respond);

        assertThat(client(uri, null).timeStamp(DATA).genTime()).isEqualTo(NOW);
    }

    @Test
    void httpErrorIsReportedWithItsStatus() throws Exception {
        URI uri = serve(503, "text/plain", request -> "busy".getBytes(StandardCharsets.US_ASCII));

        assertThat(failureOf(client(uri, null))).isEqualTo(new UnexpectedHttpStatus(503));
    }

    @Test
    void oversizedReplyIsRefusedUnparsed() throws Exception {
        byte[] huge = new byte[TimeStampExchange.MAX_RESPONSE_BYTES + 10];
        URI uri = serve(200, "application/timestamp-reply", request -> huge);

        assertThat(failureOf(client(uri, null))).isEqualTo(new ResponseTooLarge(TimeStampExchange.MAX_RESPONSE_BYTES));
    }

    @Test
    void closedPortIsUnreachable() throws Exception {
        URI uri = serve(200, "application/timestamp-reply", tsa::respond);
        server.stop(0);
        server = null;

        assertThat(failureOf(client(uri, null))).isInstanceOfSatisfying(Unreachable.class,
                f -> assertThat(f.endpoint()).isEqualTo(uri.toString()));
    }
}
