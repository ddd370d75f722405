package org.vrs.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The checkpoints to check the rebuilt tree against, smallest size first: every stored one and
 * any given from outside (an auditor's own copies). Signatures are checked as they are loaded; a
 * checkpoint that fails carries its divergence, reported when the walk reaches its size.
 */
final class CheckpointSet {

    /** A checkpoint to compare at {@code size}: either a trusted root, or why it is not trusted. */
    record Entry(TreeSize size, String source, Sha256 root, Divergence untrusted) {
    }

    private final List<Entry> entries;
    private int next;

    private CheckpointSet(List<Entry> entries) {
        entries.sort(Comparator.comparingLong(e -> e.size().value()));
        this.entries = entries;
    }

    static CheckpointSet load(Connection connection, CheckpointVerifier verifier, Map<String, SignedCheckpoint> given)
            throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT tree_size, root_hash, note FROM ledger_checkpoint ORDER BY tree_size")) {
            while (rs.next()) {
                entries.add(stored(verifier, new TreeSize(rs.getLong(1)), rs.getBytes(2), rs.getString(3)));
            }
        }
        given.forEach((name, signed) -> entries.add(trusted(verifier, signed, "given '" + name + "'")));
        return new CheckpointSet(entries);
    }

    private static Entry stored(CheckpointVerifier verifier, TreeSize column, byte[] rootColumn, String note) {
        SignedCheckpoint signed;
        try {
            signed = SignedCheckpoint.parse(note.getBytes(StandardCharsets.UTF_8));
        } catch (CheckpointParseException e) {
            return untrusted(column, "stored", "its note does not parse: " + e.getMessage());
        }
        Entry entry = trusted(verifier, signed, "stored");
        TreeHead head = signed.checkpoint().head();
        if (entry.untrusted() == null && (!head.size().equals(column) || !java.util.Arrays.equals(head.root().unsafeBytes(), rootColumn))) {
            return untrusted(head.size(), "stored", "its row says tree size " + column + " and root "
                    + hex(rootColumn) + ", its signed note tree size " + head.size() + " and root " + head.root());
        }
        return entry;
    }

    private static Entry trusted(CheckpointVerifier verifier, SignedCheckpoint signed, String source) {
        TreeHead head = signed.checkpoint().head();
        try {
            verifier.verify(signed);
        } catch (CheckpointVerificationException e) {
            return untrusted(head.size(), source, e.getMessage());
        }
        return new Entry(head.size(), source, head.root(), null);
    }

    private static Entry untrusted(TreeSize size, String source, String reason) {
        return new Entry(size, source, null, new Divergence.CheckpointUntrusted(size, source, reason));
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /**
     * Passes over the checkpoints of sizes below {@code size} without checking them: a run resumed at
     * that size leaves them to the run that checked those leaves.
     */
    void skipBelow(TreeSize size) {
        while (next < entries.size() && entries.get(next).size().value() < size.value()) {
            next++;
        }
    }

    /** Checks every checkpoint of exactly this size against the root the leaves give. */
    Divergence checkAt(TreeSize size, Sha256 root) {
        while (next < entries.size() && entries.get(next).size().value() <= size.value()) {
            Entry entry = entries.get(next++);
            if (entry.untrusted() != null) {
                return entry.untrusted();
            }
            if (!entry.root().equals(root)) {
                return new Divergence.CheckpointRootMismatch(size, entry.source(), entry.root(), root);
            }
        }
        return null;
    }

    /** The first checkpoint not yet reached, which is larger than the whole log. */
    Divergence beyond(TreeSize logSize) {
        if (next >= entries.size()) {
            return null;
        }
        Entry entry = entries.get(next);
        return entry.untrusted() != null ? entry.untrusted()
                : new Divergence.CheckpointBeyondLog(entry.size(), entry.source(), logSize);
    }

    int size() {
        return entries.size();
    }
}
