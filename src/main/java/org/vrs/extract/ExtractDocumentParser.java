package org.vrs.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.vrs.casefile.api.ExtractId;
import org.vrs.extract.MalformedBundleException.Defect;
import org.vrs.ledger.LeafIndex;
import org.vrs.ledger.Sha256;

/**
 * Reads {@code extract.json} from untrusted bytes: strict JSON (duplicate member names refused,
 * numbers kept exact), then the members a verifier needs, each checked for presence and form and
 * reported by its JSON Pointer. Whether any of it is true is {@link ExtractVerifier}'s business.
 */
final class ExtractDocumentParser {

    static final int MAX_EVENTS = 1_000_000;
    /** A proof in a tree below 2^63 leaves has at most 63 hashes (inclusion) or 64 (consistency). */
    static final int MAX_PROOF_HASHES = 64;
    static final int MAX_LEAF_BYTES = 8 * 1024;

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ExtractDocumentParser() {
    }

    static ParsedExtract parse(byte[] json) throws MalformedBundleException {
        JsonNode tree;
        try {
            tree = STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            throw malformed(Defect.NOT_JSON, "", e.getOriginalMessage());
        } catch (IOException e) {
            throw malformed(Defect.NOT_JSON, "", e.toString());
        }
        if (tree == null || !tree.isObject()) {
            throw malformed(Defect.NOT_JSON, "", "not a JSON object");
        }
        requireEquals(tree, "/format", BundleFiles.FORMAT);
        if (number(tree, "/formatVersion") != BundleFiles.FORMAT_VERSION) {
            throw malformed(Defect.WRONG_SHAPE, "/formatVersion", "only version " + BundleFiles.FORMAT_VERSION + " is known");
        }
        ParsedExtract.LedgerRef ledger = new ParsedExtract.LedgerRef(text(tree, "/ledger/origin"), number(tree, "/ledger/treeSize"),
                text(tree, "/ledger/rootHash"), text(tree, "/ledger/checkpointSha256"), text(tree, "/ledger/publicKeySha256"));
        return new ParsedExtract(tree, text(tree, "/extractId"), text(tree, "/order/fileId"), ledger, consistency(tree), events(tree),
                reveals(tree));
    }

    /** {@code revealedSalts}, present only when the order named earlier extracts. */
    private static List<RevealedSalt> reveals(JsonNode tree) throws MalformedBundleException {
        JsonNode reveals = tree.at("/revealedSalts");
        if (reveals.isMissingNode()) {
            return List.of();
        }
        if (!reveals.isArray() || reveals.size() > MAX_EVENTS) {
            throw malformed(Defect.WRONG_SHAPE, "/revealedSalts", "must be an array of at most " + MAX_EVENTS + " salts");
        }
        List<RevealedSalt> out = new ArrayList<>(reveals.size());
        for (int i = 0; i < reveals.size(); i++) {
            JsonNode r = reveals.get(i);
            String at = "/revealedSalts/" + i;
            String salt = text(r, "/salt", at);
            if (!salt.matches("[0-9a-f]{" + 2 * FieldSalts.SALT_BYTES + "}")) {
                throw malformed(Defect.WRONG_SHAPE, at + "/salt", "must be " + FieldSalts.SALT_BYTES + " bytes in lower-case hex");
            }
            ExtractId earlier;
            try {
                earlier = new ExtractId(text(r, "/earlierExtractId", at));
            } catch (IllegalArgumentException e) {
                throw malformed(Defect.WRONG_SHAPE, at + "/earlierExtractId", "must be an extract id (a UUID)");
            }
            out.add(new RevealedSalt(earlier, text(r, "/eventId", at), text(r, "/field", at), java.util.HexFormat.of().parseHex(salt)));
        }
        return out;
    }

