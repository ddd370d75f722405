package org.vrs.extract;

/** Signing key material that cannot be used; names the defect and where (never any secret). */
final class KeyMaterialException extends RuntimeException {

    enum Defect {
        /** The keystore could not be read: missing file, wrong password or corrupt content. */
        UNREADABLE,
        ALIAS_NOT_FOUND,
        /** The alias holds a certificate or secret key, not a private key with its chain. */
        NOT_A_PRIVATE_KEY_ENTRY,
        /** Only ECDSA P-256 is accepted: stock OpenSSL 3.0 must verify what we sign. */
        NOT_P256,
        /** A probe signature does not verify with the certificate: key and certificate differ. */
        KEY_CERTIFICATE_MISMATCH,
        /** Keys could not be generated or written. */
        NOT_WRITABLE
    }

    private final Defect defect;
    private final String where;

    KeyMaterialException(Defect defect, String where, Throwable cause) {
        super(defect + ": " + where, cause);
        this.defect = defect;
        this.where = where;
    }

    Defect defect() {
        return defect;
    }

    /** The keystore path or alias concerned. */
    String where() {
        return where;
    }
}
