package io.bouncelens.decode.vendor;

import io.bouncelens.Reason;
import io.bouncelens.decode.DeliveryStatus;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.Headers;
import io.bouncelens.decode.ParsedMessage;
import io.bouncelens.decode.SmtpText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Postfix's "Undelivered Mail Returned to Sender": after "The mail system", one paragraph per
 * address, {@code <addr>: host mx[ip] said: 550 ... (in reply to RCPT TO command)}. Its
 * delivery-status part often leaves out the SMTP step, which only this text names. Postfix returns
 * a message with a 4.x.x status only when the message outlived its queue lifetime: expired.
 */
public final class Postfix implements VendorFormat {

    @Override
    public String name() {
        return "postfix";
    }

    private static final String MAIL_SYSTEM_AT = "This is the mail system at host";
    private static final String PROGRAM_AT = "This is the Postfix program at host";
    private static final String MAIL_SYSTEM = "The mail system";
    private static final String SORRY = "I'm sorry to have to inform you";
    /**
     * Postfix's SMTP client writes these in English whatever language the bounce template is in
     * (sites translate the text around them: "Ihre Nachricht konnte ... nicht zugestellt werden").
     */
    private static final String RCPT_REPLY = "(in reply to RCPT TO command)";
    private static final String DATA_REPLY = "(in reply to end of DATA command)";
    private static final String MAIL_REPLY = "(in reply to MAIL FROM command)";
    /** Postfix's own field in the RFC 3464 part recognises its reports whatever the text says. */
    private static final String QUEUE_ID = "X-Postfix-Queue-ID";
    private static final Signature SIGNATURE = Signature.inText(MAIL_SYSTEM_AT, PROGRAM_AT, MAIL_SYSTEM, SORRY,
                    RCPT_REPLY, DATA_REPLY, MAIL_REPLY)
            .orDeliveryStatusField(QUEUE_ID);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        if (text.contains(MAIL_SYSTEM_AT) || text.contains(PROGRAM_AT)) return true;
        if (text.contains(MAIL_SYSTEM) && text.contains(SORRY)) return true;
        if (text.contains(RCPT_REPLY) || text.contains(DATA_REPLY) || text.contains(MAIL_REPLY)) return true;
        DeliveryStatus dsn = message.deliveryStatus();
        return dsn != null && dsn.perMessage().has(QUEUE_ID);
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        Map<String, Finding> out = new LinkedHashMap<>();
        // the delay template: "# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #"
        boolean warning = text.findAny(0, "This is a warning message only", "THIS IS A WARNING ONLY", "(still being retried)") >= 0
                || message.subject().contains("(still being retried)");
        for (int i = 0; i < text.size() && out.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
            String line = text.line(i);
            int[] head = head(line);
            if (head == null) continue;
            String address = line.substring(head[0], head[1]);
            int j = i + 1;
            StringBuilder said = new StringBuilder(line.substring(head[2]).strip());
            // The paragraph runs to the blank line: Postfix indents its continuation lines, but
            // relays that re-wrap the text do not, and the "(in reply to ... command)" is often there.
            while (j < text.size() && !text.isBlank(j) && head(text.line(j)) == null) {
                said.append(' ').append(text.line(j).strip());
                j++;
            }
            Finding f = finding(address, said.toString());
            if (warning) f = f.delayed();
            out.putIfAbsent(address.toLowerCase(Locale.ROOT), f);
            i = j - 1;
        }
        localProgramFailures(message.deliveryStatus(), out);
        expiredFromStatus(message.deliveryStatus(), out);
        return Finding.toRecipients(new ArrayList<>(out.values()));
    }

    /** {@code <addr>: ...} or {@code <addr> (expanded from <alias>): ...} at the start of a line. */
    private static int[] head(String line) {
        if (!line.startsWith("<")) return null;
        int close = line.indexOf('>');
        if (close < 0) return null;
        String address = AddressScanner.first(line.substring(1, close));
        if (address == null || address.length() != close - 1) return null;
        int rest = close + 1;
        if (line.startsWith(" (expanded from ", rest)) {
            int end = line.indexOf("):", rest);
            if (end < 0) return null;
            rest = end + 1;
        }
        if (rest >= line.length() || line.charAt(rest) != ':') return null;
        return new int[]{1, close, rest + 1};
    }

    static Finding finding(String address, String said) {
        String text = said;
        String command = null;
        int reply = text.lastIndexOf("(in reply to ");
        if (reply >= 0) {
            int end = text.indexOf(')', reply);
            String step = text.substring(reply + 13, end < 0 ? text.length() : end).toUpperCase(Locale.ROOT);
            command = step.startsWith("RCPT") ? "RCPT" : step.startsWith("MAIL") ? "MAIL"
                    : step.contains("DATA") ? "DATA" : step.startsWith("HELO") ? "HELO" : step.startsWith("EHLO") ? "EHLO"
                    : step.startsWith("STARTTLS") ? "STARTTLS" : null;
            text = (text.substring(0, reply) + (end < 0 ? "" : text.substring(end + 1))).strip();
        }
        String host = null;
        int saidAt = text.indexOf(" said: ");
        int refusedAt = text.indexOf(REFUSED_TO_TALK);
        if (text.startsWith("host ") && saidAt > 0) {
            host = bracketless(text.substring(5, saidAt));
            text = text.substring(saidAt + 7).strip();
        } else if (text.startsWith("host ") && refusedAt > 0) {
            // the server's greeting was a refusal: no command was sent yet
            host = bracketless(text.substring(5, refusedAt));
            text = text.substring(refusedAt + REFUSED_TO_TALK.length()).strip();
            if (command == null) command = "CONN";
        } else if (text.startsWith("connect to ")) {
            int colon = text.indexOf(':', 11);
            host = bracketless(text.substring(11, colon < 0 ? text.length() : colon));
            if (command == null) command = "CONN";
        } else {
            // "lost connection with mx[ip] while ...", "conversation with mx[ip] timed out while ...":
            // the sentence is all the diagnostic there is; only the host is taken out of it
            host = SmtpText.bracketedHost(text);
        }
        return Finding.of(address, text).withCommand(command).withHost(host);
    }

    private static final String REFUSED_TO_TALK = " refused to talk to me: ";

    /** {@code mx.example.com[192.0.2.1]} to {@code mx.example.com}. */
    private static String bracketless(String hostAndIp) {
        int bracket = hostAndIp.indexOf('[');
        String h = (bracket > 0 ? hostAndIp.substring(0, bracket) : hostAndIp).strip();
        return HostNames.looksLikeHost(h) ? h : null;
    }

    /**
     * {@code Diagnostic-Code: x-unix; ...}: Postfix handed the message to a local program (a pipe,
     * procmail) and this is what the program said; the program failed, not the queue or a remote
     * server, so the format itself says mailer error (the program's words may still name a reason).
     */
    private static void localProgramFailures(DeliveryStatus dsn, Map<String, Finding> out) {
        if (dsn == null) return;
        for (Headers g : dsn.perRecipient()) {
            String diagnostic = g.first("Diagnostic-Code");
            String action = g.first("Action");
            String recipient = AddressScanner.first(g.firstOf("Final-Recipient", "Original-Recipient"));
            if (diagnostic == null || recipient == null || action == null) continue;
            if (!diagnostic.strip().toLowerCase(Locale.ROOT).startsWith("x-unix")) continue;
            if (!action.strip().toLowerCase(Locale.ROOT).startsWith("failed")) continue;
            String key = recipient.toLowerCase(Locale.ROOT);
            Finding f = out.get(key);
            if (f == null) f = Finding.of(recipient, diagnostic.substring(diagnostic.indexOf(';') + 1).strip());
            out.put(key, f.withHint(Reason.MAILERERROR));
        }
    }

    /**
     * Postfix gives up with a 4.x.x status only when the queue lifetime ran out. Only when its last
     * attempt got no answer (a timeout, a refused connection) is that all there is to say; a remote
     * server's own 4xx/5xx words are the better reason and stay the classifier's to read. So is a
     * connection lost mid-session (X.4.2, "bad connection" in RFC 3463): the server was reached,
     * and the network between failed.
     */
    private static void expiredFromStatus(DeliveryStatus dsn, Map<String, Finding> out) {
        if (dsn == null) return;
        for (Headers g : dsn.perRecipient()) {
            String action = g.first("Action");
            String status = g.first("Status");
            String recipient = AddressScanner.first(g.firstOf("Final-Recipient", "Original-Recipient"));
            if (action == null || status == null || recipient == null) continue;
            if (!action.strip().toLowerCase(Locale.ROOT).startsWith("failed") || !status.strip().startsWith("4.")) continue;
            if (status.strip().equals("4.4.2")) continue;
            String key = recipient.toLowerCase(Locale.ROOT);
            Finding f = out.get(key);
            if (f == null) f = Finding.of(recipient, g.first("Diagnostic-Code"));
            if (f.replyCode() != null || f.diagnostic() == null || f.hint() != null) continue;
            out.put(key, f.withHint(Reason.EXPIRED));
        }
    }
}
