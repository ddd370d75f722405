package org.vrs.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Size of a {@code verify --state} file and the time to save and read it, by the number of files
 * whose back-link heads it carries (one per file seen so far, whatever the number of events). For
 * {@code docs/ledger.md}; not part of {@code mvn verify}. Run with
 * {@code mvn -B -Pbench test -Dtest=VerifyStateBenchmark}.
 */
@Tag("benchmark")
class VerifyStateBenchmark {

    @TempDir
    Path root;

    @Test
    void stateFileSizeAndSaveTimeByFileCount() throws Exception {
        long leaves = 1_000_000;
        List<Sha256> frontier = new ArrayList<>();
        for (int i = 0; i < Long.bitCount(leaves); i++) {
            frontier.add(Sha256.digest(new byte[] {(byte) i}));
        }
        for (int files : new int[] {5_000, 100_000, 1_000_000}) {
            Map<String, VerifyState.FileHead> heads = new HashMap<>();
            for (int i = 0; i < files; i++) {
                heads.put(UUID.randomUUID().toString(), new VerifyState.FileHead(i % 200, Sha256.digest(new byte[] {(byte) i, (byte) (i >> 8)})));
            }
            VerifyState state = new VerifyState(Sha256.ZERO, Sha256.ZERO, leaves, Sha256.ZERO, frontier, leaves - 6, heads);
            Path file = root.resolve("state-" + files);
            long[] save = new long[5];
            long[] read = new long[5];
            for (int run = 0; run < save.length; run++) {
                long t0 = System.nanoTime();
                state.write(file);
                long t1 = System.nanoTime();
                VerifyState back = VerifyState.read(file);
                long t2 = System.nanoTime();
                if (back.files.size() != files) {
                    throw new AssertionError("read back " + back.files.size() + " files");
                }
                save[run] = t1 - t0;
                read[run] = t2 - t1;
            }
            Arrays.sort(save);
            Arrays.sort(read);
            System.out.printf("BENCHMARK verify state: %,d leaves, %,d files: %,d bytes (%.1f bytes/file), save median %.1f ms,"
                            + " read median %.1f ms (5 runs)%n", leaves, files, Files.size(file),
                    (double) Files.size(file) / files, save[2] / 1e6, read[2] / 1e6);
        }
    }
}
