package io.bouncelens.server.imap;

import io.bouncelens.server.intake.BounceIntake;
import io.bouncelens.server.intake.IntakeCounters;
import io.bouncelens.server.store.IncomingMessage;
import io.bouncelens.server.store.MailboxCursor;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads the bounces that land in a mailbox, for a sender whose Return-Path leads to an IMAP
 * server (a Microsoft 365 or Gmail mailbox) rather than to {@code bouncelens serve}'s SMTP port.
 * Every interval it opens the folder read-only, takes the messages whose UID is past the
 * folder's cursor, and stores each with its records as the SMTP intake does; the cursor moves in
 * the same transaction, so a message is stored once even across a crash or restart. The mailbox
 * is never changed: no flag is set and nothing is moved, so people and other programs can keep
 * using it. A message over the size limit is skipped with a line on stderr. One thread.
 */
public final class ImapIntake implements AutoCloseable {

    /** Messages stored per connection; a longer backlog is read in further passes straight after. */
    static final int BATCH = 200;

    private final ImapMailbox mailbox;
    private final BounceIntake intake;
    private final int maxMessageBytes;
    private final IntakeCounters counters;
    private final ScheduledExecutorService timer;
    private volatile boolean closed;

    public ImapIntake(ImapMailbox mailbox, BounceIntake intake, int maxMessageBytes, IntakeCounters counters) {
        this.mailbox = mailbox;
        this.intake = intake;
        this.maxMessageBytes = maxMessageBytes;
        this.counters = counters;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bouncelens-imap");
            t.setDaemon(true);
            return t;
        });
    }

    /** Reads the folder now and then every interval, until closed. */
    public void start() {
        counters.imapReading(mailbox.describe());
        timer.scheduleWithFixedDelay(this::read, 0, mailbox.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One reading: passes over the folder until its backlog is read; a failure is one line on stderr. */
    void read() {
        try {
            while (!closed && pass() == BATCH) {
                // a backlog: the next batch straight away
            }
            counters.imapSucceeded(mailbox.describe(), System.currentTimeMillis() / 1000);
        } catch (MessagingException | IOException | RuntimeException e) {
            counters.imapFailed.increment();
            System.err.println("bouncelens: IMAP " + mailbox.describe() + ": " + ImapConnection.describe(e, mailbox));
        } finally {
            counters.imapReadings.increment();
        }
    }

    /** Connects, stores up to {@link #BATCH} messages past the cursor, and says how many it took. */
    int pass() throws MessagingException, IOException {
        try (ImapConnection imap = ImapConnection.open(mailbox)) {
            long validity = imap.uidValidity();
            MailboxCursor known = intake.store().mailboxCursor(mailbox.describe())
                    .filter(c -> c.uidValidity() == validity).orElse(null);
            // a first reading starts at --imap-since's day when given, not at the folder's oldest message
            MailboxCursor cursor = known != null ? known : new MailboxCursor(mailbox.describe(), validity,
                    mailbox.since() == null ? 0 : imap.lastUidBefore(mailbox.since()));
            int taken = 0;
            for (Message m : imap.after(cursor.lastUid(), BATCH)) {
                if (closed) break;
                long uid = imap.uid(m);
                cursor = cursor.after(uid);
                ImapConnection.Raw raw = m.getSize() > maxMessageBytes ? null : imap.raw(m, maxMessageBytes);
                if (raw == null || raw.truncated()) {
                    intake.store().passInMailbox(cursor);
                    counters.imapTooLarge.increment();
                    System.err.println("bouncelens: IMAP " + mailbox.describe() + ": message UID " + uid
                            + " skipped: over the size limit of " + maxMessageBytes + " bytes");
                } else if (intake.accept(new IncomingMessage("imap", "", List.of(mailbox.user()), raw.bytes()), cursor) != null) {
                    counters.imapAccepted.increment();
                } else {
                    counters.imapTakenElsewhere.increment(); // another server on this store read it first
                }
                taken++;
            }
            return taken;
        }
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdown();
        try {
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) timer.shutdownNow();
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
