package org.vrs.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.vrs.VrsApplication;
import org.vrs.access.AgencyRegistry;
import org.vrs.access.DevelopmentTokens;

/**
 * The real service on a real embedded PostgreSQL, started on a data folder and keys folder of the
 * test's choosing, spoken to over real HTTP. Tests that need a restart start a second one on the
 * same folders.
 */
public final class RunningService implements AutoCloseable {
    private static RunningService shared;

    private final ConfigurableApplicationContext context;
    private final Path dataDir;
    private final Path keysDir;
    private final HttpClient http = HttpClient.newHttpClient();
    private DevelopmentTokens tokens;

    private RunningService(ConfigurableApplicationContext context, Path dataDir, Path keysDir) {
        this.context = context;
        this.dataDir = dataDir;
        this.keysDir = keysDir;
    }

    /** One service for the whole test JVM, for tests that do not restart it. */
    public static synchronized RunningService shared() {
        if (shared == null) {
            try {
                Path root = Files.createTempDirectory("vrs-shared-");
                shared = start(root.resolve("data"), root.resolve("keys"), Map.of());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public static RunningService start(Path dataDir, Path keysDir, Map<String, Object> extra) {
        Map<String, Object> props = new java.util.HashMap<>(Map.of(
                "vrs.data-dir", dataDir.toString(),
                "vrs.keys-dir", keysDir.toString(),
                "server.port", "0"));
        props.putAll(extra);
        // as command-line arguments, which take precedence over application.yml
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(VrsApplication.class).run(args);
        return new RunningService(ctx, dataDir, keysDir);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path keysDir() {
        return keysDir;
    }

    /** The development issuer whose key the service created under its keys folder. */
    public synchronized DevelopmentTokens tokens() {
        if (tokens == null) {
            tokens = DevelopmentTokens.open(keysDir);
        }
        return tokens;
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public String jdbcUrl() {
        return context.getBean(org.vrs.store.EmbeddedDatabase.class).jdbcUrl();
    }

    /** A connection as the schema owner, which the service itself never uses: the tamperer's view. */
    public Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "vrs_owner", "");
    }

    /**
     * Waits until the ledger has a leaf for every event stored so far and a signed checkpoint
     * covers them all (the integrator and the signer run in the background).
     */
    public void awaitLedger() {
        long events = count("SELECT count(*) FROM domain_event_entry");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> count("SELECT COALESCE(MAX(tree_size), 0) FROM ledger_checkpoint") >= events);
    }

    /** A single number from a query run as the schema owner. */
    public long count(String sql) {
        try (Connection c = ownerConnection(); java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A connection as the application role the service uses. */
    public Connection appConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "vrs_app", "");
    }

    public Response post(Caller caller, String path, String json) {
        return send(caller, HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"));
    }

    public Response getWithHeader(Caller caller, String path, String header, String value) {
        return send(caller, HttpRequest.newBuilder(uri(path)).GET().header(header, value));
    }

    /** A POST whose response body is binary (a zip), returned as bytes with the response headers. */
    public HttpResponse<byte[]> postForBytes(Caller caller, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (caller != null) {
            caller.sign(request, tokens(), bean(AgencyRegistry.class));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response get(Caller caller, String path) {
        return send(caller, HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A POST with exactly the given headers (and a JSON content type), for tests of authentication itself. */
    public Response postWithHeaders(Map<String, String> headers, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        return send(null, request);
    }

    private Response send(Caller caller, HttpRequest.Builder request) {
        if (caller != null) {
            caller.sign(request, tokens(), bean(AgencyRegistry.class));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    @Override
    public void close() {
        context.close();
    }
}
