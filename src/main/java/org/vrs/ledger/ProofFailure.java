package org.vrs.ledger;

/**
 * Why a proof could not be made or did not verify, with the numbers involved. Callers branch on the
 * type (never on the message) and tests compare whole values.
 */
public sealed interface ProofFailure {

    /** One sentence naming what failed and the values involved. */
    String message();

    /** The leaf is not in a tree of that size. */
    record IndexBeyondSize(LeafIndex index, TreeSize size) implements ProofFailure {
        @Override
        public String message() {
            return "leaf index " + index + " is beyond tree size " + size;
        }
    }

    /** The first tree of a consistency check is larger than the second. */
    record SizeOrder(TreeSize size1, TreeSize size2) implements ProofFailure {
        @Override
        public String message() {
            return "tree size " + size1 + " is larger than tree size " + size2 + ", so it cannot be a prefix of it";
        }
    }

    /** The proof has a different number of hashes than the sizes and index imply. */
    record WrongProofLength(int got, int want) implements ProofFailure {
        @Override
        public String message() {
            return "proof has " + got + " hashes, but " + want + " are needed";
        }
    }

    /** The root calculated from the proof differs from the trusted root of that size. */
    record RootMismatch(TreeSize size, Sha256 expected, Sha256 calculated) implements ProofFailure {
        @Override
        public String message() {
            return "root calculated for tree size " + size + " is " + calculated + ", expected " + expected;
        }
    }
}
