package org.vrs.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Ed25519 as the C2SP signed-note spec uses it, via Bouncy Castle's fast lightweight API. */
final class NoteKeys {

    /** Signature type byte of Ed25519 in the signed-note spec. */
    private static final byte ED25519 = 0x01;

    private NoteKeys() {
    }

    /** First 4 bytes, big-endian, of SHA-256(key name || 0x0A || 0x01 || 32-byte public key). */
    static int keyId(String keyName, Ed25519PublicKeyParameters publicKey) {
        byte[] name = keyName.getBytes(StandardCharsets.UTF_8);
        byte[] input = ByteBuffer.allocate(name.length + 2 + Ed25519PublicKeyParameters.KEY_SIZE)
                .put(name).put((byte) 0x0A).put(ED25519).put(publicKey.getEncoded()).array();
        return ByteBuffer.wrap(Sha256.digest(input).unsafeBytes()).getInt();
    }

    static byte[] sign(Ed25519PrivateKeyParameters privateKey, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    static boolean verify(Ed25519PublicKeyParameters publicKey, byte[] message, byte[] signature) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, publicKey);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }
}
