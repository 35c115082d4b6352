package io.bouncelens.decode.vendor;

import io.bouncelens.Reason;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The body layout of qmail's "failure notice" and the services built on qmail (Yahoo, and several
 * Japanese and US providers): each failed address as {@code <addr>:} on its own line, qmail's
 * account of the attempt ("Connected to 192.0.2.1 but sender was rejected.") and the server's
 * answer after "Remote host said:", up to "--- Below this line is a copy of the message."
 */
final class QmailText {

    private static final String[] END = {
            "--- Below this line is a copy of the message", "--- Enclosed is a copy of the message",
            "--- Original message follows", "Below this line is a copy of the message",
    };

    private static final String GAVE_UP = "i'm not going to try again";

    /** qmail's account of the attempt, in order of precedence, and the SMTP step each names. */
    private static final String[][] STEPS = {
            {"failed after i sent the message", "DATA"}, {"does not like recipient", "RCPT"},
            {"sender was rejected", "MAIL"}, {"does not like sender", "MAIL"}, {"my name was rejected", "HELO"},
            {"most progress was rcpt to", "RCPT"}, {"most progress was mail from", "MAIL"},
            {"[rcpt_to]", "RCPT"}, {"[mail_from]", "MAIL"}, {"[data]", "DATA"},
            {"establish an smtp connection", "CONN"}, {"unable to connect to remote server", "CONN"},
    };

    private QmailText() {
    }

    /**
     * @param start          literals of the line after which the addresses begin
     * @param gaveUpIsExpiry whether "I'm not going to try again; this message has been in the queue
     *                       too long" means expired even when the server's words say more (the
     *                       providers that write it only after retrying a temporary failure)
     */
    static List<Finding> read(ReportText text, String[] start, boolean gaveUpIsExpiry) {
        int from = text.findAny(0, start);
        from = from < 0 ? 0 : from + 1;
        int end = text.findAny(from, END);
        if (end < 0) end = text.size();
        Map<String, Finding> out = new LinkedHashMap<>();
        for (RecipientBlocks.Block block : RecipientBlocks.read(text, from, end)) {
            out.putIfAbsent(block.recipient().toLowerCase(Locale.ROOT), finding(block.recipient(), block.text(), gaveUpIsExpiry));
        }
        return new ArrayList<>(out.values());
    }

    static Finding finding(String recipient, String block, boolean gaveUpIsExpiry) {
        String text = block;
        boolean gaveUp = false;
        int gave = ReportText.indexOfIgnoreCase(text, GAVE_UP);
        if (gave >= 0) {
            gaveUp = true;
            int stop = ReportText.indexOfIgnoreCase(text, "too long", gave);
            int cut = stop < 0 ? text.length() : Math.min(text.length(), stop + "too long.".length());
            text = (text.substring(0, gave) + text.substring(cut)).strip();
            if (text.endsWith("/")) text = text.substring(0, text.length() - 1).strip();
        }
        text = cutFrom(text, "(other mxes tried");
        text = cutFrom(text, "giving up on ");
        String lower = text.toLowerCase(Locale.ROOT);

        String framing = text;
        String said = text;
        int saidAt = ReportText.indexOfIgnoreCase(text, "remote host said");
        int saidLen = "remote host said".length();
        if (saidAt < 0) {
            saidAt = ReportText.indexOfIgnoreCase(text, " said: ");
            saidLen = " said:".length();
        }
        if (saidAt >= 0) {
            framing = text.substring(0, saidAt);
            said = text.substring(saidAt + saidLen).strip();
            // "Remote host said[Response Message]: 554 ..." and "Remote host said: ..." alike.
            int colon = said.indexOf(':');
            if (said.startsWith("[") && colon > 0) said = said.substring(colon + 1).strip();
            else if (said.startsWith(":")) said = said.substring(1).strip();
        }
        Finding f = Finding.of(recipient, said.isEmpty() ? text : said).withCommand(step(lower));
        f = f.withHost(host(text));
        boolean coded = f.replyCode() != null || f.status() != null;
        if (gaveUp && (gaveUpIsExpiry || !coded)) f = f.withHint(Reason.EXPIRED);
        return f;
    }

    private static String step(String lower) {
        for (String[] s : STEPS) {
            if (lower.contains(s[0])) return s[1];
        }
        return null;
    }

    private static String host(String text) {
        String h = HostNames.after(text, "Connected to");
        if (h == null) h = HostNames.after(text, "remote host");
        if (h == null) {
            int at = ReportText.indexOfIgnoreCase(text, " does not like ");
            if (at < 0) at = ReportText.indexOfIgnoreCase(text, " failed after i sent");
            if (at > 0) {
                int s = text.lastIndexOf(' ', at - 1);
                String token = text.substring(s + 1, at);
                if (HostNames.looksLikeHost(token)) h = token;
            }
        }
        return h;
    }

    private static String cutFrom(String text, String marker) {
        int at = ReportText.indexOfIgnoreCase(text, marker);
        return at < 0 ? text : text.substring(0, at).strip();
    }
}
