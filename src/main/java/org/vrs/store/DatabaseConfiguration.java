package org.vrs.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The database: an external PostgreSQL when {@code VRS_DB_URL} (or {@code spring.datasource.url})
 * is set, otherwise the embedded one. Flyway migrates as the owner before the pool opens.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(NoDatabaseConfigured.class)
    EmbeddedDatabase embeddedDatabase(@Value("${vrs.data-dir:data}") Path dataDir) {
        return EmbeddedDatabase.start(dataDir.resolve("pg"));
    }

    @Bean
    DatabaseSettings databaseSettings(ObjectProvider<EmbeddedDatabase> embedded, Environment env) {
        EmbeddedDatabase db = embedded.getIfAvailable();
        if (db != null) {
            return new DatabaseSettings(db.jdbcUrl(), EmbeddedDatabase.APP, "", EmbeddedDatabase.OWNER, "");
        }
        String url = externalUrl(env);
        String user = first(env, "vrs.db.user", "spring.datasource.username");
        String password = first(env, "vrs.db.password", "spring.datasource.password");
        String owner = env.getProperty("vrs.db.owner-user", user);
        String ownerPassword = env.getProperty("vrs.db.owner-password", password);
        if (user == null) {
            throw new IllegalStateException("VRS_DB_URL is set but VRS_DB_USER is not");
        }
        DatabaseSettings settings = new DatabaseSettings(url, user, nz(password), owner, nz(ownerPassword));
        if (!settings.separateRoles()) {
            log.warn("the service connects as the schema owner {}: set VRS_DB_OWNER_USER so the application role "
                    + "cannot UPDATE or DELETE events (the trigger still refuses them)", user);
        }
        return settings;
    }

    @Bean(initMethod = "migrate")
    Flyway flyway(DatabaseSettings settings) {
        return Flyway.configure()
                .dataSource(settings.url(), settings.ownerUser(), settings.ownerPassword())
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", settings.appUser()))
                .load();
    }

    @Bean(destroyMethod = "close")
    @DependsOn("flyway")
    DataSource dataSource(DatabaseSettings settings, @Value("${vrs.db.pool-size:24}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.appUser());
        config.setPassword(settings.appPassword());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("vrs");
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    static String externalUrl(Environment env) {
        return first(env, "vrs.db.url", "spring.datasource.url");
    }

    private static String first(Environment env, String... keys) {
        for (String key : keys) {
            String value = env.getProperty(key);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static final class NoDatabaseConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return externalUrl(context.getEnvironment()) == null;
        }
    }
}
