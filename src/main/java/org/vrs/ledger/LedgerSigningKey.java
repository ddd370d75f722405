package org.vrs.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * The log's Ed25519 checkpoint-signing key, kept in a directory ({@code keys/} by default) as
 * {@value #PRIVATE_KEY_FILE} (PKCS#8 PEM, mode 0600, never committed) and {@value #PUBLIC_KEY_FILE}
 * (SubjectPublicKeyInfo PEM, for {@code openssl pkey -pubin} and verifiers).
 *
 * <p>It signs checkpoints and nothing else, so a leaked signing call cannot be turned into a
 * signature over arbitrary bytes. Never prints the private key.
 */
public final class LedgerSigningKey {

    public static final Path DEFAULT_DIRECTORY = Path.of("keys");
    public static final String PRIVATE_KEY_FILE = "ledger-private.pem";
    public static final String PUBLIC_KEY_FILE = "ledger-public.pem";

    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Ed25519PrivateKeyParameters privateKey;
    private final Ed25519PublicKeyParameters publicKey;

    private LedgerSigningKey(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = privateKey.generatePublicKey();
    }

    static LedgerSigningKey of(Ed25519PrivateKeyParameters privateKey) {
        return new LedgerSigningKey(Objects.requireNonNull(privateKey, "privateKey"));
    }

    /**
     * Loads the key from the directory, or creates it there on first start. Refuses to go on if
     * the private key is readable by group or others, if the public key file does not match it, or
     * if only the public key exists: a lost signing key must be noticed, not silently replaced by
     * a new identity for the log.
     */
    public static LedgerSigningKey loadOrCreate(Path directory) throws IOException {
        Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
        Path publicFile = directory.resolve(PUBLIC_KEY_FILE);
        if (Files.exists(privateFile)) {
            return load(privateFile, publicFile);
        }
        if (Files.exists(publicFile)) {
            throw new IllegalStateException(publicFile + " exists but " + privateFile + " does not: the log's signing key"
                    + " is lost; restore it, or move the public key away to start a log with a new key");
        }
        return create(directory, privateFile, publicFile);
    }

    /** Reads a public key written as {@value #PUBLIC_KEY_FILE}, for verifiers. */
    public static Ed25519PublicKeyParameters readPublicKey(Path pemFile) throws IOException {
        return Pem.readPublicKey(Files.readString(pemFile, StandardCharsets.US_ASCII), pemFile.toString());
    }

    /** A public key as {@value #PUBLIC_KEY_FILE} holds it (SubjectPublicKeyInfo PEM, as openssl writes it). */
    public static String publicKeyPem(Ed25519PublicKeyParameters key) throws IOException {
        return Pem.publicKey(key);
    }

    /** @param source names the key in error messages */
    public static Ed25519PublicKeyParameters parsePublicKey(String pem, String source) throws IOException {
        return Pem.readPublicKey(pem, source);
    }

    public Ed25519PublicKeyParameters publicKey() {
        return publicKey;
    }

    /** Signs the checkpoint as a C2SP signed note, with the checkpoint's origin as key name. */
    public SignedCheckpoint sign(Checkpoint checkpoint) {
        byte[] signature = NoteKeys.sign(privateKey, checkpoint.body().getBytes(StandardCharsets.UTF_8));
        int keyId = NoteKeys.keyId(checkpoint.origin(), publicKey);
        return new SignedCheckpoint(checkpoint,
                List.of(new SignedCheckpoint.NoteSignature(checkpoint.origin(), keyId, signature)));
    }

    /** Shows the public key only. */
    @Override
    public String toString() {
        return "LedgerSigningKey[public=" + Base64.getEncoder().encodeToString(publicKey.getEncoded()) + "]";
    }

    private static LedgerSigningKey load(Path privateFile, Path publicFile) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(privateFile);
        if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
            throw new IllegalStateException(privateFile + " has permissions "
                    + PosixFilePermissions.toString(permissions) + "; it must be rw------- (chmod 600)");
        }
        LedgerSigningKey key = new LedgerSigningKey(
                Pem.readPrivateKey(Files.readString(privateFile, StandardCharsets.US_ASCII), privateFile.toString()));
        if (!Files.exists(publicFile)) {
            Files.writeString(publicFile, Pem.publicKey(key.publicKey), StandardCharsets.US_ASCII);
        } else if (!Arrays.equals(readPublicKey(publicFile).getEncoded(), key.publicKey.getEncoded())) {
            throw new IllegalStateException(publicFile + " does not match the private key in " + privateFile);
        }
        return key;
    }

    private static LedgerSigningKey create(Path directory, Path privateFile, Path publicFile) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        }
        LedgerSigningKey key = new LedgerSigningKey(new Ed25519PrivateKeyParameters(new SecureRandom()));
        // Written under a temporary name first, so a crash never leaves a half-written key behind.
        Path temporary = Files.createTempFile(directory, PRIVATE_KEY_FILE, ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
        try {
            Files.writeString(temporary, Pem.privateKey(key.privateKey), StandardCharsets.US_ASCII);
            Files.move(temporary, privateFile, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        Files.writeString(publicFile, Pem.publicKey(key.publicKey), StandardCharsets.US_ASCII);
        return key;
    }
}
