package org.vrs.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * HTTP with full control of method, headers and body bytes, for fault and fuzz tests. The caller is
 * authenticated exactly as {@link RunningService} does it, through {@link #authenticate}: the one
 * place to change when identities move from development headers to bearer tokens.
 */
public final class RawHttp {
    private final int port;
    private final HttpClient http;

    public RawHttp(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Identifies the caller on a request; {@code null} sends it anonymously. */
    public static void authenticate(HttpRequest.Builder request, Caller caller) {
        if (caller != null) {
            caller.sign(request);
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
