package org.vrs.extract;

import static org.vrs.extract.BundleCheck.*;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.vrs.extract.BundleFailure.BindingMismatch;
import org.vrs.extract.BundleFailure.LeafMismatch;
import org.vrs.extract.BundleFailure.Malformed;
import org.vrs.extract.MalformedBundleException.Defect;
import org.vrs.ledger.CheckpointParseException;
import org.vrs.ledger.CheckpointVerificationException;
import org.vrs.ledger.CheckpointVerifier;
import org.vrs.ledger.LeafData;
import org.vrs.ledger.MerkleHasher;
import org.vrs.ledger.ProofException;
import org.vrs.ledger.ProofVerifier;
import org.vrs.ledger.Sha256;
import org.vrs.ledger.SignedCheckpoint;
import org.vrs.ledger.TreeHead;

/**
 * The ledger half of a bundle's verification: the checkpoint's signature by the log key, what
 * extract.json says about checkpoint and key, every event's leaf and inclusion proof against the
 * checkpoint's root, the back links between consecutive events of the file, and the consistency
 * proof from the earlier published checkpoint.
 */
final class LedgerChecks {

    private final Map<String, byte[]> files;
    private final ParsedExtract extract;
    private final List<CheckResult> results;
    private Ed25519PublicKeyParameters key;
    private SignedCheckpoint checkpoint;

    /** @param extract null if extract.json could not be parsed (reported earlier) */
    LedgerChecks(Map<String, byte[]> files, ParsedExtract extract, List<CheckResult> results) {
        this.files = files;
        this.extract = extract;
        this.results = results;
    }

    void all() {
        checkpointSignature();
        if (extract == null || checkpoint == null) {
            String why = extract == null ? "extract.json cannot be read" : "checkpoint.txt cannot be read";
            for (BundleCheck check : List.of(CHECKPOINT_BINDING, INCLUSION_PROOFS, FILE_CHAIN, CONSISTENCY_PROOF)) {
                results.add(CheckResult.skipped(check, why));
            }
            return;
        }
        binding();
        inclusion();
        chain();
        consistency();
    }

    /** The proofs are checked against checkpoint.txt even when its signature fails, so a report shows every defect. */
    private void checkpointSignature() {
        try {
            key = LedgerKeyPem.decode(files.get(BundleFiles.LEDGER_KEY));
        } catch (IllegalArgumentException e) {
            results.add(CheckResult.fail(CHECKPOINT_SIGNATURE, new Malformed(Defect.UNREADABLE_ARTEFACT, BundleFiles.LEDGER_KEY,
                    e.getMessage())));
        }
        checkpoint = signedNote(CHECKPOINT_SIGNATURE, BundleFiles.CHECKPOINT);
        if (checkpoint != null && key != null && verifiedNote(CHECKPOINT_SIGNATURE, BundleFiles.CHECKPOINT, checkpoint)) {
            TreeHead head = checkpoint.checkpoint().head();
            results.add(CheckResult.pass(CHECKPOINT_SIGNATURE, "log " + checkpoint.checkpoint().origin() + ", " + head.size()
                    + " leaves, root " + head.root().hex() + ", signed by the key with SHA-256 fingerprint " + LedgerKeyPem.fingerprint(key)));
        }
    }

    private void binding() {
        ParsedExtract.LedgerRef stated = extract.ledger();
        TreeHead head = checkpoint.checkpoint().head();
        BindingMismatch mismatch = firstMismatch(
                compare("ledger.origin", stated.origin(), checkpoint.checkpoint().origin()),
                compare("ledger.treeSize", Long.toString(stated.treeSize()), head.size().toString()),
                compare("ledger.rootHash", stated.rootHash(), head.root().base64()),
                compare("ledger.checkpointSha256", stated.checkpointSha256(), ExtractJson.sha256Hex(files.get(BundleFiles.CHECKPOINT))),
                key == null ? null : compare("ledger.publicKeySha256", stated.publicKeySha256(), LedgerKeyPem.fingerprint(key)));
        results.add(mismatch == null
                ? CheckResult.pass(CHECKPOINT_BINDING, "origin, size, root, checkpoint.txt's SHA-256 and the log key's fingerprint match")
                : CheckResult.fail(CHECKPOINT_BINDING, mismatch));
    }

    private void inclusion() {
        TreeHead head = checkpoint.checkpoint().head();
        for (ParsedExtract.EventRef event : extract.events()) {
            BundleFailure failure = leafFailure(event);
            if (failure == null) {
                try {
                    ProofVerifier.verifyInclusion(event.index(), MerkleHasher.hashLeaf(event.leaf()), event.proof(), head);
                } catch (ProofException e) {
                    failure = new BundleFailure.Proof(event.eventId(), e.failure());
                }
            }
            if (failure != null) {
                results.add(CheckResult.fail(INCLUSION_PROOFS, failure));
                return;
            }
        }
        results.add(CheckResult.pass(INCLUSION_PROOFS, extract.events().size() + " events, each leaf records its event and is in the log of "
                + head.size() + " leaves"));
    }

