package org.vrs.protection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development and single-server KEK: AES-256 secret keys in a PKCS#12 keystore under
 * {@code keys/}, created on first start. The newest alias wraps; older ones still unwrap, which
 * is what makes KEK rotation a rewrap of data keys rather than a rewrite of events.
 */
public final class Pkcs12KeyEncryptionKey implements KeyEncryptionKey {
    public static final String DEVELOPMENT_PASSWORD = "vrs-development-only";
    private static final Logger log = LoggerFactory.getLogger(Pkcs12KeyEncryptionKey.class);
    private static final String PREFIX = "kek-";

    private final Path file;
    private final char[] password;
    private final KeyStore store;
    private final String currentAlias;
    /** KEK id by alias: alias plus a key check value, so a different key under the same alias is told apart. */
    private final java.util.Map<String, String> ids = new java.util.LinkedHashMap<>();
    /**
     * The keys, read from the keystore once: each read runs the keystore's password-based
     * decryption (PBKDF2, 10,000 rounds), which made opening a file cost ~30x a case note.
     * The password that opens them is held in memory anyway.
     */
    private final java.util.Map<String, SecretKey> secrets = new java.util.HashMap<>();

    private Pkcs12KeyEncryptionKey(Path file, char[] password, KeyStore store) throws GeneralSecurityException {
        this.file = file;
        this.password = password;
        this.store = store;
        List<String> aliases = aliases(store);
        if (aliases.isEmpty()) {
            throw new ProtectionException("keystore " + file + " holds no key-encryption key (alias kek-N)");
        }
        this.currentAlias = aliases.get(aliases.size() - 1);
        for (String alias : aliases) {
            secrets.put(alias, load(alias));
            ids.put(alias, alias + "." + checkValue(secret(alias)));
        }
    }

    /**
     * Opens the keystore, or creates it with a first KEK when {@code createIfMissing}. Refuses
     * with a clear message when the file is unreadable or the password is wrong.
     */
    public static Pkcs12KeyEncryptionKey open(Path file, String password, boolean createIfMissing) {
        if (password == null || password.isEmpty()) {
            throw new ProtectionException("no keystore password: set VRS_KEYSTORE_PASSWORD");
        }
        if (DEVELOPMENT_PASSWORD.equals(password)) {
            log.warn("*** The key-encryption keystore {} uses the DEVELOPMENT password. Set VRS_KEYSTORE_PASSWORD "
                    + "before storing any real victim data. ***", file);
        }
        char[] pw = password.toCharArray();
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    ks.load(in, pw);
                } catch (IOException e) {
                    throw new ProtectionException("cannot open keystore " + file + ": wrong password or damaged file", e);
                }
            } else if (createIfMissing) {
                ks.load(null, pw);
                addKey(ks, PREFIX + "1", pw);
                save(file, ks, pw);
                log.info("created key-encryption keystore {}", file);
            } else {
                throw new ProtectionException("keystore " + file + " does not exist");
            }
            return new Pkcs12KeyEncryptionKey(file, pw, ks);
        } catch (GeneralSecurityException | IOException e) {
            throw new ProtectionException("cannot load key-encryption key from " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** Adds a new KEK that wraps from now on; existing aliases keep unwrapping until rewrapped. */
    public Pkcs12KeyEncryptionKey rotate() {
        try {
            String next = PREFIX + (aliases(store).size() + 1);
            addKey(store, next, password);
            save(file, store, password);
            return new Pkcs12KeyEncryptionKey(file, password, store);
        } catch (GeneralSecurityException | IOException e) {
            throw new ProtectionException("KEK rotation failed: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public String id() {
        return ids.get(currentAlias);
    }

    @Override
    public byte[] wrap(byte[] dataKey, String keyId) {
        return Gcm.seal(secret(currentAlias), dataKey, aad(id(), keyId));
    }

    @Override
    public byte[] unwrap(byte[] wrapped, String keyId, String kekId) {
        String alias = ids.entrySet().stream().filter(e -> e.getValue().equals(kekId)).map(java.util.Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new ProtectionException("the keystore " + file + " does not hold KEK " + kekId));
        byte[] key = Gcm.open(secret(alias), wrapped, 0, aad(kekId, keyId));
        if (key == null) {
            throw new ProtectionException.IntegrityViolation("data key " + keyId + " does not unwrap under " + kekId);
        }
        return key;
    }

    @Override
    public boolean holds(String kekId) {
        return ids.containsValue(kekId);
    }

    /** The classic key check value: the first three bytes of AES(key, zero block), in hex. */
    private static String checkValue(SecretKey key) {
        try {
            javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(javax.crypto.Cipher.ENCRYPT_MODE, key);
            return java.util.HexFormat.of().formatHex(aes.doFinal(new byte[16]), 0, 3);
        } catch (GeneralSecurityException e) {
            throw new ProtectionException("cannot compute the KEK check value", e);
        }
    }

    private SecretKey secret(String alias) {
        SecretKey key = secrets.get(alias);
        if (key == null) {
            throw new ProtectionException("keystore " + file + " has no key-encryption key " + alias);
        }
        return key;
    }

    private SecretKey load(String alias) {
        try {
            SecretKey key = (SecretKey) store.getKey(alias, password);
            if (key == null) {
                throw new ProtectionException("keystore " + file + " has no key-encryption key " + alias);
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new ProtectionException("cannot read key-encryption key " + alias, e);
        }
    }

    private static byte[] aad(String kekId, String keyId) {
        return ("vrs-data-key-v1\n" + kekId + "\n" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    private static void addKey(KeyStore ks, String alias, char[] pw) throws GeneralSecurityException {
        KeyGenerator gen = KeyGenerator.getInstance("AES");
        gen.init(256);
        ks.setEntry(alias, new KeyStore.SecretKeyEntry(gen.generateKey()), new KeyStore.PasswordProtection(pw));
    }

    private static void save(Path file, KeyStore ks, char[] pw) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            ks.store(out, pw);
        }
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: rely on the directory's permissions
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> aliases(KeyStore ks) throws GeneralSecurityException {
        List<String> out = new ArrayList<>();
        for (String a : Collections.list(ks.aliases())) {
            if (a.startsWith(PREFIX)) {
                out.add(a);
            }
        }
        out.sort((a, b) -> Integer.compare(Integer.parseInt(a.substring(PREFIX.length())), Integer.parseInt(b.substring(PREFIX.length()))));
        return out;
    }
}
