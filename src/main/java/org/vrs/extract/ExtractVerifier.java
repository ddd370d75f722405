package org.vrs.extract;

import static org.vrs.extract.BundleCheck.*;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.vrs.extract.BundleFailure.Malformed;
import org.vrs.extract.MalformedBundleException.Defect;

/**
 * Verifies a certified extract offline, trusting nothing but the anchor it is given: bundle
 * structure, canonical form, the time-stamp and the CMS signature against the anchor, the ledger
 * checkpoint against {@code ledger-public.pem}, every leaf and proof, the file's back links, the
 * consistency proof and the PDF's reference to {@code extract.json}. Runs every check it can and
 * reports each; a check whose input failed an earlier one is reported as skipped.
 */
public final class ExtractVerifier {

    private ExtractVerifier() {
    }

    /**
     * @param anchorPem the CA certificate the court trusts (PEM or DER), as the service publishes it;
     *     null to trust the bundle's own {@code ca.pem}, which the report then flags with a warning
     */
    public static VerificationReport verify(Path bundle, byte[] anchorPem) {
        return verify(bundle, anchorPem, List.of());
    }

    /**
     * Also compares the extract with earlier extracts of the same file ({@link EarlierExtractChecks}),
     * each verified against the same anchor (the bundle's own {@code ca.pem} when none is given).
     */
    public static VerificationReport verify(Path bundle, byte[] anchorPem, List<Path> earlier) {
        List<CheckResult> results = new ArrayList<>();
        try {
            Map<String, byte[]> files = BundleReader.read(bundle);
            results.add(CheckResult.pass(STRUCTURE, files.size() + " files: " + String.join(", ", files.keySet())));
            new Run(files, results).all(anchorPem, earlier);
        } catch (MalformedBundleException e) {
            results.add(CheckResult.fail(STRUCTURE, malformed(e)));
            for (BundleCheck check : BundleCheck.values()) {
                if (check != STRUCTURE && (check != EARLIER_EXTRACTS || !earlier.isEmpty())) {
                    results.add(CheckResult.skipped(check, "the bundle cannot be read"));
                }
            }
        }
        return new VerificationReport(results);
    }

    static Malformed malformed(MalformedBundleException e) {
        return new Malformed(e.defect(), e.file(), e.detail());
    }

    /** The state of one verification: what each check established for the checks after it. */
    private static final class Run {
        private final Map<String, byte[]> files;
        private final List<CheckResult> results;
        private X509Certificate anchor;
        private ParsedExtract extract;
        private Instant stampTime;

        Run(Map<String, byte[]> files, List<CheckResult> results) {
            this.files = files;
            this.results = results;
        }

        void all(byte[] anchorPem, List<Path> earlier) {
            anchor(anchorPem);
            canonicalForm();
            timeStamp();
            signature();
            new LedgerChecks(files, extract, results).all();
            earlierExtracts(anchorPem == null ? files.get(BundleFiles.CA) : anchorPem, earlier);
            pdf();
        }

        private void earlierExtracts(byte[] anchorPem, List<Path> earlier) {
            if (extract == null) {
                if (!earlier.isEmpty()) {
                    results.add(CheckResult.skipped(EARLIER_EXTRACTS, "extract.json cannot be read"));
                }
                return;
            }
            new EarlierExtractChecks(extract, (bundle, none) -> verify(bundle, anchorPem, none)).check(earlier)
                    .ifPresent(results::add);
        }

        private void anchor(byte[] anchorPem) {
            byte[] bundled = files.get(BundleFiles.CA);
            try {
                anchor = ExtractArtefacts.parseCertificates(anchorPem == null ? bundled : anchorPem).get(0);
            } catch (MalformedArtefactException e) {
                String file = anchorPem == null ? BundleFiles.CA : "--anchor";
                results.add(CheckResult.fail(TRUST_ANCHOR, new Malformed(Defect.UNREADABLE_ARTEFACT, file, e.getMessage())));
                return;
            }
            String fingerprint = fingerprint(anchor);
            if (anchorPem == null) {
                results.add(CheckResult.warn(TRUST_ANCHOR, "trusting the bundle's own ca.pem (" + TrustChain.subject(anchor)
                        + ", SHA-256 fingerprint " + fingerprint + "): compare this fingerprint with the one the issuing"
                        + " service publishes, or give that certificate with --anchor"));
            } else {
                boolean same = Arrays.equals(Pem.encodeAll(List.of(anchor)), normalised(bundled));
                results.add(CheckResult.pass(TRUST_ANCHOR, "the given anchor " + TrustChain.subject(anchor) + " (SHA-256 fingerprint "
                        + fingerprint + ")" + (same ? "; the bundle's ca.pem is the same certificate" : "; the bundle's ca.pem differs and is ignored")));
            }
        }

