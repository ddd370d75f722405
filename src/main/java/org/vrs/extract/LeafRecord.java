package org.vrs.extract;

import java.util.Objects;
import org.vrs.ledger.LeafIndex;

/**
 * A stored event's place in the log: its leaf index and the exact leaf bytes the log hashed
 * ({@code LeafData.encode()}, version 1, committing to the event's ciphertext).
 */
public record LeafRecord(LeafIndex index, byte[] leafBytes) {

    public LeafRecord {
        Objects.requireNonNull(index, "index");
        leafBytes = leafBytes.clone();
    }

    @Override
    public byte[] leafBytes() {
        return leafBytes.clone();
    }
}
