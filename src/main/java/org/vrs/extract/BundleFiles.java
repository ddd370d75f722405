package org.vrs.extract;

import java.util.List;

/** The names of the files in a bundle (see docs/extract-format.md), in the order they are written. */
final class BundleFiles {

    static final String VERIFY_TEXT = "VERIFY.txt";
    static final String EXTRACT = VerifyInstructions.EXTRACT;
    static final String SIGNATURE = VerifyInstructions.SIGNATURE;
    static final String CHECKPOINT = VerifyInstructions.CHECKPOINT;
    static final String TIME_STAMP = VerifyInstructions.TIME_STAMP;
    /** Present only when the extract carries a consistency proof. */
    static final String EARLIER_CHECKPOINT = "earlier-checkpoint.txt";
    static final String CA = VerifyInstructions.CA;
    static final String SIGNER = "signer.pem";
    static final String TSA = VerifyInstructions.TSA;
    static final String LEDGER_KEY = "ledger-public.pem";
    static final String PROOF_SCRIPT = "verify-proofs.sh";
    static final String PDF = "extract.pdf";

    static final List<String> REQUIRED = List.of(VERIFY_TEXT, EXTRACT, SIGNATURE, CHECKPOINT, TIME_STAMP, CA, SIGNER, TSA,
            LEDGER_KEY, PROOF_SCRIPT, PDF);
    static final List<String> OPTIONAL = List.of(EARLIER_CHECKPOINT);

    /** Identifies the document format in {@code extract.json}. */
    static final String FORMAT = "vrs-certified-extract";
    static final int FORMAT_VERSION = 1;

    private BundleFiles() {
    }
}
