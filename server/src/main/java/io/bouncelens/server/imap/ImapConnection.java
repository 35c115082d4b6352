package io.bouncelens.server.imap;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.Properties;

/**
 * One read-only session on a mailbox folder: logged in (password or XOAUTH2, TLS or STARTTLS as
 * {@link ImapMailbox} says, with time limits on connecting and reading), the folder opened
 * read-only, messages fetched with {@code BODY.PEEK[]} so that none is flagged seen.
 */
public final class ImapConnection implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 30_000;
    private static final int READ_TIMEOUT_MS = 120_000;

    /** A message's bytes as the server keeps them, at most the limit; {@code truncated} when it had more. */
    public record Raw(byte[] bytes, boolean truncated) {
    }

    private final Store store;
    private final Folder folder;
    private final UIDFolder uids;

    private ImapConnection(Store store, Folder folder) {
        this.store = store;
        this.folder = folder;
        this.uids = (UIDFolder) folder;
    }

    /** Connects, logs in and opens the folder read-only. */
    public static ImapConnection open(ImapMailbox mailbox) throws MessagingException, IOException {
        Session session = Session.getInstance(properties(mailbox));
        Store store = session.getStore(mailbox.tls() ? "imaps" : "imap");
        try {
            store.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.login().current());
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_ONLY);
            return new ImapConnection(store, folder);
        } catch (MessagingException | IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * A failure to connect or read as one line, its cause included. A certificate the JDK refused
     * (not signed by a CA it trusts, or not naming the host: it says "PKIX path building failed"
     * for both) gets what to do about it.
     */
    public static String describe(Exception e, ImapMailbox mailbox) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e.getCause() != null && e.getCause().getMessage() != null && !m.contains(e.getCause().getMessage())) {
            m = m + ": " + e.getCause().getMessage();
        }
        m = m.replace('\r', ' ').replace('\n', ' ');
        if (m.length() > 300) m = m.substring(0, 300);
        if (certificateRefused(e)) {
            m = m + " (the server's certificate is not signed by a CA Java trusts, or does not name " + mailbox.host()
                    + (mailbox.trusted() == null ? "; for a server with its own certificate, give it with --imap-trust FILE)"
                    : "; --imap-trust " + mailbox.trusted() + " does not vouch for it under that name)");
        }
        return m;
    }

    private static boolean certificateRefused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateException || t instanceof java.security.cert.CertPathBuilderException
                    || t instanceof java.security.cert.CertPathValidatorException) {
                return true;
            }
        }
        return false;
    }

    public long uidValidity() throws MessagingException {
        return uids.getUIDValidity();
    }

    /**
     * The messages whose UID is above {@code uid}, oldest first, at most {@code max}, with their
     * UIDs and sizes fetched in one command. ("n:*" names the last message even when its UID is
     * below n; that one is left out.)
     */
    public Message[] after(long uid, int max) throws MessagingException {
        Message[] all = uids.getMessagesByUID(uid + 1, UIDFolder.MAXUID);
        Message[] batch = Arrays.stream(all).limit(max).toArray(Message[]::new);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        folder.fetch(batch, profile);
        return Arrays.stream(batch).filter(m -> {
            try {
                return uids.getUID(m) > uid;
            } catch (MessagingException e) {
                return false; // expunged meanwhile
            }
        }).toArray(Message[]::new);
    }

    /**
     * The highest UID of the messages that arrived before {@code day} (IMAP's SEARCH SINCE, which
     * compares dates, not times): a cursor there skips the older ones. 0 when none is older.
     */
    public long lastUidBefore(LocalDate day) throws MessagingException {
        Message[] since = folder.search(new ReceivedDateTerm(ComparisonTerm.GE,
                Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant())));
        long first = Long.MAX_VALUE;
        for (Message m : since) first = Math.min(first, uids.getUID(m));
        if (first != Long.MAX_VALUE) return first - 1;
        // nothing that recent: every message is older
        int count = folder.getMessageCount();
        return count == 0 ? 0 : uids.getUID(folder.getMessage(count));
    }

    /** Whether the server offers IDLE (RFC 2177): it can then say when a message arrives. */
    public boolean canIdle() throws MessagingException {
        return store instanceof IMAPStore imap && imap.hasCapability("IDLE");
    }

    /**
     * Waits in IDLE until the server says something about the folder (a message arrived, one was
     * removed) or {@link #stopIdle} is called from another thread.
     */
    public void idle() throws MessagingException {
        ((IMAPFolder) folder).idle(true);
    }

    /**
     * Ends an {@link #idle} under way in another thread: a command on the folder's connection
     * sends DONE first. (A NOOP through doCommand: getMessageCount, which would also do, talks to
     * the server only when the connection has been quiet for a second.)
     */
    public void stopIdle() {
        try {
            ((IMAPFolder) folder).doCommand(protocol -> {
                protocol.noop();
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            // the connection is gone, and the idle with it
        }
    }

    public long uid(Message m) throws MessagingException {
        return uids.getUID(m);
    }

    /** The message's bytes up to {@code max}. */
    public Raw raw(Message m, int max) throws MessagingException, IOException {
        Limited out = new Limited(max);
        try {
            m.writeTo(out);
        } catch (Limited.Over over) {
            return new Raw(out.bytes.toByteArray(), true);
        }
        return new Raw(out.bytes.toByteArray(), false);
    }

    private static Properties properties(ImapMailbox mailbox) {
        Properties p = new Properties();
        String protocol = mailbox.tls() ? "imaps" : "imap";
        p.setProperty("mail." + protocol + ".connectiontimeout", String.valueOf(CONNECT_TIMEOUT_MS));
        p.setProperty("mail." + protocol + ".timeout", String.valueOf(READ_TIMEOUT_MS));
        p.setProperty("mail." + protocol + ".peek", "true");
        p.setProperty("mail." + protocol + ".fetchsize", String.valueOf(1024 * 1024));
        if (mailbox.login().oauth()) p.setProperty("mail." + protocol + ".auth.mechanisms", "XOAUTH2");
        boolean startTls = !mailbox.tls() && (!mailbox.onThisMachine() || mailbox.trusted() != null);
        if (startTls) {
            // a password must not cross the network in clear
            p.setProperty("mail.imap.starttls.enable", "true");
            p.setProperty("mail.imap.starttls.required", "true");
        }
        if (mailbox.tls() || startTls) {
            p.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
            if (mailbox.trusted() != null) p.put("mail." + protocol + ".ssl.socketFactory", mailbox.trusted().socketFactory());
        }
        return p;
    }

    @Override
    public void close() throws MessagingException {
        try {
            if (folder.isOpen()) folder.close(false);
        } finally {
            store.close();
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
            int room = max - bytes.size();
            if (len > room) {
                bytes.write(b, off, Math.max(room, 0)); // the start is kept, as a file's is
                throw new Over();
            }
            bytes.write(b, off, len);
        }
    }
}
