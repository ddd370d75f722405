package org.vrs.ledger;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Names the first field in which a stored leaf differs from the leaf its event row gives now. */
final class LeafFields {

    private record Field(String name, Function<LeafData, Object> value) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("eventId", LeafData::eventId),
            new Field("fileId", LeafData::fileId),
            new Field("sequence", LeafData::sequence),
            new Field("payloadType", LeafData::payloadType),
            new Field("payloadRevision", LeafData::payloadRevision),
            new Field("timestamp", LeafData::timestamp),
            new Field("keyId", LeafData::keyId),
            new Field("ciphertextDigest", LeafData::ciphertextDigest),
            new Field("previousLeafOfFile", LeafData::previousLeafOfFile));

    private LeafFields() {
    }

    static Divergence difference(LeafIndex index, StoredEvent row, byte[] storedLeaf, LeafData recomputed) {
        LeafData stored;
        try {
            stored = LeafData.decode(storedLeaf);
        } catch (IllegalArgumentException e) {
            return new Divergence.LeafMismatch(index, row.eventId(), row.globalIndex(), "encoding",
                    "bytes that do not decode (" + e.getMessage() + ")", "a version-1 leaf");
        }
        for (Field field : FIELDS) {
            Object was = field.value().apply(stored);
            Object now = field.value().apply(recomputed);
            if (Objects.equals(was, now)) {
                continue;
            }
            if (field.name().equals("previousLeafOfFile")) {
                return new Divergence.BackLinkMismatch(index, row.eventId(), row.fileId(), row.sequence(),
                        stored.previousLeafOfFile(), recomputed.previousLeafOfFile());
            }
            return new Divergence.LeafMismatch(index, row.eventId(), row.globalIndex(), field.name(), show(was), show(now));
        }
        return new Divergence.LeafMismatch(index, row.eventId(), row.globalIndex(), "encoding",
                "a non-canonical encoding", "the canonical one");
    }

    private static String show(Object value) {
        return value instanceof String text ? "'" + Sha256.abbreviate(text) + "'" : String.valueOf(value);
    }
}
