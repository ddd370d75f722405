package org.vrs.access;

import com.nimbusds.jose.jwk.Curve;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.jce.ECNamedCurveTable;

/**
 * The embedded issuer's ES256 (ECDSA P-256) key pair, kept as PEM files under the keys folder so the
 * service and the {@code token} command, separate processes, share it. The private key file is the
 * only source of truth (PKCS#8, owner-only from its first byte, moved into place whole so a
 * concurrent start never reads half a key); the public key file is derived from it for anyone who
 * verifies tokens elsewhere, and is refused if it belongs to another key.
 */
final class DevelopmentSigningKey {
    static final String PRIVATE_FILE = "token-signing-private.pem";
    static final String PUBLIC_FILE = "token-signing-public.pem";
    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";

    private final ECPrivateKey privateKey;
    private final ECPublicKey publicKey;

    private DevelopmentSigningKey(ECPrivateKey privateKey, ECPublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    ECPrivateKey privateKey() {
        return privateKey;
    }

    ECPublicKey publicKey() {
        return publicKey;
    }

    /** Never the private key, wherever this object ends up printed. */
    @Override
    public String toString() {
        return "DevelopmentSigningKey[ES256, public " + Base64.getEncoder().encodeToString(publicKey.getEncoded()) + "]";
    }

    /** Loads the key pair from {@code keysDir}, creating it on first use. */
    static DevelopmentSigningKey openOrCreate(Path keysDir) {
        Path privateFile = keysDir.resolve(PRIVATE_FILE);
        try {
            if (!Files.exists(privateFile)) {
                create(privateFile);
            }
            ECPrivateKey privateKey = readPrivate(privateFile);
            ECPublicKey publicKey = derivePublic(privateKey);
            Path publicFile = keysDir.resolve(PUBLIC_FILE);
            if (!Files.exists(publicFile)) {
                Files.writeString(publicFile, pem(PUBLIC_LABEL, publicKey.getEncoded()));
            } else if (!Arrays.equals(decode(publicFile, PUBLIC_LABEL), publicKey.getEncoded())) {
                throw new IllegalStateException(publicFile + " is not the public key of " + privateFile
                        + ": delete it to have it derived again");
            }
            return new DevelopmentSigningKey(privateKey, publicKey);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the development token-signing key " + privateFile
                    + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static void create(Path privateFile) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
        Files.createDirectories(privateFile.toAbsolutePath().getParent());
        Path tmp = privateFile.resolveSibling(privateFile.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(tmp); // rely on the folder's permissions
        }
        try {
            Files.writeString(tmp, pem(PRIVATE_LABEL, pkcs8));
            Files.move(tmp, privateFile); // no REPLACE_EXISTING: if another process created one meanwhile, use that
        } catch (FileAlreadyExistsException createdMeanwhile) {
            // fall through: the caller reads the file that won
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static ECPrivateKey readPrivate(Path file) throws IOException, GeneralSecurityException {
        if (!(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(decode(file, PRIVATE_LABEL)))
                instanceof ECPrivateKey key) || !Curve.P_256.equals(Curve.forECParameterSpec(key.getParams()))) {
            throw new IllegalStateException(file + " does not hold an ECDSA P-256 private key");
        }
        return key;
    }

    /** Q = d·G, so the public key never has to be trusted from a second file. */
    private static ECPublicKey derivePublic(ECPrivateKey key) throws GeneralSecurityException {
        org.bouncycastle.math.ec.ECPoint q = ECNamedCurveTable.getParameterSpec("secp256r1").getG()
                .multiply(key.getS()).normalize();
        BigInteger x = q.getAffineXCoord().toBigInteger();
        BigInteger y = q.getAffineYCoord().toBigInteger();
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), key.getParams()));
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static byte[] decode(Path file, String label) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        if (!text.startsWith(begin) || !text.endsWith(end)) {
            throw new IllegalStateException(file + " is not a PEM file of type " + label);
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(begin.length(), text.length() - end.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " holds malformed base64", e);
        }
    }
}