    private static Optional<ParsedExtract.ConsistencyRef> consistency(JsonNode tree) throws MalformedBundleException {
        if (tree.at("/consistency").isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(new ParsedExtract.ConsistencyRef(text(tree, "/consistency/earlierCheckpointSha256"),
                number(tree, "/consistency/fromTreeSize"), text(tree, "/consistency/fromRootHash"),
                hashes(tree, "/consistency/proof")));
    }

    private static List<ParsedExtract.EventRef> events(JsonNode tree) throws MalformedBundleException {
        JsonNode events = tree.at("/events");
        if (!events.isArray() || events.size() > MAX_EVENTS) {
            throw malformed(Defect.WRONG_SHAPE, "/events", "must be an array of at most " + MAX_EVENTS + " events");
        }
        List<ParsedExtract.EventRef> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            String at = "/events/" + i;
            JsonNode revision = e.at("/revision");
            if (!revision.isMissingNode() && !revision.isTextual()) {
                throw malformed(Defect.WRONG_SHAPE, at + "/revision", "must be a string when present");
            }
            out.add(new ParsedExtract.EventRef(text(e, "/eventId", at), number(e, "/sequence", at), text(e, "/time", at),
                    text(e, "/type", at), revision.isMissingNode() ? null : revision.textValue(),
                    new LeafIndex(number(e, "/ledgerLeaf/index", at)), leaf(e, at), hashes(e, "/ledgerLeaf/inclusionProof", at)));
        }
        return out;
    }

    private static byte[] leaf(JsonNode event, String at) throws MalformedBundleException {
        String base64 = text(event, "/ledgerLeaf/data", at);
        try {
            byte[] leaf = Base64.getDecoder().decode(base64);
            if (leaf.length > MAX_LEAF_BYTES) {
                throw malformed(Defect.WRONG_SHAPE, at + "/ledgerLeaf/data", leaf.length + " bytes, more than " + MAX_LEAF_BYTES);
            }
            return leaf;
        } catch (IllegalArgumentException e) {
            throw malformed(Defect.WRONG_SHAPE, at + "/ledgerLeaf/data", "not base64");
        }
    }

    private static List<Sha256> hashes(JsonNode root, String pointer) throws MalformedBundleException {
        return hashes(root, pointer, "");
    }

    private static List<Sha256> hashes(JsonNode root, String pointer, String at) throws MalformedBundleException {
        JsonNode array = root.at(pointer);
        if (!array.isArray() || array.size() > MAX_PROOF_HASHES) {
            throw malformed(Defect.WRONG_SHAPE, at + pointer, "must be an array of at most " + MAX_PROOF_HASHES + " hashes");
        }
        List<Sha256> hashes = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            try {
                hashes.add(Sha256.fromBase64(array.get(i).isTextual() ? array.get(i).textValue() : ""));
            } catch (IllegalArgumentException e) {
                throw malformed(Defect.WRONG_SHAPE, at + pointer + "/" + i, "not the base64 of a SHA-256 hash");
            }
        }
        return hashes;
    }

    private static void requireEquals(JsonNode root, String pointer, String expected) throws MalformedBundleException {
        if (!expected.equals(text(root, pointer))) {
            throw malformed(Defect.WRONG_SHAPE, pointer, "must be '" + expected + "'");
        }
    }

    private static String text(JsonNode root, String pointer) throws MalformedBundleException {
        return text(root, pointer, "");
    }

    private static String text(JsonNode root, String pointer, String at) throws MalformedBundleException {
        JsonNode node = root.at(pointer);
        if (!node.isTextual()) {
            throw malformed(Defect.WRONG_SHAPE, at + pointer, "must be a string");
        }
        return node.textValue();
    }

    private static long number(JsonNode root, String pointer) throws MalformedBundleException {
        return number(root, pointer, "");
    }

    private static long number(JsonNode root, String pointer, String at) throws MalformedBundleException {
        JsonNode node = root.at(pointer);
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw malformed(Defect.WRONG_SHAPE, at + pointer, "must be a non-negative whole number");
        }
        return node.longValue();
    }

    private static MalformedBundleException malformed(Defect defect, String pointer, String detail) {
        return new MalformedBundleException(defect, BundleFiles.EXTRACT + "#" + pointer, detail);
    }
}
