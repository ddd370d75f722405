package org.vrs.extract;

/** The checks {@code verify-extract} runs on a bundle, in the order it reports them. */
public enum BundleCheck {
    STRUCTURE("bundle structure"),
    TRUST_ANCHOR("trust anchor"),
    CANONICAL_FORM("extract.json in RFC 8785 canonical form"),
    TIME_STAMP("RFC 3161 time-stamp over checkpoint.txt"),
    CMS_SIGNATURE("CMS signature over extract.json"),
    CHECKPOINT_SIGNATURE("Ed25519 signature of checkpoint.txt"),
    CHECKPOINT_BINDING("extract.json names checkpoint.txt and ledger-public.pem"),
    INCLUSION_PROOFS("leaves and inclusion proofs"),
    FILE_CHAIN("back links between consecutive events of the file"),
    CONSISTENCY_PROOF("consistency with the earlier published checkpoint"),
    /** Reported only when earlier bundles are given or the extract reveals salts for them. */
    EARLIER_EXTRACTS("fields withheld by earlier extracts hold the facts this one discloses"),
    PDF_RENDERING("extract.pdf names extract.json's SHA-256");

    private final String title;

    BundleCheck(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