        private void canonicalForm() {
            byte[] json = files.get(BundleFiles.EXTRACT);
            try {
                extract = ExtractDocumentParser.parse(json);
            } catch (MalformedBundleException e) {
                results.add(CheckResult.fail(CANONICAL_FORM, malformed(e)));
                return;
            }
            try {
                byte[] canonical = CanonicalJson.canonicalize(extract.tree());
                if (Arrays.equals(canonical, json)) {
                    results.add(CheckResult.pass(CANONICAL_FORM, json.length + " bytes, " + extract.events().size() + " events"));
                } else {
                    results.add(CheckResult.fail(CANONICAL_FORM, new BundleFailure.NotCanonical(Arrays.mismatch(canonical, json), "")));
                }
            } catch (CanonicalJsonException e) {
                results.add(CheckResult.fail(CANONICAL_FORM, new BundleFailure.NotCanonical(0, e.getMessage())));
            }
        }

        private void timeStamp() {
            if (anchor == null) {
                results.add(CheckResult.skipped(TIME_STAMP, "no trust anchor"));
                return;
            }
            try {
                ParsedTimeStamp stamp = ExtractArtefacts.parseTimeStampResponse(files.get(BundleFiles.TIME_STAMP));
                stampTime = stamp.token().getTimeStampInfo().getGenTime().toInstant();
                List<X509Certificate> tsa = ExtractArtefacts.parseCertificates(files.get(BundleFiles.TSA));
                VerifiedTimeStamp verified = new TimeStampVerifier(anchor).verify(stamp, files.get(BundleFiles.CHECKPOINT), tsa);
                results.add(CheckResult.pass(TIME_STAMP, "checkpoint.txt existed at " + verified.genTime() + " (TSA "
                        + TrustChain.subject(verified.authority()) + ", serial " + verified.serialNumber() + ")"));
            } catch (MalformedArtefactException e) {
                results.add(CheckResult.fail(TIME_STAMP, new Malformed(Defect.UNREADABLE_ARTEFACT, artefactFile(e), e.getMessage())));
            } catch (VerificationException e) {
                results.add(CheckResult.fail(TIME_STAMP, new BundleFailure.TimeStamp(e.failure())));
            }
        }

        /** Certificates are judged at the time-stamp's time: the signer's own signing time is only its claim. */
        private void signature() {
            if (anchor == null) {
                results.add(CheckResult.skipped(CMS_SIGNATURE, "no trust anchor"));
                return;
            }
            Instant at = stampTime != null ? stampTime : Instant.now();
            try {
                ParsedSignature signature = ExtractArtefacts.parseSignature(files.get(BundleFiles.SIGNATURE));
                VerifiedSignature verified = new CmsSignatureVerifier(anchor).verify(signature, files.get(BundleFiles.EXTRACT), at);
                results.add(CheckResult.pass(CMS_SIGNATURE, "signed by " + TrustChain.subject(verified.signer()) + " (signing time "
                        + verified.signingTime() + "), certificate chain valid at " + at));
            } catch (MalformedArtefactException e) {
                results.add(CheckResult.fail(CMS_SIGNATURE, new Malformed(Defect.UNREADABLE_ARTEFACT, artefactFile(e), e.getMessage())));
            } catch (VerificationException e) {
                results.add(CheckResult.fail(CMS_SIGNATURE, new BundleFailure.Signature(e.failure())));
            }
        }

        private void pdf() {
            String expected = ExtractJson.sha256Hex(files.get(BundleFiles.EXTRACT));
            try (PDDocument pdf = Loader.loadPDF(files.get(BundleFiles.PDF))) {
                String named = pdf.getDocumentInformation().getCustomMetadataValue(ExtractPdf.HASH_KEY);
                PDFTextStripper firstPage = new PDFTextStripper();
                firstPage.setStartPage(1);
                firstPage.setEndPage(1);
                boolean shown = firstPage.getText(pdf).replaceAll("\\s", "").contains(expected);
                if (expected.equals(named) && shown) {
                    results.add(CheckResult.pass(PDF_RENDERING, "its information and first page name " + expected));
                } else {
                    results.add(CheckResult.fail(PDF_RENDERING, new BundleFailure.PdfMismatch(expected,
                            (named == null ? "no hash" : named) + (shown ? "" : " (not on its first page)"))));
                }
            } catch (IOException e) {
                results.add(CheckResult.fail(PDF_RENDERING, new Malformed(Defect.UNREADABLE_ARTEFACT, BundleFiles.PDF, e.toString())));
            }
        }

        private static String artefactFile(MalformedArtefactException e) {
            return switch (e.artefact()) {
                case CMS_SIGNATURE -> BundleFiles.SIGNATURE;
                case TIME_STAMP -> BundleFiles.TIME_STAMP;
                case CERTIFICATES -> BundleFiles.TSA;
            };
        }

        private static byte[] normalised(byte[] pem) {
            try {
                return Pem.encodeAll(ExtractArtefacts.parseCertificates(pem));
            } catch (MalformedArtefactException e) {
                return new byte[0];
            }
        }

        private static String fingerprint(X509Certificate certificate) {
            try {
                return HexFormat.ofDelimiter(":").withUpperCase().formatHex(CmsSigner.sha256(certificate.getEncoded()));
            } catch (java.security.cert.CertificateEncodingException e) {
                return "(unencodable certificate)";
            }
        }
    }
}
