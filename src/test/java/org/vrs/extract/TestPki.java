package org.vrs.extract;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A development PKI created in a test's temporary directory, with access to its raw keys for forgeries. */
record TestPki(Path directory, DevelopmentPki pki) {

    static final char[] PASSWORD = "test-only-password".toCharArray();

    static TestPki create(Path directory) {
        return create(directory, Instant.now());
    }

    static TestPki create(Path directory, Instant createdAt) {
        return new TestPki(directory,
                DevelopmentPki.openOrCreate(directory, PASSWORD, Clock.fixed(createdAt, ZoneOffset.UTC)));
    }

    Path keystore() {
        return directory.resolve(DevelopmentPki.KEYSTORE_FILE);
    }

    PrivateKey privateKey(String alias) {
        try (InputStream in = Files.newInputStream(keystore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            return (PrivateKey) store.getKey(alias, PASSWORD);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    InProcessTimeStampAuthority tsa(Clock clock) {
        return new InProcessTimeStampAuthority(pki.timeStampingKey(), InProcessTimeStampAuthority.DEVELOPMENT_POLICY,
                clock);
    }
}
