package org.vrs.ledger;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an interrupted {@link StoreVerifier} run stood after leaf {@code treeSize - 1}, and all a
 * later run needs to check the remaining leaves exactly as one uninterrupted run would: the compact
 * range of the tree so far, each file's last sequence and leaf hash (for the sequence and back-link
 * checks), and the number of stored nodes compared. The stored nodes and checkpoints still to
 * compare follow from {@code treeSize}.
 *
 * <p>It also names what it belongs to, so that a run refuses to resume against anything else: a
 * digest of the verifier's settings (origin, public key, checkpoints given from outside) and the
 * log's identity (the hash of leaf 0); the last leaf hash lets the resumed run check that the log
 * has not changed at the resume point. The file ends with the SHA-256 of its contents, which
 * catches truncated or damaged files (not deliberate edits: whoever can edit the file can also
 * recompute that digest, so keep it where only the auditor writes).
 *
 * <p>Format (big-endian, {@link DataOutputStream}): magic {@code "VRS-VERIFY-STATE 1\n"}; settings
 * digest (32 bytes); leaf 0 hash (32); tree size (long); last leaf hash (32); frontier count (int)
 * and hashes (32 each, highest level first); stored nodes compared (long); file count (int), then
 * per file its id ({@code writeUTF}), last sequence (long) and last leaf hash (32); SHA-256 of all
 * bytes before it (32).
 */
final class VerifyState {

    private static final byte[] MAGIC = "VRS-VERIFY-STATE 1\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** A file's last event in the log so far: the next must have {@code sequence + 1} and link to {@code leafHash}. */
    record FileHead(long sequence, Sha256 leafHash) {
    }

    final Sha256 settings;
    final Sha256 firstLeafHash;
    final long treeSize;
    final Sha256 lastLeafHash;
    final List<Sha256> frontier;
    final long nodesCompared;
    /** The walk's own map when saving (written out at once, never kept); a fresh one when read. */
    final Map<String, FileHead> files;

    VerifyState(Sha256 settings, Sha256 firstLeafHash, long treeSize, Sha256 lastLeafHash, List<Sha256> frontier,
                long nodesCompared, Map<String, FileHead> files) {
        this.settings = settings;
        this.firstLeafHash = firstLeafHash;
        this.treeSize = treeSize;
        this.lastLeafHash = lastLeafHash;
        this.frontier = frontier;
        this.nodesCompared = nodesCompared;
        this.files = files;
    }

    /** Writes to a temporary file beside {@code file}, forces it to disk, and moves it into place atomically. */
    void write(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        MessageDigest digest = sha256();
        try (OutputStream raw = Files.newOutputStream(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
             BufferedOutputStream buffered = new BufferedOutputStream(raw, 1 << 16);
             DigestOutputStream digesting = new DigestOutputStream(buffered, digest);
             DataOutputStream out = new DataOutputStream(digesting)) {
            out.write(MAGIC);
            out.write(settings.unsafeBytes());
            out.write(firstLeafHash.unsafeBytes());
            out.writeLong(treeSize);
            out.write(lastLeafHash.unsafeBytes());
            out.writeInt(frontier.size());
            for (Sha256 hash : frontier) {
                out.write(hash.unsafeBytes());
            }
            out.writeLong(nodesCompared);
            out.writeInt(files.size());
            for (Map.Entry<String, FileHead> head : files.entrySet()) {
                out.writeUTF(head.getKey());
                out.writeLong(head.getValue().sequence());
                out.write(head.getValue().leafHash().unsafeBytes());
            }
            out.flush();
            digesting.on(false);
            out.write(digest.digest());
        }
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a state file, refusing one that is damaged, truncated or of another format. */
    static VerifyState read(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream raw = Files.newInputStream(file);
             DigestInputStream digesting = new DigestInputStream(new BufferedInputStream(raw, 1 << 16), digest);
             DataInputStream in = new DataInputStream(digesting)) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new VerifyStateException(file + " is not a verify state file (or one of another version)");
            }
            Sha256 settings = hash(in);
            Sha256 first = hash(in);
            long treeSize = in.readLong();
            Sha256 last = hash(in);
            int frontierSize = in.readInt();
            if (frontierSize != Long.bitCount(treeSize) || treeSize < 1) {
                throw new VerifyStateException(file + " is damaged: its tree size and compact range disagree");
            }
            List<Sha256> frontier = new ArrayList<>(frontierSize);
            for (int i = 0; i < frontierSize; i++) {
                frontier.add(hash(in));
            }
            long nodes = in.readLong();
            int fileCount = in.readInt();
            if (fileCount < 0 || fileCount > treeSize) {
                throw new VerifyStateException(file + " is damaged: it names " + fileCount + " files for " + treeSize + " leaves");
            }
            Map<String, FileHead> files = new HashMap<>(Math.max(16, (int) (fileCount / 0.75f) + 1));
            for (int i = 0; i < fileCount; i++) {
                files.put(in.readUTF(), new FileHead(in.readLong(), hash(in)));
            }
            digesting.on(false);
            byte[] computed = digest.digest();
            byte[] stored = new byte[Sha256.LENGTH];
            in.readFully(stored);
            if (in.read() != -1 || !MessageDigest.isEqual(computed, stored)) {
                throw new VerifyStateException(file + " is damaged: its contents do not match its digest");
            }
            return new VerifyState(settings, first, treeSize, last, frontier, nodes, files);
        } catch (EOFException e) {
            throw new VerifyStateException(file + " is damaged: it ends early");
        }
    }

    private static Sha256 hash(DataInputStream in) throws IOException {
        byte[] bytes = new byte[Sha256.LENGTH];
        in.readFully(bytes);
        return Sha256.of(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
