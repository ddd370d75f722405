package org.vrs.protection;

/**
 * The key that wraps every data key. Behind an interface so a PKCS#11 token or an HSM can
 * replace the development keystore without touching the event store.
 */
public interface KeyEncryptionKey {

    /** Identifies this KEK in each wrapped data key, so rotation knows what to rewrap. */
    String id();

    byte[] wrap(byte[] dataKey, String keyId);

    /** Unwraps with the named KEK, which may be older than the current one (until rotation rewraps). */
    byte[] unwrap(byte[] wrapped, String keyId, String kekId);

    boolean holds(String kekId);
}
