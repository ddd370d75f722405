package org.vrs.protection;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Per-file AES-256 data keys, stored only wrapped by the KEK in table {@code data_key}. A file's
 * key is created in the transaction that appends its first event; shredding nulls the wrapped
 * key, after which the file's ciphertexts can never be opened again.
 */
public class DataKeys {
    /** Key id of the service key, for events that are not file content or must outlive shredding. */
    public static final String SERVICE_KEY_ID = "service:1";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CACHE_SIZE = 10_000;

    private final JdbcTemplate jdbc;
    private final KeyEncryptionKey kek;
    private final Map<String, Optional<SecretKey>> cache = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Optional<SecretKey>> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    public DataKeys(JdbcTemplate jdbc, KeyEncryptionKey kek) {
        this.jdbc = jdbc;
        this.kek = kek;
    }

    public static String fileKeyId(String fileId) {
        return "file:" + fileId + ":1";
    }

    /** The key that encrypts new events of a file, created (wrapped) on first use. */
    public SecretKey forFile(String fileId) {
        String keyId = fileKeyId(fileId);
        Optional<SecretKey> cached = cache.get(keyId);
        if (cached != null && cached.isPresent()) {
            return cached.get();
        }
        return find(keyId).orElseGet(() -> create(keyId, fileId));
    }

    /** The service key, created on first start. */
    public SecretKey serviceKey() {
        return find(SERVICE_KEY_ID).orElseGet(() -> create(SERVICE_KEY_ID, null));
    }

    /** The key with this id, or empty once it has been shredded (or never existed). */
    public Optional<SecretKey> find(String keyId) {
        Optional<SecretKey> cached = cache.get(keyId);
        if (cached == null) {
            cached = inThisTransaction().get(keyId);
        }
        if (cached != null) {
            return cached;
        }
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT kek_id, wrapped FROM data_key WHERE key_id = ?", keyId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        byte[] wrapped = (byte[]) rows.get(0).get("wrapped");
        Optional<SecretKey> key = wrapped == null ? Optional.empty()
                : Optional.of(new SecretKeySpec(kek.unwrap(wrapped, keyId, (String) rows.get(0).get("kek_id")), "AES"));
        remember(keyId, key);
        return key;
    }

    /** Destroys every key of the file. Irreversible by design; backups must age out too (see docs/operations.md). */
    public int shred(String fileId, String erasureOrder) {
        int n = jdbc.update("UPDATE data_key SET wrapped = NULL, shredded_at = now(), erasure_order = ? "
                + "WHERE file_id = ? AND wrapped IS NOT NULL", erasureOrder, fileId);
        String prefix = "file:" + fileId + ":";
        cache.keySet().removeIf(k -> k.startsWith(prefix));
        inThisTransaction().keySet().removeIf(k -> k.startsWith(prefix));
        afterCommit(() -> cache.keySet().removeIf(k -> k.startsWith(prefix)));
        return n;
    }

    /** True when the key existed and was destroyed by an erasure order. */
    public boolean wasShredded(String keyId) {
        return Boolean.TRUE.equals(jdbc.query("SELECT shredded_at IS NOT NULL FROM data_key WHERE key_id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : null, keyId));
    }

    /** KEK ids that wrap at least one live data key, to check at start that the keystore can open them all. */
    public List<String> kekIdsInUse() {
        return jdbc.queryForList("SELECT DISTINCT kek_id FROM data_key WHERE wrapped IS NOT NULL", String.class);
    }

    /** Rewraps every live data key under the current KEK; events are untouched. Returns the count. */
    public int rewrapAll() {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT key_id, kek_id, wrapped FROM data_key WHERE wrapped IS NOT NULL AND kek_id <> ?", kek.id());
        for (Map<String, Object> row : rows) {
            String keyId = (String) row.get("key_id");
            byte[] plain = kek.unwrap((byte[]) row.get("wrapped"), keyId, (String) row.get("kek_id"));
            jdbc.update("UPDATE data_key SET wrapped = ?, kek_id = ? WHERE key_id = ?", kek.wrap(plain, keyId), kek.id(), keyId);
            java.util.Arrays.fill(plain, (byte) 0);
        }
        cache.clear();
        return rows.size();
    }

    /**
     * Caches only what is committed: a key created in a transaction that rolls back must not be
     * reused. Until then it is kept for the rest of its own transaction, so a batch that appends many
     * events of one file (an import) reads and unwraps the key once, not once per event.
     */
    private void remember(String keyId, Optional<SecretKey> key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            inThisTransaction().put(keyId, key);
        } else {
            cache.put(keyId, key);
        }
    }

    /** Keys found or created in the current transaction; an empty map outside one. */
    private Map<String, Optional<SecretKey>> inThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new java.util.HashMap<>();
        }
        @SuppressWarnings("unchecked")
        Map<String, Optional<SecretKey>> pending = (Map<String, Optional<SecretKey>>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Map<String, Optional<SecretKey>> fresh = new java.util.HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.putAll(fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(DataKeys.this);
                }
            });
            pending = fresh;
        }
        return pending;
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        }
    }

    private SecretKey create(String keyId, String fileId) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        int inserted = jdbc.update("INSERT INTO data_key (key_id, file_id, version, kek_id, wrapped) VALUES (?, ?, 1, ?, ?) "
                + "ON CONFLICT (key_id) DO NOTHING", keyId, fileId, kek.id(), kek.wrap(raw, keyId));
        if (inserted == 0) {
            // created concurrently, or shredded: read what is there rather than overwrite it
            cache.remove(keyId);
            return find(keyId).orElseThrow(() -> new ProtectionException("data key " + keyId + " was shredded"));
        }
        SecretKey key = new SecretKeySpec(raw, "AES");
        remember(keyId, Optional.of(key));
        return key;
    }
}
