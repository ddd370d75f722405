package org.vrs.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import picocli.CommandLine.Option;

/**
 * The running service's HTTP API as the command-line tools call it: a bearer token from
 * {@code --token}, {@code --token-file} or {@code VRS_TOKEN}, JSON responses, and every refusal
 * turned into the server's own message and an exit code. The token never appears in any output.
 */
final class ServiceApi {

    /** Exit codes shared by the tools that call the service (documented in their help and docs/audit.md). */
    static final int OK = 0;
    static final int USAGE = 2;
    static final int UNAUTHENTICATED = 4;
    static final int FORBIDDEN = 5;
    static final int NOT_FOUND = 6;
    static final int REFUSED = 7;
    static final int UNAVAILABLE = 8;

    static final String[] EXIT_CODES = {
            "2:usage error (unknown option, missing value, unreadable token file)",
            "4:no token, or the service did not accept it (401)",
            "5:the service refused the caller's role or jurisdiction (403)",
            "6:not found, or outside the caller's scope (404)",
            "7:the service refused the request as invalid (400 or another 4xx)",
            "8:the service could not be reached or failed (5xx, connection refused, timeout)"};

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    /** The options every API-calling tool takes. */
    static final class Options {
        @Option(names = "--url", defaultValue = "${env:VRS_URL:-http://localhost:8080}",
                description = "the service's base URL; default: ${DEFAULT-VALUE}")
        String url;
        @Option(names = "--token", defaultValue = "${env:VRS_TOKEN}", description = "bearer token; default: $VRS_TOKEN")
        String token;
        @Option(names = "--token-file", paramLabel = "FILE", description = "a file holding the bearer token (beats --token)")
        Path tokenFile;
    }

    /** A refusal or failure, with the exit code it stands for and a message safe to print. */
    static final class Failure extends Exception {
        private final int exitCode;

        Failure(int exitCode, String message) {
            super(message, null, false, false);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String token;

    private ServiceApi(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    static ServiceApi open(Options options) throws Failure {
        String token = options.token;
        if (options.tokenFile != null) {
            try {
                token = Files.readString(options.tokenFile, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new Failure(USAGE, "cannot read the token file " + options.tokenFile + ": " + e.getClass().getSimpleName());
            }
        }
        token = token == null ? "" : token.strip();
        if (token.isEmpty()) {
            throw new Failure(UNAUTHENTICATED, "no bearer token: give --token, --token-file or set VRS_TOKEN");
        }
        if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new Failure(USAGE, "the bearer token holds characters a token cannot have");
        }
        URI base;
        try {
            base = URI.create(options.url.endsWith("/") ? options.url.substring(0, options.url.length() - 1) : options.url);
        } catch (IllegalArgumentException e) {
            throw new Failure(USAGE, "--url is not a URL: " + Text.clean(options.url));
        }
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
            throw new Failure(USAGE, "--url must be an http or https URL");
        }
        return new ServiceApi(base, token);
    }

    /** GETs a JSON resource; {@code query} values that are null are left out. */
    JsonNode get(String path, Map<String, String> query, Map<String, String> headers) throws Failure {
        URI uri = URI.create(base + path + queryString(query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET()
                .header("Accept", "application/json").header("Authorization", "Bearer " + token);
        headers.forEach((name, value) -> {
            if (value != null) {
                request.header(name, value);
            }
        });
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new Failure(UNAVAILABLE, "cannot reach the service at " + base + ": connection refused");
        } catch (HttpTimeoutException e) {
            throw new Failure(UNAVAILABLE, "the service at " + base + " did not answer in time");
        } catch (IOException e) {
            throw new Failure(UNAVAILABLE, "cannot reach the service at " + base + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(UNAVAILABLE, "interrupted");
        }
        int status = response.statusCode();
        if (status == 200) {
            try {
                return JSON.readTree(response.body());
            } catch (JsonProcessingException e) {
                throw new Failure(UNAVAILABLE, "the service answered 200 with a body that is not JSON");
            }
        }
        throw refusal(status, response);
    }

    private static Failure refusal(int status, HttpResponse<String> response) {
        String message = serverMessage(response.body());
        if (message == null) {
            message = response.headers().firstValue("WWW-Authenticate").map(Text::clean).orElse("no message");
        }
        String text = "the service refused (" + status + "): " + message;
        return switch (status) {
            case 401 -> new Failure(UNAUTHENTICATED, text);
            case 403 -> new Failure(FORBIDDEN, text);
            case 404 -> new Failure(NOT_FOUND, text);
            default -> new Failure(status >= 400 && status < 500 ? REFUSED : UNAVAILABLE, text);
        };
    }

    /** The {@code error} code and {@code message} sentence of the service's JSON error body. */
    private static String serverMessage(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            if (error == null || !error.isObject()) {
                return null;
            }
            String code = error.path("error").asText("");
            String message = error.path("message").asText("");
            String joined = code.isEmpty() ? message : message.isEmpty() ? code : code + ": " + message;
            return joined.isEmpty() ? null : Text.clean(joined);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static Map<String, String> query(String... namesAndValues) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return query;
    }

    private static String queryString(Map<String, String> query) {
        StringJoiner joined = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, value) -> {
            if (value != null) {
                joined.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return joined.toString();
    }

    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
