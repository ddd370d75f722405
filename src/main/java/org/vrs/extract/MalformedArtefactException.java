package org.vrs.extract;

/**
 * An artefact of the bundle could not be read as what it claims to be. Kept apart from
 * {@link VerificationException}: a malformed file says nothing about whether the evidence holds.
 */
final class MalformedArtefactException extends Exception {

    enum Artefact { CMS_SIGNATURE, TIME_STAMP, CERTIFICATES }

    enum Defect {
        /** Beyond the bound for this artefact; refused before parsing. */
        TOO_LARGE,
        /** Not one ASN.1 object, or bytes after it. */
        NOT_ASN1,
        /** ASN.1, but not the expected structure (SignedData, TimeStampResp, certificate). */
        WRONG_STRUCTURE,
        /** A SignedData that embeds its content; extracts are signed detached. */
        NOT_DETACHED,
        /** The signed content is not of the type the artefact requires (id-data, id-ct-TSTInfo). */
        WRONG_CONTENT_TYPE,
        /** Exactly one signer is accepted, so there is no doubt which one was checked. */
        SIGNER_COUNT,
        TOO_MANY_CERTIFICATES,
        /** A time-stamp response whose status is not granted carries no token. */
        NOT_GRANTED
    }

    private final Artefact artefact;
    private final Defect defect;
    private final String detail;

    MalformedArtefactException(Artefact artefact, Defect defect, String detail) {
        super(artefact + " " + defect + ": " + detail);
        this.artefact = artefact;
        this.defect = defect;
        this.detail = detail;
    }

    Artefact artefact() {
        return artefact;
    }

    Defect defect() {
        return defect;
    }

    /** The offending value (a size, a count, an OID...), for people; never for control flow. */
    String detail() {
        return detail;
    }
}
