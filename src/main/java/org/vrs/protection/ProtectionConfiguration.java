package org.vrs.protection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Loads the KEK (refusing to start without it) and checks it can open every stored data key. */
@Configuration(proxyBeanMethods = false)
class ProtectionConfiguration {

    /**
     * A missing keystore is created only for an empty store: over existing data keys it would be a
     * KEK that opens nothing, left behind to be mistaken for the real one.
     */
    @Bean
    Pkcs12KeyEncryptionKey keyEncryptionKey(@Value("${vrs.keys-dir:keys}") Path keysDir,
                                            @Value("${vrs.keystore-password:" + Pkcs12KeyEncryptionKey.DEVELOPMENT_PASSWORD + "}") String password,
                                            JdbcTemplate jdbc) {
        Path file = keysDir.resolve("kek.p12");
        List<String> wrapping = jdbc.queryForList("SELECT DISTINCT kek_id FROM data_key WHERE wrapped IS NOT NULL", String.class);
        if (!Files.exists(file) && !wrapping.isEmpty()) {
            throw new ProtectionException("the key-encryption keystore " + file + " does not exist, but the database holds data keys "
                    + "wrapped by " + wrapping + ": restore keys/kek.p12 from its backup (a new keystore would open none of them)");
        }
        return Pkcs12KeyEncryptionKey.open(file, password, true);
    }

    @Bean
    DataKeys dataKeys(JdbcTemplate jdbc, KeyEncryptionKey kek) {
        DataKeys keys = new DataKeys(jdbc, kek);
        List<String> missing = keys.kekIdsInUse().stream().filter(id -> !kek.holds(id)).toList();
        if (!missing.isEmpty()) {
            throw new ProtectionException("the key-encryption keystore does not hold " + missing
                    + ", which wraps stored data keys: restore the right keys/kek.p12 (starting with another would make the files unreadable)");
        }
        keys.serviceKey();
        return keys;
    }

    @Bean
    ViewSealer viewSealer(DataKeys keys) {
        return new ViewSealer(keys);
    }
}
