package io.bouncelens.server.imap;

import io.bouncelens.server.intake.BounceIntake;
import io.bouncelens.server.intake.IntakeCounters;
import io.bouncelens.server.store.IncomingMessage;
import io.bouncelens.server.store.MailboxCursor;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
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
    private static final int CONNECT_TIMEOUT_MS = 30_000;
    private static final int READ_TIMEOUT_MS = 120_000;

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
        timer.scheduleWithFixedDelay(this::read, 0, mailbox.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One reading: passes over the folder until its backlog is read; a failure is one line on stderr. */
    void read() {
        try {
            while (!closed && pass() == BATCH) {
                // a backlog: the next batch straight away
            }
            counters.imapLastSuccess.set(System.currentTimeMillis() / 1000);
        } catch (MessagingException | IOException | RuntimeException e) {
            counters.imapFailed.increment();
            System.err.println("bouncelens: IMAP " + mailbox.describe() + ": " + oneLine(e));
        } finally {
            counters.imapReadings.increment();
        }
    }

    /** Connects, stores up to {@link #BATCH} messages past the cursor, and says how many it took. */
    int pass() throws MessagingException, IOException {
        Session session = Session.getInstance(properties());
        try (Store store = session.getStore(mailbox.tls() ? "imaps" : "imap")) {
            store.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.login().current());
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_ONLY);
            try {
                return take((UIDFolder) folder, folder);
            } finally {
                if (folder.isOpen()) folder.close(false);
            }
        }
    }

    private int take(UIDFolder uids, Folder folder) throws MessagingException, IOException {
        long validity = uids.getUIDValidity();
        MailboxCursor cursor = intake.store().mailboxCursor(mailbox.describe())
                .filter(c -> c.uidValidity() == validity)
                .orElse(new MailboxCursor(mailbox.describe(), validity, 0));
        Message[] after = uids.getMessagesByUID(cursor.lastUid() + 1, UIDFolder.MAXUID);
        Message[] batch = Arrays.copyOf(after, Math.min(after.length, BATCH));
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        folder.fetch(batch, profile);
        int taken = 0;
        for (Message m : batch) {
            if (closed) break;
            long uid = uids.getUID(m);
            if (uid <= cursor.lastUid()) continue; // "n:*" names the last message even below n
            cursor = cursor.after(uid);
            byte[] raw = m.getSize() > maxMessageBytes ? null : rawBytes(m);
            if (raw == null) {
                intake.store().passInMailbox(cursor);
                counters.imapTooLarge.increment();
                System.err.println("bouncelens: IMAP " + mailbox.describe() + ": message UID " + uid
                        + " skipped: over the size limit of " + maxMessageBytes + " bytes");
            } else if (intake.accept(new IncomingMessage("imap", "", List.of(mailbox.user()), raw), cursor) != null) {
                counters.imapAccepted.increment();
            } else {
                counters.imapTakenElsewhere.increment(); // another server on this store read it first
            }
            taken++;
        }
        return taken;
    }

    /** The message as the server keeps it, or null when it is over the size limit after all. */
    private byte[] rawBytes(Message m) throws MessagingException, IOException {
        Limited out = new Limited(maxMessageBytes);
        try {
            m.writeTo(out); // the server's bytes, fetched with BODY.PEEK[] (no \Seen set)
        } catch (Limited.Over over) {
            return null;
        }
        return out.bytes.toByteArray();
    }

    private Properties properties() {
        Properties p = new Properties();
        String protocol = mailbox.tls() ? "imaps" : "imap";
        p.setProperty("mail." + protocol + ".connectiontimeout", String.valueOf(CONNECT_TIMEOUT_MS));
        p.setProperty("mail." + protocol + ".timeout", String.valueOf(READ_TIMEOUT_MS));
        p.setProperty("mail." + protocol + ".peek", "true");
        p.setProperty("mail." + protocol + ".fetchsize", String.valueOf(1024 * 1024));
        if (mailbox.login().oauth()) p.setProperty("mail." + protocol + ".auth.mechanisms", "XOAUTH2");
        if (mailbox.tls()) {
            p.setProperty("mail.imaps.ssl.checkserveridentity", "true");
        } else if (!mailbox.onThisMachine()) {
            // a password must not cross the network in clear
            p.setProperty("mail.imap.starttls.enable", "true");
            p.setProperty("mail.imap.starttls.required", "true");
            p.setProperty("mail.imap.ssl.checkserveridentity", "true");
        }
        return p;
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e.getCause() != null && e.getCause().getMessage() != null && !m.contains(e.getCause().getMessage())) {
            m = m + ": " + e.getCause().getMessage();
        }
        m = m.replace('\r', ' ').replace('\n', ' ');
        return m.length() > 300 ? m.substring(0, 300) : m;
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

    /** Collects bytes up to a limit and stops the writer past it. */
    private static final class Limited extends OutputStream {
        static final class Over extends IOException {
            Over() {
                super("over the size limit", null);
            }
        }

        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int max;

        Limited(int max) {
            this.max = max;
        }

        @Override
        public void write(int b) throws IOException {
            if (bytes.size() + 1 > max) throw new Over();
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (bytes.size() + len > max) throw new Over();
            bytes.write(b, off, len);
        }
    }
}
