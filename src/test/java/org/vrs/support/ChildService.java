package org.vrs.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.vrs.access.AgencyRegistry;
import org.vrs.access.DevelopmentTokens;

/**
 * The real service in a child JVM (same class path, main class {@code org.vrs.VrsApplication}), so a
 * test can SIGKILL it and start it again on the same folders. How the child is told which
 * identities to accept ({@link #identityArguments()}) and how requests prove one
 * ({@link #authenticator(Path)}) are the only places here that know how identities work.
 */
public final class ChildService implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final RawHttp http;

    private ChildService(Process process, Path dataDir, Path keysDir, Path log, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.http = new RawHttp(port, authenticator(keysDir));
    }

    /** Server-side half of authentication: the child trusts its own development issuer, so nothing to add. */
    static List<String> identityArguments() {
        return List.of();
    }

    /** Client-side half: bearer tokens signed with the development key the child created in its keys folder. */
    static RawHttp.Authenticator authenticator(Path keysDir) {
        AgencyRegistry agencies = AgencyRegistry.fromClasspath("/config/agencies.yml");
        return new RawHttp.Authenticator() {
            private DevelopmentTokens tokens;

            @Override
            public synchronized void authenticate(java.net.http.HttpRequest.Builder request, Caller caller) {
                if (tokens == null) {
                    tokens = DevelopmentTokens.open(keysDir); // the key exists only once the child has started
                }
                caller.sign(request, tokens, agencies);
            }
        };
    }

    /**
     * Starts a child service on these folders and waits until its health endpoint answers 200.
     * {@code jvmOptions} go before the main class (heap size, JFR), {@code properties} after it.
     */
    public static ChildService start(Path dataDir, Path keysDir, Path log, List<String> jvmOptions, Map<String, String> properties) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.vrs.VrsApplication");
        command.add("--vrs.data-dir=" + dataDir);
        command.add("--vrs.keys-dir=" + keysDir);
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        command.addAll(identityArguments());
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            ChildService child = new ChildService(process, dataDir, keysDir, log, port);
            child.awaitHealthy();
            return child;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the child service", e);
        }
    }

    private void awaitHealthy() {
        try {
            await("child service health on port " + http.port()).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("the child service exited with " + process.exitValue()
                                    + " before it was healthy; its log: " + log);
                        }
                        try {
                            return http.get(null, "/actuator/health", Duration.ofSeconds(5)).status() == 200;
                        } catch (IOException notYet) {
                            return false;
                        }
                    });
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    public RawHttp http() {
        return http;
    }

    public int port() {
        return http.port();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** Peak resident set size of the child JVM so far (VmHWM), in KiB; -1 where /proc is unavailable. */
    public long peakRssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** SIGKILL: no shutdown hook runs, the database is left with whatever was committed. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: the service shuts down in order (and its JFR recording, if any, is written). */
    public void stop() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A connection to the child's embedded database as the schema owner, found through its postmaster.pid. */
    public Connection ownerConnection() throws SQLException {
        return connection(dataDir, "vrs_owner");
    }

    public static Connection connection(Path dataDir, String role) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + databasePort(dataDir) + "/vrs", role, "");
    }

    /** Port of the embedded PostgreSQL running on a data folder: line 4 of {@code pg/postmaster.pid}. */
    public static int databasePort(Path dataDir) {
        try {
            return Integer.parseInt(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(3).trim());
        } catch (IOException | IndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalStateException("no running PostgreSQL on " + dataDir, e);
        }
    }

    /**
     * Stops a PostgreSQL that a killed child left behind on this data folder (the next start would
     * stop it too; this is for the end of a test).
     */
    public static void stopOrphanedDatabase(Path dataDir) {
        Path pidFile = dataDir.resolve("pg/postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            Optional<ProcessHandle> postmaster = ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
            postmaster.ifPresent(p -> {
                p.destroy();
                p.onExit().orTimeout(60, TimeUnit.SECONDS).join();
            });
        } catch (IOException | RuntimeException e) {
            // best effort at cleanup; the temp folder goes away with the test
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }
}
