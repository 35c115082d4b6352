package io.bouncelens.server.smtp;

import io.bouncelens.server.intake.BounceIntake;
import io.bouncelens.server.intake.IntakeCounters;
import io.bouncelens.server.store.IncomingMessage;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.Session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One SMTP transaction. {@link #data} returns (and subethasmtp answers 250) only after the message
 * and its records are committed; any failure to store answers 451 so the sender keeps the bounce
 * and tries again.
 */
final class BounceMessageHandler implements MessageHandler {

    private final BounceIntake intake;
    private final RecipientDomains domains;
    private final int maxMessageBytes;
    private final IntakeCounters counters;
    private final MessageContext context;
    private String mailFrom = "";
    private final List<String> recipients = new ArrayList<>();

    BounceMessageHandler(BounceIntake intake, RecipientDomains domains, int maxMessageBytes, IntakeCounters counters,
                         MessageContext context) {
        this.context = context;
        this.intake = intake;
        this.domains = domains;
        this.maxMessageBytes = maxMessageBytes;
        this.counters = counters;
    }

    @Override
    public void from(String from) {
        // Bounces come with the null reverse path (MAIL FROM:<>), which subethasmtp hands over as "".
        mailFrom = from == null ? "" : from;
    }

    @Override
    public void recipient(String recipient) throws RejectException {
        if (!domains.accepts(recipient)) {
            counters.smtpRejected.increment();
            throw new RejectException(550, "5.7.1 <" + recipient + ">: this server takes bounces only for its own domains");
        }
        if (recipients.size() >= 100) throw new RejectException(452, "4.5.3 Too many recipients");
        recipients.add(recipient);
    }

    @Override
    public String data(InputStream data) throws RejectException, IOException {
        byte[] raw = readLimited(data);
        if (raw == null) {
            counters.smtpTooLarge.increment();
            endTransaction();
            throw new RejectException(552, "5.3.4 Message exceeds the size limit of " + maxMessageBytes + " bytes");
        }
        try {
            intake.accept(new IncomingMessage("smtp", mailFrom, recipients, withReceivedLine(raw)));
        } catch (RuntimeException e) {
            counters.smtpFailed.increment();
            System.err.println("bouncelens: could not store a message from SMTP: " + e.getMessage());
            endTransaction();
            throw new RejectException(451, "4.3.0 Could not store the message; try again later");
        }
        counters.smtpAccepted.increment();
        if (context instanceof Session session && session.isTLSStarted()) counters.smtpAcceptedOverTls.increment();
        return "2.6.0 Stored";
    }

    /** The message as stored: this server's trace line first (see {@link ReceivedLine}), then the bytes as sent. */
    private byte[] withReceivedLine(byte[] raw) {
        Session session = context instanceof Session s ? s : null;
        byte[] line = ReceivedLine.of(context.getHelo().orElse(null), context.getRemoteAddress(),
                session == null ? null : session.getSocket(), SmtpIntake.HOST_NAME, context.getSessionId(),
                recipients.size() == 1 ? recipients.get(0) : null, ZonedDateTime.now(ZoneOffset.UTC));
        byte[] stored = Arrays.copyOf(line, line.length + raw.length);
        System.arraycopy(raw, 0, stored, line.length, raw.length);
        return stored;
    }

    /**
     * Reads the whole message, or null when it is over the limit. Over the limit the rest is read
     * and dropped, so the client's data does not end up being read as commands.
     */
    private byte[] readLimited(InputStream data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxMessageBytes, 64 * 1024));
        byte[] buffer = new byte[16 * 1024];
        boolean over = false;
        int n;
        while ((n = data.read(buffer)) != -1) {
            if (over) continue;
            if (out.size() + n > maxMessageBytes) {
                over = true;
                out = null;
                continue;
            }
            out.write(buffer, 0, n);
        }
        return over ? null : out.toByteArray();
    }

    /**
     * A reply to DATA ends the mail transaction (RFC 5321 section 4.1.1.4), but subethasmtp resets it
     * only after a 250; without this the sender's next MAIL FROM would get "503 Sender already specified".
     */
    private void endTransaction() {
        if (context instanceof Session session) session.resetMailTransaction();
    }

    @Override
    public void done() {
    }
}
