package org.vrs.ledger;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs a checkpoint of the committed tree whenever it grew, checking at a fixed interval (half a
 * second by default, so a new leaf is covered by a signed checkpoint within about a second).
 * Reads only committed rows, so every instance may run it: a database lock and the size check make
 * the stored checkpoints strictly grow, whichever instance signs.
 */
final class CheckpointSigner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSigner.class);

    private final LedgerStore store;
    private final LedgerSigningKey key;
    private final String origin;
    private final Duration interval;
    private final TransactionTemplate transactions;
    private ScheduledExecutorService scheduler;
    private long reportedShrinkAt = -1;

    CheckpointSigner(LedgerStore store, LedgerSigningKey key, String origin, Duration interval, TransactionTemplate transactions) {
        this.store = store;
        this.key = key;
        this.origin = origin;
        this.interval = interval;
        this.transactions = transactions;
        new Checkpoint(origin, new TreeHead(TreeSize.EMPTY, MerkleHasher.emptyRoot())); // refuses a bad origin at start
    }

    /** Signs the current tree if it is larger than the last checkpoint; returns what it signed. */
    Optional<SignedCheckpoint> signIfGrown() {
        return transactions.execute(status -> {
            store.lockCheckpoints();
            long last = store.latestCheckpoint().map(c -> c.size().value()).orElse(0L);
            TreeSize size = store.treeSize();
            if (size.value() < last) {
                reportShrink(size, last);
                return Optional.empty();
            }
            if (size.value() == last) {
                return Optional.empty();
            }
            TreeHead head = new TreeHead(size, new TreeReader(store).root(size));
            SignedCheckpoint signed = key.sign(new Checkpoint(origin, head));
            store.insertCheckpoint(signed);
            return Optional.of(signed);
        });
    }

    private void reportShrink(TreeSize size, long last) {
        if (reportedShrinkAt != size.value()) {
            reportedShrinkAt = size.value();
            log.error("LEDGER INTEGRITY: the log holds {} leaves but a checkpoint of size {} was signed: leaves were "
                    + "removed; no smaller checkpoint will be signed (run verify)", size, last);
        }
    }

    private void tick() {
        try {
            signIfGrown();
        } catch (RuntimeException e) {
            log.warn("could not sign a ledger checkpoint, will retry: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ledger-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
