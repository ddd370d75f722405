package org.vrs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.vrs.protection.DataKeys;
import org.vrs.protection.Pkcs12KeyEncryptionKey;
import org.vrs.protection.ProtectionException;
import org.vrs.store.EmbeddedDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Rotates the key-encryption key: adds {@code kek-N+1} to the keystore and rewraps every live data
 * key under it, in one transaction. Event rows are never touched (they are encrypted under the data
 * keys, which do not change). Earlier KEKs stay in the keystore so older backups still open.
 * <p>
 * Run it with the service stopped: a running service holds the keystore it started with and could
 * not unwrap keys rewrapped under the new KEK. With the embedded database this is enforced (the
 * data folder is locked by a running service); with an external one it is the operator's job.
 */
@Command(name = "rotate-kek", mixinStandardHelpOptions = true,
        description = {"Adds a new key-encryption key and rewraps every data key under it; events are not rewritten.",
                "Stop the service first. The keystore password is read from VRS_KEYSTORE_PASSWORD; an external",
                "database from VRS_DB_URL, VRS_DB_USER, VRS_DB_PASSWORD (otherwise the embedded one under --data-dir)."})
final class RotateKekCommand implements Callable<Integer> {
    @Option(names = "--keys-dir", defaultValue = "${env:VRS_KEYS_DIR:-keys}", description = "default: ${DEFAULT-VALUE}")
    Path keysDir;
    @Option(names = "--data-dir", defaultValue = "${env:VRS_DATA_DIR:-data}",
            description = "embedded database folder (ignored with VRS_DB_URL); default: ${DEFAULT-VALUE}")
    Path dataDir;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        quietLogging();
        String url = System.getenv("VRS_DB_URL");
        EmbeddedDatabase embedded = url == null || url.isBlank() ? EmbeddedDatabase.start(dataDir.resolve("pg")) : null;
        try {
            DataSource db = embedded != null ? new DriverManagerDataSource(embedded.jdbcUrl(), EmbeddedDatabase.APP, "")
                    : new DriverManagerDataSource(url, System.getenv("VRS_DB_USER"), nz(System.getenv("VRS_DB_PASSWORD")));
            Rotation done = rotate(new JdbcTemplate(db), new TransactionTemplate(new DataSourceTransactionManager(db)));
            out.printf("rotated the key-encryption key: %s now wraps %d data key(s); %s remain in %s to open older backups.%n"
                    + "Event rows were not changed. Start the service again.%n", done.kekId(), done.rewrapped(), done.previous(),
                    keysDir.resolve("kek.p12"));
            return 0;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** The outcome: the new KEK's id, how many data keys it now wraps, and the KEKs it replaced. */
    record Rotation(String kekId, int rewrapped, List<String> previous) {
    }

    private Rotation rotate(JdbcTemplate jdbc, TransactionTemplate transaction) {
        Boolean schema = jdbc.queryForObject("SELECT to_regclass('data_key') IS NOT NULL", Boolean.class);
        if (!Boolean.TRUE.equals(schema)) {
            throw new ProtectionException("the database has no VRS schema yet: start the service once before rotating keys");
        }
        String password = System.getenv("VRS_KEYSTORE_PASSWORD");
        Pkcs12KeyEncryptionKey current = Pkcs12KeyEncryptionKey.open(keysDir.resolve("kek.p12"),
                password == null || password.isEmpty() ? Pkcs12KeyEncryptionKey.DEVELOPMENT_PASSWORD : password, false);
        List<String> inUse = new DataKeys(jdbc, current).kekIdsInUse();
        List<String> missing = inUse.stream().filter(id -> !current.holds(id)).toList();
        if (!missing.isEmpty()) {
            throw new ProtectionException("the keystore does not hold " + missing + ", which wraps stored data keys: "
                    + "restore the right keys/kek.p12 before rotating");
        }
        Pkcs12KeyEncryptionKey rotated = current.rotate();
        int rewrapped = transaction.execute(status -> new DataKeys(jdbc, rotated).rewrapAll());
        List<String> after = new DataKeys(jdbc, rotated).kekIdsInUse();
        if (!after.isEmpty() && !after.equals(List.of(rotated.id()))) {
            throw new ProtectionException("after rewrapping, data keys are still wrapped by " + after);
        }
        return new Rotation(rotated.id(), rewrapped, inUse);
    }

    /** Outside the service nothing configures logging, and logback's default prints every library's DEBUG lines. */
    private static void quietLogging() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root
                && root.getLevel() == ch.qos.logback.classic.Level.DEBUG) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
