package org.vrs.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.vrs.ledger.Checkpoint;
import org.vrs.ledger.LeafData;
import org.vrs.ledger.LeafIndex;
import org.vrs.ledger.LedgerSigningKey;
import org.vrs.ledger.Node;
import org.vrs.ledger.NodeId;
import org.vrs.ledger.ProofException;
import org.vrs.ledger.Sha256;
import org.vrs.ledger.SignedCheckpoint;
import org.vrs.ledger.TreeAppender;
import org.vrs.ledger.TreeReader;
import org.vrs.ledger.TreeSize;

/**
 * A test ledger in memory, on the real ledger core: leaves in the documented version-1 encoding
 * chained per file, RFC 6962 nodes from {@link TreeAppender}, proofs from {@link TreeReader},
 * checkpoints signed by a real {@link LedgerSigningKey}. What the ledger branch stores in
 * PostgreSQL, this keeps in maps.
 */
public final class InMemoryLedger implements LedgerAccess {

    public static final String ORIGIN = "vrs.test/ledger";

    private final LedgerSigningKey key;
    private final TreeAppender appender = TreeAppender.empty();
    private final Map<NodeId, Sha256> nodes = new HashMap<>();
    private final TreeReader reader = new TreeReader(nodes::get);
    private final Map<String, LeafRecord> leaves = new HashMap<>();
    private final Map<String, Sha256> lastLeafOfFile = new HashMap<>();
    private final List<SignedCheckpoint> checkpoints = new ArrayList<>();
    private final List<SignedCheckpoint> published = new ArrayList<>();

    public InMemoryLedger(LedgerSigningKey key) {
        this.key = key;
    }

    /** A ledger with a fresh signing key in a temporary directory. */
    public static InMemoryLedger withFreshKey() {
        return new InMemoryLedger(freshKey());
    }

    public static LedgerSigningKey freshKey() {
        try {
            Path directory = Files.createTempDirectory("vrs-test-ledger-");
            return LedgerSigningKey.loadOrCreate(directory.resolve("keys"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public LedgerSigningKey signingKey() {
        return key;
    }

    /**
     * Appends the leaf of a stored event, linking it to the previous leaf of the same file.
     *
     * @param fileId null for events of no file
     */
    public synchronized LeafRecord append(String eventId, String fileId, long sequence, String payloadType, String revision,
                                          java.time.Instant timestamp, String keyId, Sha256 ciphertextDigest) {
        Sha256 previous = fileId == null ? Sha256.ZERO : lastLeafOfFile.getOrDefault(fileId, Sha256.ZERO);
        LeafData leaf = new LeafData(eventId, fileId, sequence, payloadType, revision, timestamp, keyId, ciphertextDigest, previous);
        LeafRecord record = new LeafRecord(new LeafIndex(appender.size().value()), leaf.encode());
        for (Node node : appender.append(leaf.leafHash())) {
            nodes.put(node.id(), node.hash());
        }
        leaves.put(eventId, record);
        if (fileId != null) {
            lastLeafOfFile.put(fileId, leaf.leafHash());
        }
        return record;
    }

    public synchronized boolean holds(String eventId) {
        return leaves.containsKey(eventId);
    }

    /** Signs the current tree head, as the ledger does every second. */
    public synchronized SignedCheckpoint sign() {
        SignedCheckpoint checkpoint = key.sign(new Checkpoint(ORIGIN, appender.head()));
        checkpoints.add(checkpoint);
        return checkpoint;
    }

    /** Signs the current tree head and publishes it: later extracts prove consistency from it. */
    public synchronized SignedCheckpoint publish() {
        SignedCheckpoint checkpoint = sign();
        published.add(checkpoint);
        return checkpoint;
    }

    @Override
    public synchronized SignedCheckpoint latestCheckpoint() {
        return checkpoints.isEmpty() ? sign() : checkpoints.get(checkpoints.size() - 1);
    }

    @Override
    public synchronized Optional<SignedCheckpoint> publishedCheckpointBefore(TreeSize size) {
        return published.stream().filter(c -> c.checkpoint().head().size().value() < size.value())
                .reduce((first, second) -> second);
    }

    @Override
    public synchronized Optional<LeafRecord> leafOf(String eventId) {
        return Optional.ofNullable(leaves.get(eventId));
    }

    @Override
    public synchronized List<Sha256> inclusionProof(LeafIndex index, TreeSize size) throws ProofException {
        return reader.inclusionProof(index, size);
    }

    @Override
    public synchronized List<Sha256> consistencyProof(TreeSize older, TreeSize newer) throws ProofException {
        return reader.consistencyProof(older, newer);
    }

    @Override
    public Ed25519PublicKeyParameters publicKey() {
        return key.publicKey();
    }
}
