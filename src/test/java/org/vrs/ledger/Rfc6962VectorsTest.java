package org.vrs.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known answers published with transparency-dev/merkle ({@code proof/verify_test.go},
 * {@code rfc6962/rfc6962_test.go}), kept in {@code ledger/rfc6962-vectors.txt} with their source.
 */
class Rfc6962VectorsTest {

    private static final String FILE = "rfc6962-vectors.txt";

    @Test
    void emptyRootIsTheHashOfNothing() {
        Sha256 expected = Sha256.fromHex(single("empty-root")[1]);

        assertThat(MerkleHasher.emptyRoot()).isEqualTo(expected);
        assertThat(TreeAppender.empty().root()).isEqualTo(expected);
        assertThat(new TreeReader(new MapNodeSource()).root(TreeSize.EMPTY)).isEqualTo(expected);
    }

    @Test
    void leafHashesMatch() {
        List<String[]> vectors = all("leaf-hash");
        assertThat(vectors).hasSize(2);
        for (String[] v : vectors) {
            assertThat(MerkleHasher.hashLeaf(Vectors.bytes(v[1]))).as("leaf %s", v[1]).isEqualTo(Sha256.fromHex(v[2]));
        }
    }

    @Test
    void appenderAndReaderGiveThePublishedRootOfEverySize() {
        TreeAppender appender = TreeAppender.empty();
        MapNodeSource store = new MapNodeSource();
        List<Sha256> appenderRoots = new ArrayList<>();
        for (Sha256 leafHash : leafHashes()) {
            store.putAll(appender.append(leafHash));
            appenderRoots.add(appender.root());
        }
        TreeReader reader = new TreeReader(store);
        List<String[]> roots = all("root");
        assertThat(roots).hasSize(8);
        for (String[] v : roots) {
            int size = Integer.parseInt(v[1]);
            Sha256 expected = Sha256.fromHex(v[2]);
            assertThat(appenderRoots.get(size - 1)).as("appender root of size %d", size).isEqualTo(expected);
            assertThat(reader.root(new TreeSize(size))).as("stored root of size %d", size).isEqualTo(expected);
        }
    }

    @Test
    void inclusionProofsMatchAndVerify() throws ProofException {
        TreeReader reader = new TreeReader(MapNodeSource.of(leafHashes()));
        List<String[]> vectors = all("inclusion");
        assertThat(vectors).hasSize(5);
        for (String[] v : vectors) {
            LeafIndex index = new LeafIndex(Long.parseLong(v[1]));
            TreeSize size = new TreeSize(Long.parseLong(v[2]));
            List<Sha256> expected = Vectors.hashes(v[3]);
            Sha256 leafHash = leafHashes().get((int) index.value());

            assertThat(reader.inclusionProof(index, size)).as("proof of %s in %s", index, size).isEqualTo(expected);
            assertThat(ProofVerifier.rootFromInclusionProof(index, size, leafHash, expected)).isEqualTo(root(size));
            ProofVerifier.verifyInclusion(index, leafHash, expected, new TreeHead(size, root(size)));
        }
    }

    @Test
    void consistencyProofsMatchAndVerify() throws ProofException {
        TreeReader reader = new TreeReader(MapNodeSource.of(leafHashes()));
        List<String[]> vectors = all("consistency");
        assertThat(vectors).hasSize(5);
        for (String[] v : vectors) {
            TreeSize size1 = new TreeSize(Long.parseLong(v[1]));
            TreeSize size2 = new TreeSize(Long.parseLong(v[2]));
            List<Sha256> expected = Vectors.hashes(v[3]);

            assertThat(reader.consistencyProof(size1, size2)).as("proof %s -> %s", size1, size2).isEqualTo(expected);
            ProofVerifier.verifyConsistency(new TreeHead(size1, root(size1)), new TreeHead(size2, root(size2)), expected);
        }
    }

    @Test
    void childrenAreHashedWithTheNodePrefixAndLeavesWithTheLeafPrefix() {
        Sha256 left = MerkleHasher.hashLeaf(new byte[0]);
        Sha256 right = MerkleHasher.hashLeaf(new byte[] {0});
        byte[] concatenated = new byte[64];
        System.arraycopy(left.bytes(), 0, concatenated, 0, 32);
        System.arraycopy(right.bytes(), 0, concatenated, 32, 32);

        assertThat(MerkleHasher.hashChildren(left, right)).isEqualTo(root(new TreeSize(2)));
        assertThat(MerkleHasher.hashLeaf(concatenated)).isNotEqualTo(MerkleHasher.hashChildren(left, right));
        assertThat(MerkleHasher.hashChildren(right, left)).isNotEqualTo(MerkleHasher.hashChildren(left, right));
    }

    private static List<Sha256> leafHashes() {
        List<Sha256> hashes = new ArrayList<>();
        for (String[] v : all("leaf")) {
            hashes.add(MerkleHasher.hashLeaf(Vectors.bytes(v[1])));
        }
        assertThat(hashes).hasSize(8);
        return hashes;
    }

    private static Sha256 root(TreeSize size) {
        for (String[] v : all("root")) {
            if (Long.parseLong(v[1]) == size.value()) {
                return Sha256.fromHex(v[2]);
            }
        }
        throw new AssertionError("no root vector for size " + size);
    }

    private static List<String[]> all(String kind) {
        return Vectors.lines(FILE).stream().filter(v -> v[0].equals(kind)).toList();
    }

    private static String[] single(String kind) {
        List<String[]> matches = all(kind);
        assertThat(matches).hasSize(1);
        return matches.get(0);
    }
}
