package io.bouncelens.server.imap;

import io.bouncelens.server.intake.BounceIntake;
import io.bouncelens.server.intake.IntakeCounters;
import io.bouncelens.server.intake.MailboxCounters;
import io.bouncelens.server.store.IncomingMessage;
import io.bouncelens.server.store.MailboxCursor;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads the bounces that land in a mailbox, for a sender whose Return-Path leads to an IMAP
 * server (a Microsoft 365 or Gmail mailbox) rather than to {@code bouncelens serve}'s SMTP port.
 * Every interval it opens the folder read-only, takes the messages whose UID is past the
 * folder's cursor, and stores each with its records as the SMTP intake does; the cursor moves in
 * the same transaction, so a message is stored once even across a crash or restart. The mailbox
 * is never changed: no flag is set and nothing is moved, so people and other programs can keep
 * using it. A message over the size limit is skipped with a line on stderr.
 *
 * <p>Between two readings it waits for news rather than only for the interval: when the server
 * offers IDLE (RFC 2177; Gmail, Microsoft 365, Dovecot and Courier do), the reading's session idles
 * on the folder and the next reading starts, on the same session, as soon as the server says a
 * message arrived, so a bounce is stored within seconds. An idle ends after the interval or
 * {@link #MAX_IDLE}, whichever is shorter (RFC 2177 wants one renewed within 29 minutes, and the
 * connection's read limit is two), and a reading follows in any case; a session serves at most
 * {@link #MAX_SESSION}. Without IDLE, or when the session breaks, it is closed and the intake
 * sleeps the interval as before; after a failed reading too. Two threads: the readings, and the
 * alarm that ends an idle.
 */
public final class ImapIntake implements AutoCloseable {

    /** Messages stored per pass; a longer backlog is read in further passes straight after. */
    static final int BATCH = 200;
    /** The longest one IDLE lasts: under the connection's two-minute read limit. */
    static final Duration MAX_IDLE = Duration.ofSeconds(90);
    /**
     * How long one session serves readings and idles before a new one is opened: well under an
     * OAuth access token's hour, after which Microsoft 365 ends the session it authenticated.
     */
    static final Duration MAX_SESSION = Duration.ofMinutes(20);

    private final ImapMailbox mailbox;
    private final BounceIntake intake;
    private final int maxMessageBytes;
    private final MailboxCounters counts;
    private final Thread reader;
    private final ScheduledExecutorService alarm;
    private final Object sleep = new Object();
    /** Where the last pass left off (validity and last UID looked at); null before the first. */
    private volatile MailboxCursor lastLook;
    /** The session idling now, for close() to end; null when none is. */
    private volatile ImapConnection idling;
    private volatile boolean closed;

    public ImapIntake(ImapMailbox mailbox, BounceIntake intake, int maxMessageBytes, IntakeCounters counters) {
        this.mailbox = mailbox;
        this.intake = intake;
        this.maxMessageBytes = maxMessageBytes;
        this.counts = counters.mailbox(mailbox.describe()); // listed, its last success 0, from the start
        this.reader = new Thread(this::run, "bouncelens-imap");
        reader.setDaemon(true);
        this.alarm = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bouncelens-imap-alarm");
            t.setDaemon(true);
            return t;
        });
    }

    /** Reads the folder now and then whenever news comes or the interval passes, until closed. */
    public void start() {
        reader.start();
    }

    private void run() {
        ImapConnection session = null; // kept from a reading to the idle after it, and to the next reading
        long opened = 0;
        while (!closed) {
            long start = System.nanoTime();
            try {
                if (session != null && start - opened > MAX_SESSION.toNanos()) session = closeQuietly(session);
                if (session == null) {
                    session = ImapConnection.open(mailbox);
                    opened = start;
                }
            } catch (MessagingException | IOException | RuntimeException e) {
                reportFailure(e); // a reading that could not start
                counts.readings.increment();
                sleepRest(start);
                continue;
            }
            // after a failed reading (the server away, the store down) never straight back: the interval first
            if (!read(session)) {
                session = closeQuietly(session);
                sleepRest(start);
                continue;
            }
            if (closed) break;
            if (!awaitNews(session)) {
                // no IDLE here, or the session broke while idling: a new one for the next reading
                session = closeQuietly(session);
                sleepRest(start);
            }
        }
        closeQuietly(session);
    }

    /**
     * Until the server says a message arrived, or the interval passed (see the class comment), on
     * the session the reading used; false when the server does not offer IDLE or the session broke.
     */
    private boolean awaitNews(ImapConnection imap) {
        try {
            if (!imap.canIdle()) return false;
            // a message that came since the reading's last look is news already
            if (!arrivedSinceLastReading(imap)) idle(imap);
            return true;
        } catch (MessagingException | RuntimeException e) {
            return false; // the next reading, on a new session, says what is wrong
        }
    }

    /**
     * Whether the folder holds a message past the last one the reading looked at (or was renumbered
     * since). The reading's own place, not the store's cursor: the store has none for a folder that
     * was empty at its first reading, and that must not count as news.
     */
    private boolean arrivedSinceLastReading(ImapConnection imap) throws MessagingException {
        MailboxCursor looked = lastLook;
        return looked == null || looked.uidValidity() != imap.uidValidity() || imap.after(looked.lastUid(), 1).length > 0;
    }

    private void idle(ImapConnection imap) throws MessagingException {
        Duration longest = mailbox.interval().compareTo(MAX_IDLE) < 0 ? mailbox.interval() : MAX_IDLE;
        ScheduledFuture<?> end = alarm.schedule(imap::stopIdle, longest.toMillis(), TimeUnit.MILLISECONDS);
        idling = imap;
        try {
            if (!closed) imap.idle();
        } finally {
            idling = null;
            end.cancel(false);
        }
    }

    private void sleepRest(long start) {
        long left = mailbox.interval().toNanos() - (System.nanoTime() - start);
        synchronized (sleep) {
            try {
                if (!closed && left > 0) TimeUnit.NANOSECONDS.timedWait(sleep, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }
    }

    /** One reading on {@code imap}: passes until its backlog is read; false, and one line on stderr, when it failed. */
    private boolean read(ImapConnection imap) {
        try {
            while (!closed && pass(imap) == BATCH) {
                // a backlog: the next batch straight away
            }
            counts.succeeded(System.currentTimeMillis() / 1000);
            return true;
        } catch (MessagingException | IOException | RuntimeException e) {
            reportFailure(e);
            return false;
        } finally {
            counts.readings.increment();
        }
    }

    /** A reading that failed, or could not start: counted, and one line on stderr. */
    private void reportFailure(Exception e) {
        counts.failedReadings.increment();
        System.err.println("bouncelens: IMAP " + mailbox.describe() + ": " + ImapConnection.describe(e, mailbox));
    }

    private static ImapConnection closeQuietly(ImapConnection imap) {
        if (imap == null) return null;
        try {
            imap.close();
        } catch (MessagingException | RuntimeException e) {
            // gone already
        }
        return null;
    }

    /** Stores up to {@link #BATCH} messages past the cursor, and says how many it took. */
    private int pass(ImapConnection imap) throws MessagingException, IOException {
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
                counts.tooLarge.increment();
                System.err.println("bouncelens: IMAP " + mailbox.describe() + ": message UID " + uid
                        + " skipped: over the size limit of " + maxMessageBytes + " bytes");
            } else if (intake.accept(new IncomingMessage("imap", "", List.of(mailbox.user()), raw.bytes()), cursor) != null) {
                counts.accepted.increment();
            } else {
                counts.takenElsewhere.increment(); // another server on this store read it first
            }
            taken++;
        }
        lastLook = cursor;
        return taken;
    }

    /** Stops after the message being stored, if any; an idle under way is ended. */
    @Override
    public void close() {
        closed = true;
        synchronized (sleep) {
            sleep.notifyAll();
        }
        ImapConnection now = idling;
        if (now != null) now.stopIdle();
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        alarm.shutdownNow();
    }
}
