package org.vrs.extract;

import org.vrs.ledger.CheckpointFailure;
import org.vrs.ledger.CheckpointParseException;
import org.vrs.ledger.ProofFailure;

/**
 * Why a check of a bundle failed, as a value naming what failed and the values involved. Tests
 * compare these; the report prints {@link #message()}.
 */
public sealed interface BundleFailure {

    String message();

    /** A file that cannot be read as what it must be. */
    record Malformed(MalformedBundleException.Defect defect, String file, String detail) implements BundleFailure {
        public String message() {
            return file + " is malformed (" + defect + "): " + detail;
        }
    }

    /** The CMS signature over extract.json does not hold. */
    record Signature(VerificationFailure failure) implements BundleFailure {
        public String message() {
            return "extract.json.p7s: " + failure;
        }
    }

    /** The RFC 3161 time-stamp over checkpoint.txt does not hold. */
    record TimeStamp(VerificationFailure failure) implements BundleFailure {
        public String message() {
            return "checkpoint.tsr: " + failure;
        }
    }

    record CheckpointUnreadable(String file, CheckpointParseException.Defect defect, String detail) implements BundleFailure {
        public String message() {
            return file + " is not a checkpoint note (" + defect + "): " + detail;
        }
    }

    /** A checkpoint note is not signed by the log key of ledger-public.pem. */
    record Checkpoint(String file, CheckpointFailure failure) implements BundleFailure {
        public String message() {
            return file + ": " + failure.message();
        }
    }

    /** extract.json's bytes differ from their canonical form from this offset on. */
    record NotCanonical(long offset, String detail) implements BundleFailure {
        public String message() {
            return "extract.json is not in RFC 8785 canonical form from byte " + offset + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    /** What extract.json states about a file of the bundle differs from the file. */
    record BindingMismatch(String field, String stated, String actual) implements BundleFailure {
        public String message() {
            return "extract.json states " + field + " " + stated + ", but the bundle has " + actual;
        }
    }

    /** An event's leaf does not record the event the extract describes. */
    record LeafMismatch(String eventId, String field) implements BundleFailure {
        public String message() {
            return "the leaf of event " + eventId + " records another " + field + " than the extract states";
        }
    }

    /** A Merkle proof fails; {@code subject} is an event id or "consistency". */
    record Proof(String subject, ProofFailure failure) implements BundleFailure {
        public String message() {
            return subject + ": " + failure.message();
        }
    }

    /** Event {@code eventId} follows {@code previousSequence} in the file but does not link back to its leaf. */
    record ChainBroken(String eventId, long previousSequence) implements BundleFailure {
        public String message() {
            return "event " + eventId + " does not link back to the leaf of the file's event " + previousSequence;
        }
    }

    record PdfMismatch(String expectedSha256, String found) implements BundleFailure {
        public String message() {
            return "extract.pdf names " + found + " instead of extract.json's SHA-256 " + expectedSha256;
        }
    }

    /** An earlier extract given for comparison does not verify, or withheld another fact than this extract discloses. */
    record EarlierExtract(String bundle, String detail) implements BundleFailure {
        public String message() {
            return "earlier extract " + bundle + ": " + detail;
        }
    }
}
