package org.vrs.extract;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * The log's Ed25519 public key as {@code ledger-public.pem} (SubjectPublicKeyInfo, as
 * {@code LedgerSigningKey} and {@code openssl pkey -pubout} write it), and its fingerprint:
 * SHA-256 of the DER, what {@code openssl pkey -pubin -in ledger-public.pem -outform DER | openssl dgst -sha256} prints.
 */
final class LedgerKeyPem {

    private static final String TYPE = "PUBLIC KEY";

    private LedgerKeyPem() {
    }

    static byte[] encode(Ed25519PublicKeyParameters key) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(TYPE, der(key)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a PEM string", e);
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** @throws IllegalArgumentException if the bytes are not one PEM Ed25519 public key */
    static Ed25519PublicKeyParameters decode(byte[] pem) {
        try (PemReader reader = new PemReader(new StringReader(new String(pem, StandardCharsets.US_ASCII)))) {
            PemObject object = reader.readPemObject();
            if (object == null || !TYPE.equals(object.getType())) {
                throw new IllegalArgumentException("not a PEM '" + TYPE + "' block");
            }
            AsymmetricKeyParameter key = PublicKeyFactory.createKey(object.getContent());
            if (key instanceof Ed25519PublicKeyParameters ed25519) {
                return ed25519;
            }
            throw new IllegalArgumentException("a " + key.getClass().getSimpleName() + ", not an Ed25519 public key");
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    static String fingerprint(Ed25519PublicKeyParameters key) {
        return HexFormat.of().formatHex(CmsSigner.sha256(der(key)));
    }

    private static byte[] der(Ed25519PublicKeyParameters key) {
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an Ed25519 public key", e);
        }
    }
}
