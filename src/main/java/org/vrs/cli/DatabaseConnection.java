package org.vrs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.vrs.store.EmbeddedDatabase;

/**
 * The database a command reads: the one at {@code --db-url}, or the service's embedded one in the
 * data folder. If the service is running, its PostgreSQL is reached on the port it recorded in
 * {@code postmaster.pid}; if not, the command starts PostgreSQL on the folder itself, and stops it
 * when done (do not start the service meanwhile).
 */
final class DatabaseConnection implements AutoCloseable {

    static final String EMBEDDED_APP_USER = EmbeddedDatabase.APP;

    private final Connection connection;
    private final EmbeddedDatabase startedHere;
    private final String description;

    private DatabaseConnection(Connection connection, EmbeddedDatabase startedHere, String description) {
        this.connection = connection;
        this.startedHere = startedHere;
        this.description = description;
    }

    static DatabaseConnection open(String url, String user, String password, Path dataDir, PrintWriter log)
            throws SQLException, IOException {
        if (url != null) {
            if (user == null) {
                throw new IllegalStateException("--db-user (or VRS_DB_USER) is needed with --db-url");
            }
            return new DatabaseConnection(DriverManager.getConnection(url, user, nz(password)), null, url + " as " + user);
        }
        Path pgDir = dataDir.resolve("pg");
        if (!Files.isDirectory(pgDir)) {
            throw new IllegalStateException("no embedded database in " + pgDir.toAbsolutePath()
                    + ": give --data-dir of the service, or --db-url");
        }
        String as = user != null ? user : EMBEDDED_APP_USER;
        Optional<Integer> port = runningPort(pgDir);
        if (port.isPresent()) {
            String jdbc = "jdbc:postgresql://127.0.0.1:" + port.get() + "/" + EmbeddedDatabase.DATABASE;
            return new DatabaseConnection(DriverManager.getConnection(jdbc, as, nz(password)), null,
                    "the running embedded database in " + pgDir + " as " + as);
        }
        log.println("the embedded database in " + pgDir + " is not running: starting it for this check");
        log.flush();
        EmbeddedDatabase db = EmbeddedDatabase.start(pgDir);
        try {
            return new DatabaseConnection(DriverManager.getConnection(db.jdbcUrl(), as, nz(password)), db,
                    "the embedded database in " + pgDir + " (started for this check) as " + as);
        } catch (SQLException e) {
            db.close();
            throw e;
        }
    }

    /** PostgreSQL writes its pid on line 1 and its port on line 4 of postmaster.pid. */
    private static Optional<Integer> runningPort(Path pgDir) throws IOException {
        Path pidFile = pgDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4) {
            return Optional.empty();
        }
        try {
            boolean alive = ProcessHandle.of(Long.parseLong(lines.get(0).trim())).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    Connection connection() {
        return connection;
    }

    String description() {
        return description;
    }

    @Override
    public void close() throws SQLException, IOException {
        try {
            connection.close();
        } finally {
            if (startedHere != null) {
                startedHere.close();
            }
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
