package org.vrs.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * HTTP with full control of method, headers and body bytes, for fault and fuzz tests. How a
 * request proves its caller is an {@link Authenticator} chosen where the service is known:
 * {@link #to(RunningService)} here and {@code ChildService} for a child JVM; both send bearer
 * tokens from the development issuer.
 */
public final class RawHttp {
    /** Makes a request carry the caller's identity. */
    public interface Authenticator {
        void authenticate(HttpRequest.Builder request, Caller caller);
    }

    private final int port;
    private final Authenticator authenticator;
    private final HttpClient http;

    RawHttp(int port, Authenticator authenticator) {
        this.port = port;
        this.authenticator = authenticator;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Raw HTTP to an in-process service, authenticated the way {@link RunningService} does it. */
    public static RawHttp to(RunningService service) {
        return new RawHttp(service.port(), (request, caller) -> caller.sign(request, service.tokens(),
                service.bean(org.vrs.access.AgencyRegistry.class)));
    }

    /** Identifies the caller on a request; {@code null} sends it anonymously. */
    public void authenticate(HttpRequest.Builder request, Caller caller) {
        if (caller != null) {
            authenticator.authenticate(request, caller);
        }
    }

    public int port() {
        return port;
    }

    /** Sends and returns the response; throws {@link IOException} when no response came (refused, reset, timed out). */
    public Response send(Caller caller, String method, String pathAndQuery, Map<String, String> headers, byte[] body,
                         Duration timeout) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        authenticate(request, caller);
        return send(request.build());
    }

    public Response send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** POST of a JSON body with a reason code, the way the load drivers write. */
    public Response postJson(Caller caller, String path, String json, String reasonCode, Duration timeout) throws IOException {
        Map<String, String> headers = reasonCode == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "X-VRS-Reason", reasonCode);
        return send(caller, "POST", path, headers, json.getBytes(java.nio.charset.StandardCharsets.UTF_8), timeout);
    }

    public Response get(Caller caller, String path, Duration timeout) throws IOException {
        return send(caller, "GET", path, Map.of(), null, timeout);
    }
}
