package org.vrs.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.vrs.ledger.LedgerSigningKey;

/**
 * The log's Ed25519 public key as {@code ledger-public.pem} in a bundle (the ledger's own PEM form),
 * and its fingerprint: SHA-256 of the DER, what
 * {@code openssl pkey -pubin -in ledger-public.pem -outform DER | openssl dgst -sha256} prints.
 */
final class LedgerKeyPem {

    private LedgerKeyPem() {
    }

    static byte[] encode(Ed25519PublicKeyParameters key) {
        try {
            return LedgerSigningKey.publicKeyPem(key).getBytes(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a PEM string", e);
        }
    }

    /** @throws IllegalArgumentException if the bytes are not one PEM Ed25519 public key */
    static Ed25519PublicKeyParameters decode(byte[] pem) {
        try {
            return LedgerSigningKey.parsePublicKey(new String(pem, StandardCharsets.US_ASCII), BundleFiles.LEDGER_KEY);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    static String fingerprint(Ed25519PublicKeyParameters key) {
        try {
            return HexFormat.of().formatHex(CmsSigner.sha256(SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an Ed25519 public key", e);
        }
    }
}
