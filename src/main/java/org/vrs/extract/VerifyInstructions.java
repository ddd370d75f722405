package org.vrs.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * The openssl commands a court runs on an unpacked bundle, the text of {@code VERIFY.txt}. The
 * interoperability tests execute exactly these argument lists against OpenSSL 3.0, so the text
 * cannot drift from what works. In the bundle directory:
 *
 * <pre>
 * openssl x509 -in ca.pem -noout -fingerprint -sha256
 * openssl cms -verify -binary -inform DER -in extract.json.p7s -content extract.json -CAfile ca.pem -no-CApath -no-CAstore -purpose smimesign -x509_strict -out /dev/null
 * openssl ts -verify -data checkpoint.txt -in checkpoint.tsr -CAfile ca.pem -untrusted tsa.pem -x509_strict
 * </pre>
 *
 * Why these flags: {@code -binary} stops S/MIME text canonicalisation of the detached content;
 * {@code -no-CApath -no-CAstore} make {@code ca.pem} the only anchor (otherwise the system store
 * is trusted too; {@code ts} loads only what it is given); {@code -purpose smimesign} is 3.0's
 * default, spelled out, and is why the signer certificate carries emailProtection beside
 * documentSigning, which 3.0 does not know; {@code -x509_strict} passes because every certificate
 * has key identifiers. {@code checkpoint.tsr} is the full TimeStampResp, which {@code ts -verify}
 * reads by default (a bare token would need {@code -token_in}). After the certificates expire,
 * both commands need {@code -attime} with the time-stamp's time.
 */
final class VerifyInstructions {

    static final String EXTRACT = "extract.json";
    static final String SIGNATURE = "extract.json.p7s";
    static final String CHECKPOINT = "checkpoint.txt";
    static final String TIME_STAMP = "checkpoint.tsr";
    static final String CA = "ca.pem";
    static final String TSA = "tsa.pem";

    private VerifyInstructions() {
    }

    static List<String> fingerprintAnchor() {
        return List.of("openssl", "x509", "-in", CA, "-noout", "-fingerprint", "-sha256");
    }

    static List<String> verifySignature() {
        return List.of("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", SIGNATURE,
                "-content", EXTRACT, "-CAfile", CA, "-no-CApath", "-no-CAstore", "-purpose", "smimesign",
                "-x509_strict", "-out", "/dev/null");
    }

    static List<String> verifyTimeStamp() {
        return List.of("openssl", "ts", "-verify", "-data", CHECKPOINT, "-in", TIME_STAMP,
                "-CAfile", CA, "-untrusted", TSA, "-x509_strict");
    }

    /** Checkpoint signature and every Merkle proof, with sh and openssl only (the script ships in the bundle). */
    static List<String> verifyProofs() {
        return List.of("sh", "verify-proofs.sh");
    }

    /** The fingerprint of the log's key, to compare with the one the service publishes. */
    static String ledgerKeyFingerprint() {
        return "openssl pkey -pubin -in ledger-public.pem -outform DER | openssl dgst -sha256";
    }

    /** {@code command} judged at {@code epochSeconds} instead of now, for expired certificates. */
    static List<String> at(List<String> command, long epochSeconds) {
        List<String> out = new ArrayList<>(command);
        out.addAll(List.of("-attime", Long.toString(epochSeconds)));
        return out;
    }

    /** The text of {@code VERIFY.txt}. */
    static String text() {
        return """
                Verifying this certified extract with OpenSSL 3.0 or later
                ==========================================================
                Run every command in the directory where the bundle was unpacked.

                0. Trust anchors. ca.pem is trusted by the commands below, so first compare its
                   fingerprint with the one the issuing service published through another channel:

                     %s

                   Do the same for the ledger's public key:

                     %s

                1. Signature over extract.json (detached CMS, ECDSA P-256, SHA-256).
                   Expected: "CMS Verification successful", exit status 0.

                     %s

                2. RFC 3161 time-stamp over checkpoint.txt.
                   Expected: "Verification: OK", exit status 0.

                     %s

                   To read the time-stamp's time:  openssl ts -reply -in %s -text

                3. Ledger checkpoint and Merkle proofs, with sh and openssl only.
                   Expected: last line "ALL PROOFS VERIFIED", exit status 0.

                     %s

                   The script checks the Ed25519 signature of checkpoint.txt with ledger-public.pem
                   (openssl pkeyutl -verify -rawin), recomputes every event's inclusion proof from its
                   leaf bytes in extract.json to the root hash in checkpoint.txt, and, if
                   earlier-checkpoint.txt is present, checks its signature and the consistency proof
                   showing that the log only grew since that earlier, published checkpoint.

                4. All of the above, and that each leaf names its event, that extract.json is in
                   RFC 8785 canonical form and that extract.pdf names extract.json's SHA-256:

                     java -jar vrs.jar verify-extract bundle.zip --anchor <the published ca.pem>

                   If the order named earlier extracts of the same file (order.earlierExtracts in
                   extract.json), give each earlier bundle with --earlier earlier.zip: it is verified
                   too, and for every salt listed in revealedSalts the field's value disclosed here,
                   hashed with that salt, must equal the salted hash the earlier extract showed.

                Once the certificates have expired, commands 1 and 2 fail unless they are asked to
                judge the certificates at the time of the time-stamp: append
                  -attime SECONDS
                where SECONDS is that time in seconds since 1970-01-01T00:00:00Z.
                Any other failure means the extract must not be relied on.

                What this proves. The ledger's leaves commit to each event's ciphertext, not its
                text: the proofs show that the events named here are in the service's append-only
                log, unchanged, at the positions given. That the disclosed text is the content of
                those events rests on the service's signature over extract.json. Fields of
                categories outside the order are withheld as salted hashes (docs/extract-format.md).
                """.formatted(String.join(" ", fingerprintAnchor()), ledgerKeyFingerprint(), String.join(" ", verifySignature()),
                String.join(" ", verifyTimeStamp()), TIME_STAMP, String.join(" ", verifyProofs()));
    }
}
