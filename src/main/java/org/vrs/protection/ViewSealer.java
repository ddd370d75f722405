package org.vrs.protection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption for projections: a view's sensitive document is sealed under its file's data key, so
 * shredding a file erases its views too; names are searchable only through a keyed blind index.
 */
public class ViewSealer {
    private final DataKeys keys;
    private volatile SecretKeySpec indexKey;

    public ViewSealer(DataKeys keys) {
        this.keys = keys;
    }

    public byte[] seal(String fileId, String purpose, byte[] plain) {
        String keyId = DataKeys.fileKeyId(fileId);
        return new Envelope(keyId, Gcm.seal(keys.forFile(fileId), plain, aad(fileId, purpose, keyId))).encode();
    }

    /** The plaintext, or empty when the file's keys were shredded. Fails loudly on tampering. */
    public Optional<byte[]> open(String fileId, String purpose, byte[] sealed) {
        Envelope envelope = Envelope.decode(sealed);
        Optional<SecretKey> key = keys.find(envelope.keyId());
        if (key.isEmpty()) {
            return Optional.empty();
        }
        byte[] plain = Gcm.open(key.get(), envelope.sealed(), 0, aad(fileId, purpose, envelope.keyId()));
        if (plain == null) {
            throw new ProtectionException.IntegrityViolation("the " + purpose + " of file " + fileId + " does not authenticate");
        }
        return Optional.of(plain);
    }

    /**
     * HMAC-SHA256 of a name after normalisation (NFC, lower case, single spaces, Vietnamese diacritics
     * kept), under a key derived from the service key: equal names match, the index reveals nothing else.
     */
    public byte[] blindIndex(String name) {
        String normalised = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey());
            return mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new ProtectionException("blind index failed", e);
        }
    }

    private SecretKeySpec indexKey() throws GeneralSecurityException {
        if (indexKey == null) {
            Mac kdf = Mac.getInstance("HmacSHA256");
            kdf.init(keys.serviceKey());
            indexKey = new SecretKeySpec(kdf.doFinal("vrs-blind-index-v1".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        }
        return indexKey;
    }

    private static byte[] aad(String fileId, String purpose, String keyId) {
        return ("vrs-view-v1\n" + purpose + "\n" + fileId + "\n" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
