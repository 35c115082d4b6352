package io.bouncelens.server.intake;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters the intake paths update and /metrics reports. */
public final class IntakeCounters {

    public final LongAdder smtpAccepted = new LongAdder();
    public final LongAdder smtpRejected = new LongAdder();
    public final LongAdder smtpTooLarge = new LongAdder();
    public final LongAdder smtpFailed = new LongAdder();
    public final LongAdder smtpAcceptedOverTls = new LongAdder();
    /** SMTP sessions refused because their address already had as many as allowed. */
    public final LongAdder smtpRefusedPerAddress = new LongAdder();
    /** SMTP sessions from a load balancer closed because their PROXY protocol header was missing or malformed. */
    public final LongAdder smtpRefusedProxyHeader = new LongAdder();
    /** Epoch seconds when the certificate STARTTLS presents runs out, asked at each scrape; 0 without TLS. */
    public volatile java.util.function.LongSupplier smtpCertificateExpiry = () -> 0;
    public final LongAdder imapAccepted = new LongAdder();
    public final LongAdder imapTooLarge = new LongAdder();
    public final LongAdder imapTakenElsewhere = new LongAdder();
    public final LongAdder imapFailed = new LongAdder();
    public final LongAdder imapReadings = new LongAdder();
    /** Per mailbox read, epoch seconds of its last reading that got through; 0 before the first. */
    private final Map<String, Long> imapLastSuccess = new ConcurrentHashMap<>();
    public final LongAdder messagesStored = new LongAdder();
    public final LongAdder recordsStored = new LongAdder();
    public final LongAdder suppressionsAdded = new LongAdder();
    public final LongAdder diagnoseFailures = new LongAdder();
    /** Suppression-list changes the webhooks answered 2xx to, and posts that failed. */
    public final LongAdder webhookChangesDelivered = new LongAdder();
    public final LongAdder webhookFailures = new LongAdder();
    /** Changes the slowest webhook has not taken yet; null without webhooks (the gauge is then absent). */
    public volatile java.util.function.LongSupplier webhookPending;
    /** Messages removed by serve --retain-days. */
    public final AtomicLong retentionPruned = new AtomicLong();

    /** A mailbox the IMAP intake reads; until its first reading gets through it holds the gauge at 0. */
    public void imapReading(String mailbox) {
        imapLastSuccess.putIfAbsent(mailbox, 0L);
    }

    public void imapSucceeded(String mailbox, long epochSeconds) {
        imapLastSuccess.put(mailbox, epochSeconds);
    }

    /**
     * When the mailbox read least recently got through (the oldest of their last successes), so
     * that one alert on its age covers every mailbox; 0 when one has not got through yet or none is read.
     */
    public long imapLastSuccess() {
        return imapLastSuccess.values().stream().mapToLong(Long::longValue).min().orElse(0);
    }

    /** Whether any mailbox is read: without one there is no last success to report (nor to alert on). */
    public boolean readsMailboxes() {
        return !imapLastSuccess.isEmpty();
    }

    void stored(int records, int suppressed, boolean diagnoseFailed) {
        messagesStored.increment();
        recordsStored.add(records);
        suppressionsAdded.add(suppressed);
        if (diagnoseFailed) diagnoseFailures.increment();
    }
}
