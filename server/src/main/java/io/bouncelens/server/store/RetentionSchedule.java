package io.bouncelens.server.store;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code serve --retain-days}: prunes the store at start and every hour after, so nothing is kept
 * much longer than asked without a cron job beside the server. A failed pruning is one line on
 * stderr and is tried again at the next hour; the server goes on either way.
 */
public final class RetentionSchedule implements AutoCloseable {

    static final Duration EVERY = Duration.ofHours(1);

    private final BounceStore store;
    private final Duration keep;
    private final Clock clock;
    private final AtomicLong prunedMessages;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bouncelens-retention");
        t.setDaemon(true);
        return t;
    });

    /** @param prunedMessages counts the messages removed, for /metrics */
    public RetentionSchedule(BounceStore store, Duration keep, Clock clock, AtomicLong prunedMessages) {
        this.store = store;
        this.keep = keep;
        this.clock = clock;
        this.prunedMessages = prunedMessages;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::pruneOnce, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    void pruneOnce() {
        try {
            long before = clock.instant().minus(keep).toEpochMilli();
            BounceStore.Pruned p = store.pruneBefore(before);
            prunedMessages.addAndGet(p.messages());
            if (p.messages() > 0 || p.changes() > 0) {
                System.err.println("bouncelens: retention: pruned " + p.messages() + " messages, " + p.records()
                        + " records and " + p.changes() + " journal changes older than " + keep.toDays() + " days");
            }
        } catch (RuntimeException e) {
            System.err.println("bouncelens: retention: pruning failed, tried again in an hour: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS); // a batch in flight commits or rolls back first
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
