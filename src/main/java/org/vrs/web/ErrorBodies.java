package org.vrs.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Error bodies written straight to the servlet response, for refusals made outside Spring MVC
 * (size limit, URL firewall, authentication, Tomcat's own parser), so every error a client sees
 * is the same JSON {@code {status, error, message}} as {@link ErrorMapping} writes.
 */
final class ErrorBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stable code and a sentence for a status when nothing more specific is known. */
    private static final Map<Integer, List<String>> GENERIC = Map.of(
            400, List.of("bad-request", "the request is malformed (its URL, headers or encoding)"),
            401, List.of("unauthenticated", "this needs an authenticated identity"),
            403, List.of("forbidden", "not allowed"),
            404, List.of("not-found", "no such endpoint"),
            405, List.of("method-not-allowed", "this method is not supported here"),
            406, List.of("not-acceptable", "responses are application/json: accept it, or send no Accept header"),
            413, List.of("too-large", "the request is too large"),
            415, List.of("unsupported-media-type", "send Content-Type: application/json"),
            503, List.of("unavailable", "the service is unavailable: nothing was stored; retry later"));

    private ErrorBodies() {
    }

    static byte[] body(int status, String code, String message) {
        try {
            return JSON.writeValueAsBytes(new ApiError(status, code, message, List.of()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] generic(int status) {
        List<String> known = GENERIC.getOrDefault(status, List.of(status >= 500 ? "internal-error" : "bad-request",
                status >= 500 ? "an unexpected error occurred; it has been logged" : "the request was refused"));
        return body(status, known.get(0), known.get(1));
    }

    static void write(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
