package io.bouncelens.server.intake;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
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
    /** Per mailbox the IMAP intake reads, by its URL (without the password, which is never in it). */
    private final Map<String, MailboxCounters> mailboxes = new ConcurrentSkipListMap<>();
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

    /** The counters of a mailbox the IMAP intake reads, made at its first mention. */
    public MailboxCounters mailbox(String name) {
        return mailboxes.computeIfAbsent(name, n -> new MailboxCounters());
    }

    /** Every mailbox read, by name, in name order. */
    public Map<String, MailboxCounters> mailboxes() {
        return Collections.unmodifiableMap(mailboxes);
    }

    void stored(int records, int suppressed, boolean diagnoseFailed) {
        messagesStored.increment();
        recordsStored.add(records);
        suppressionsAdded.add(suppressed);
        if (diagnoseFailed) diagnoseFailures.increment();
    }
}