    /** The leaf must record exactly the event the extract describes, in the ordered file. */
    private BundleFailure leafFailure(ParsedExtract.EventRef event) {
        LeafData leaf;
        try {
            leaf = LeafData.decode(event.leaf());
        } catch (IllegalArgumentException e) {
            return new LeafMismatch(event.eventId(), "encoding (" + e.getMessage() + ")");
        }
        if (!leaf.eventId().equals(event.eventId())) {
            return new LeafMismatch(event.eventId(), "event id");
        }
        if (!extract.fileId().equals(leaf.fileId())) {
            return new LeafMismatch(event.eventId(), "file id");
        }
        if (leaf.sequence() != event.sequence()) {
            return new LeafMismatch(event.eventId(), "sequence");
        }
        if (!leaf.payloadType().equals(event.type()) || !Objects.equals(leaf.payloadRevision(), event.revision())) {
            return new LeafMismatch(event.eventId(), "type or revision");
        }
        try {
            return leaf.timestamp().equals(Instant.parse(event.time())) ? null : new LeafMismatch(event.eventId(), "time");
        } catch (DateTimeParseException e) {
            return new LeafMismatch(event.eventId(), "time");
        }
    }

    /** Where two disclosed events are consecutive in the file, the later one's leaf must link to the earlier one's. */
    private void chain() {
        if (results.get(results.size() - 1).status() == CheckResult.Status.FAIL) {
            results.add(CheckResult.skipped(FILE_CHAIN, "the leaves did not all verify"));
            return;
        }
        List<ParsedExtract.EventRef> events = extract.events().stream().sorted(Comparator.comparingLong(ParsedExtract.EventRef::sequence)).toList();
        int links = 0;
        for (int i = 0; i < events.size(); i++) {
            ParsedExtract.EventRef event = events.get(i);
            Sha256 back = LeafData.decode(event.leaf()).previousLeafOfFile();
            ParsedExtract.EventRef previous = i == 0 ? null : events.get(i - 1);
            boolean follows = previous != null && previous.sequence() + 1 == event.sequence();
            if (event.sequence() == 0 && !back.isZero() || follows && !back.equals(MerkleHasher.hashLeaf(previous.leaf()))
                    || previous != null && previous.sequence() == event.sequence()) {
                results.add(CheckResult.fail(FILE_CHAIN, new BundleFailure.ChainBroken(event.eventId(),
                        previous == null ? -1 : previous.sequence())));
                return;
            }
            links += follows ? 1 : 0;
        }
        results.add(CheckResult.pass(FILE_CHAIN, links + " links between consecutive events hold; other events of the file"
                + " are outside the order"));
    }

    private void consistency() {
        byte[] earlierBytes = files.get(BundleFiles.EARLIER_CHECKPOINT);
        if (extract.consistency().isEmpty()) {
            results.add(earlierBytes == null
                    ? CheckResult.skipped(CONSISTENCY_PROOF, "the log had published no earlier checkpoint")
                    : CheckResult.fail(CONSISTENCY_PROOF, new BindingMismatch("consistency", "none", BundleFiles.EARLIER_CHECKPOINT)));
            return;
        }
        ParsedExtract.ConsistencyRef stated = extract.consistency().get();
        if (earlierBytes == null) {
            results.add(CheckResult.fail(CONSISTENCY_PROOF, new Malformed(Defect.MISSING_FILE, BundleFiles.EARLIER_CHECKPOINT,
                    "extract.json carries a consistency proof")));
            return;
        }
        SignedCheckpoint earlier = signedNote(CONSISTENCY_PROOF, BundleFiles.EARLIER_CHECKPOINT);
        if (earlier != null && key == null) {
            results.add(CheckResult.skipped(CONSISTENCY_PROOF, "ledger-public.pem cannot be read"));
        }
        if (earlier == null || key == null || !verifiedNote(CONSISTENCY_PROOF, BundleFiles.EARLIER_CHECKPOINT, earlier)) {
            return;
        }
        TreeHead older = earlier.checkpoint().head();
        BindingMismatch mismatch = firstMismatch(
                compare("consistency.earlierCheckpointSha256", stated.earlierCheckpointSha256(), ExtractJson.sha256Hex(earlierBytes)),
                compare("consistency.fromTreeSize", Long.toString(stated.fromTreeSize()), older.size().toString()),
                compare("consistency.fromRootHash", stated.fromRootHash(), older.root().base64()),
                compare("earlier checkpoint origin", earlier.checkpoint().origin(), checkpoint.checkpoint().origin()));
        if (mismatch != null) {
            results.add(CheckResult.fail(CONSISTENCY_PROOF, mismatch));
            return;
        }
        try {
            ProofVerifier.verifyConsistency(older, checkpoint.checkpoint().head(), stated.proof());
            results.add(CheckResult.pass(CONSISTENCY_PROOF, "the log of " + checkpoint.checkpoint().head().size()
                    + " leaves extends the published checkpoint of " + older.size() + " leaves (root " + older.root().hex() + ")"));
        } catch (ProofException e) {
            results.add(CheckResult.fail(CONSISTENCY_PROOF, new BundleFailure.Proof("consistency", e.failure())));
        }
    }

    private SignedCheckpoint signedNote(BundleCheck check, String file) {
        try {
            return SignedCheckpoint.parse(files.get(file));
        } catch (CheckpointParseException e) {
            results.add(CheckResult.fail(check, new BundleFailure.CheckpointUnreadable(file, e.defect(), e.getMessage())));
            return null;
        }
    }

    private boolean verifiedNote(BundleCheck check, String file, SignedCheckpoint note) {
        try {
            new CheckpointVerifier(note.checkpoint().origin(), key).verify(note);
            return true;
        } catch (CheckpointVerificationException e) {
            results.add(CheckResult.fail(check, new BundleFailure.Checkpoint(file, e.failure())));
            return false;
        }
    }

    private static BindingMismatch compare(String field, String stated, String actual) {
        return stated.equals(actual) ? null : new BindingMismatch(field, stated, actual);
    }

    private static BindingMismatch firstMismatch(BindingMismatch... candidates) {
        for (BindingMismatch candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }
}
