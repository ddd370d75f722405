package org.vrs.ledger;

/**
 * Where the store stops agreeing with its ledger, as {@link StoreVerifier} reports it: one type per
 * check, each naming the position and the values involved. {@link #position()} orders divergences:
 * a leaf's checks at its index, a checkpoint's at its size, events without a leaf after all leaves.
 */
public sealed interface Divergence {

    /** The log position where the check failed: a leaf index, or a tree size for checkpoints. */
    long position();

    /** One sentence naming the position, the event where there is one, and the values. */
    String message();

    /** The name of the failed check, for machines: the record's simple name. */
    default String check() {
        return getClass().getSimpleName();
    }

    /** Leaf indices are not 0, 1, 2, ...: a leaf is missing or one was added. */
    record LeafIndexGap(LeafIndex expected, LeafIndex found) implements Divergence {
        public long position() {
            return expected.value();
        }

        public String message() {
            return "leaf " + expected + " is missing: the next stored leaf has index " + found;
        }
    }

    /** The event a leaf was made of is no longer in the event table. */
    record EventRowMissing(LeafIndex leaf, String eventId, long globalIndex) implements Divergence {
        public long position() {
            return leaf.value();
        }

        public String message() {
            return "leaf " + leaf + ": event " + eventId + " at global index " + globalIndex + " is missing from the event table";
        }
    }

    /** The event row cannot be turned into a leaf at all (no payload envelope, unparsable timestamp, ...). */
    record EventRowUnreadable(LeafIndex leaf, String eventId, long globalIndex, String reason) implements Divergence {
        public long position() {
            return leaf.value();
        }

        public String message() {
            return "leaf " + leaf + ": event row at global index " + globalIndex + " (event " + eventId
                    + ") cannot be read as a leaf: " + reason;
        }
    }

    /** The leaf recomputed from the event row differs from the stored leaf in a named field. */
    record LeafMismatch(LeafIndex leaf, String eventId, long globalIndex, String field, String stored, String recomputed)
            implements Divergence {
        public long position() {
            return leaf.value();
        }

        public String message() {
            return "leaf " + leaf + ": event row at global index " + globalIndex + " (event " + eventId + ") no longer matches"
                    + " its leaf in " + field + ": the leaf has " + stored + ", the row gives " + recomputed;
        }
    }

    /** The stored leaf hash is not SHA-256(0x00 || stored leaf). */
    record LeafHashMismatch(LeafIndex leaf, String eventId, Sha256 stored, Sha256 computed) implements Divergence {
        public long position() {
            return leaf.value();
        }

        public String message() {
            return "leaf " + leaf + " (event " + eventId + "): stored leaf hash " + stored + " is not the hash of its leaf, "
                    + computed;
        }
    }

    /** A file's events do not follow each other by sequence 0, 1, 2, ... in the log. */
    record FileSequenceGap(LeafIndex leaf, String eventId, String fileId, long sequence, long expected) implements Divergence {
        public long position() {
            return leaf.value();
        }

        public String message() {
            return "leaf " + leaf + " (event " + eventId + "): file " + fileId + " continues with sequence " + sequence
                    + " where sequence " + expected + " is due";
        }
    }

    /** A leaf's back link is not the leaf hash of its file's previous event. */
    record BackLinkMismatch(LeafIndex leaf, String eventId, String fileId, long sequence, Sha256 stored, Sha256 expected)
            implements Divergence {
        public long position() {
            return leaf.value();
        }

        public String message() {
            return "leaf " + leaf + " (event " + eventId + ", file " + fileId + ", sequence " + sequence
                    + "): back link " + stored + " is not the leaf hash of the file's previous event, " + expected;
        }
    }

    /** A leaf's event lies beyond the position the ledger's processor token has stored: the token was set back. */
    record TokenBehindLeaf(LeafIndex leaf, String eventId, long globalIndex, String token) implements Divergence {
        public long position() {
            return leaf.value();
        }

        public String message() {
            return "leaf " + leaf + " (event " + eventId + ", global index " + globalIndex + ") is not covered by the "
                    + "ledger's stored token " + token + ": the token was set back";
        }
    }

    /** A stored tree node differs from the one the leaves give, is missing, or should not exist. */
    record NodeMismatch(NodeId node, Sha256 stored, Sha256 computed) implements Divergence {
        public long position() {
            return node.firstLeaf() + node.leafCount() - 1;
        }

        public String message() {
            return "tree node (level " + node.level() + ", index " + node.index() + ") over leaves " + node.firstLeaf()
                    + ".." + position() + " is " + describe(stored) + ", the leaves give " + describe(computed);
        }

        private static String describe(Sha256 hash) {
            return hash == null ? "absent" : hash.toString();
        }
    }

    /** A checkpoint that does not parse, is not signed by the log's key, or whose row disagrees with its note. */
    record CheckpointUntrusted(TreeSize size, String source, String reason) implements Divergence {
        public long position() {
            return size.value();
        }

        public String message() {
            return source + " checkpoint of tree size " + size + " is not trusted: " + reason;
        }
    }

    /** A signed checkpoint whose root differs from the root the leaves give at its size. */
    record CheckpointRootMismatch(TreeSize size, String source, Sha256 signed, Sha256 computed) implements Divergence {
        public long position() {
            return size.value();
        }

        public String message() {
            return source + " checkpoint of tree size " + size + " signs root " + signed + ", but the stored events give "
                    + computed + ": an event before position " + size + " was altered, removed, reordered or inserted";
        }
    }

    /** A signed checkpoint of more leaves than the log holds: leaves were removed. */
    record CheckpointBeyondLog(TreeSize size, String source, TreeSize logSize) implements Divergence {
        public long position() {
            return logSize.value();
        }

        public String message() {
            return source + " checkpoint signs tree size " + size + ", but the log holds only " + logSize
                    + " leaves: leaves from position " + logSize + " were removed";
        }
    }

    /** An event the ledger's token has passed but that has no leaf: inserted afterwards, or skipped. */
    record EventWithoutLeaf(long globalIndex, String eventId, TreeSize logSize) implements Divergence {
        public long position() {
            return logSize.value();
        }

        public String message() {
            return "event " + eventId + " at global index " + globalIndex + " has no leaf although the ledger's token has"
                    + " passed it: it was inserted behind the ledger (the log has " + logSize + " leaves)";
        }
    }
}
