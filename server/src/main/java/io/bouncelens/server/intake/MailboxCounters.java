package io.bouncelens.server.intake;

import java.util.concurrent.atomic.LongAdder;

/** What the IMAP intake counts for one mailbox; /metrics labels each series with the mailbox. */
public final class MailboxCounters {

    public final LongAdder accepted = new LongAdder();
    public final LongAdder tooLarge = new LongAdder();
    /** Messages another server on the same store stored first. */
    public final LongAdder takenElsewhere = new LongAdder();
    public final LongAdder readings = new LongAdder();
    public final LongAdder failedReadings = new LongAdder();
    /** Epoch seconds of the last reading that got through; 0 before the first. */
    private volatile long lastSuccess;

    public void succeeded(long epochSeconds) {
        lastSuccess = epochSeconds;
    }

    public long lastSuccess() {
        return lastSuccess;
    }
}
