package org.vrs.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL started by the service itself when no database is configured, with its data
 * in a local folder so a restart keeps every event. It creates two roles: {@code vrs_owner} owns
 * the schema and runs migrations; {@code vrs_app} is what the service connects as, and has no
 * UPDATE or DELETE on the event table.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String DATABASE = "vrs";
    public static final String OWNER = "vrs_owner";
    public static final String APP = "vrs_app";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            stopOrphan(dataDir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.toFile())
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            EmbeddedDatabase db = new EmbeddedDatabase(pg);
            db.createRolesAndDatabase();
            log.info("embedded PostgreSQL running on 127.0.0.1:{} with data in {}", pg.getPort(), dataDir.toAbsolutePath());
            return db;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private void createRolesAndDatabase() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String role : List.of(OWNER, APP)) {
                s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN "
                        + "CREATE ROLE " + role + " LOGIN; END IF; END $$");
            }
            boolean exists;
            try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
            }
        }
    }

    /** A service killed with SIGKILL leaves its postmaster running; stop it so the data folder can start again. */
    private static void stopOrphan(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> orphan = Files.readAllLines(pidFile).stream().findFirst()
                .flatMap(line -> {
                    try {
                        return ProcessHandle.of(Long.parseLong(line.trim()));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                })
                .filter(p -> p.info().command().map(cmd -> cmd.endsWith("postgres")).orElse(false));
        if (orphan.isPresent()) {
            log.warn("stopping an orphaned PostgreSQL (pid {}) left by an earlier run on {}", orphan.get().pid(), dataDir);
            orphan.get().destroy();
            orphan.get().onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        }
    }
}
