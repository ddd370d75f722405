package org.vrs.extract;

/**
 * A bundle, or a file in it, that cannot be read as what it must be. Says nothing about whether
 * the evidence holds: it is reported before, and apart from, any verification.
 */
final class MalformedBundleException extends Exception {

    enum Defect {
        /** Not a readable zip archive. */
        NOT_A_ZIP,
        /** The archive, or a file in it, is beyond its bound; refused before being read further. */
        TOO_LARGE,
        TOO_MANY_FILES,
        /** A name that is not one of the bundle's files (directories and paths included). */
        UNEXPECTED_FILE,
        DUPLICATE_FILE,
        MISSING_FILE,
        /** Not JSON, or JSON with duplicate member names. */
        NOT_JSON,
        /** JSON, but a member is missing or of the wrong form; the detail names its pointer. */
        WRONG_SHAPE,
        /** A certificate, signature, time-stamp, checkpoint or key file that does not parse. */
        UNREADABLE_ARTEFACT
    }

    private final Defect defect;
    private final String file;
    private final String detail;

    MalformedBundleException(Defect defect, String file, String detail) {
        super(file + ": " + defect + " (" + detail + ")");
        this.defect = defect;
        this.file = file;
        this.detail = detail;
    }

    Defect defect() {
        return defect;
    }

    String file() {
        return file;
    }

    String detail() {
        return detail;
    }
}
