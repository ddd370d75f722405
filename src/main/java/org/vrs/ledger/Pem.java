package org.vrs.ledger;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/** Ed25519 keys as PEM: PKCS#8 "PRIVATE KEY" and SubjectPublicKeyInfo "PUBLIC KEY", as openssl writes them. */
final class Pem {

    private static final String PRIVATE_KEY = "PRIVATE KEY";
    private static final String PUBLIC_KEY = "PUBLIC KEY";

    private Pem() {
    }

    /**
     * PKCS#8 version 1 (no embedded public key): OpenSSL 3.0 cannot read the version-2 form that
     * Bouncy Castle's PrivateKeyInfoFactory writes for Ed25519.
     */
    static String privateKey(Ed25519PrivateKeyParameters key) throws IOException {
        byte[] der = new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
                new DEROctetString(key.getEncoded())).getEncoded();
        try {
            return encode(PRIVATE_KEY, der);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    static String publicKey(Ed25519PublicKeyParameters key) throws IOException {
        return encode(PUBLIC_KEY, SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded());
    }

    /** @param source names the file in error messages; the content is never echoed */
    static Ed25519PrivateKeyParameters readPrivateKey(String pem, String source) throws IOException {
        byte[] der = decode(pem, PRIVATE_KEY, source);
        try {
            AsymmetricKeyParameter key = PrivateKeyFactory.createKey(der);
            if (key instanceof Ed25519PrivateKeyParameters ed25519) {
                return ed25519;
            }
            throw new IOException(source + " holds a " + key.getClass().getSimpleName() + ", not an Ed25519 private key");
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IOException(source + " is not a PKCS#8 private key", e);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    static Ed25519PublicKeyParameters readPublicKey(String pem, String source) throws IOException {
        try {
            AsymmetricKeyParameter key = PublicKeyFactory.createKey(decode(pem, PUBLIC_KEY, source));
            if (key instanceof Ed25519PublicKeyParameters ed25519) {
                return ed25519;
            }
            throw new IOException(source + " holds a " + key.getClass().getSimpleName() + ", not an Ed25519 public key");
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IOException(source + " is not a SubjectPublicKeyInfo public key", e);
        }
    }

    private static String encode(String type, byte[] der) throws IOException {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        }
        return out.toString();
    }

    private static byte[] decode(String pem, String type, String source) throws IOException {
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            PemObject object = reader.readPemObject();
            if (object == null || !object.getType().equals(type)) {
                throw new IOException(source + " does not hold a PEM '" + type + "' block");
            }
            return object.getContent();
        }
    }
}
