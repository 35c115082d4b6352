package io.bouncelens.decode.vendor;

import io.bouncelens.Reason;
import io.bouncelens.decode.Addresses;
import io.bouncelens.decode.DeliveryStatus;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.Headers;
import io.bouncelens.decode.InlineDeliveryStatus;
import io.bouncelens.decode.ParsedMessage;
import io.bouncelens.decode.ReturnedMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sendmail's "Returned mail" text, with or without a delivery-status part (V5 sendmail and the
 * MTAs that copied its layout): "----- The following addresses had permanent fatal errors -----"
 * and the "----- Transcript of session follows -----" with the SMTP dialogue ({@code >>> RCPT To:},
 * {@code <<< 550 ...}) and one {@code 554 <addr>... reason} line per failed address.
 */
public final class Sendmail implements VendorFormat {

    private static final String[] ADDRESSES = {
            "----- The following addresses had", "--- The following addresses had", "---The following addresses had",
    };
    private static final String TRANSCRIPT = "----- Transcript of session follows -----";
    /** Sendmail's text for a local mailer that exited EX_UNAVAILABLE. */
    private static final String GENERIC_MAILER_FAILURE = "Service unavailable";
    /** mail.local's own sentence when the local user does not exist (its getpwnam failed). */
    private static final String MAIL_LOCAL_NO_SUCH_USER = "mail.local: unknown user:";
    private static final String[] END = {
            "----- Unsent message follows -----", "----- Original message follows -----", "----- Message header follows -----",
            "----- Message body suppressed -----", "----- Returned message follows -----",
    };

    @Override
    public String name() {
        return "sendmail";
    }

    private static final String[] HEADINGS = {TRANSCRIPT, "----- Non-delivered information -----",
            "The following addresses had permanent fatal errors", "The following addresses had delivery problems",
            "The following addresses had permanent delivery errors"};
    private static final Signature SIGNATURE = Signature.inText(HEADINGS);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        for (String heading : HEADINGS) if (text.contains(heading)) return true;
        return false;
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        Map<String, Finding> out = new LinkedHashMap<>();
        Map<String, String> programs = new LinkedHashMap<>();
        for (Finding f : read(ReportText.of(message.text()), programs)) out.put(key(f.recipient()), f);
        if (!programs.isEmpty()) {
            // Sendmail without MIME writes its delivery-status fields into the text itself.
            DeliveryStatus dsn = message.deliveryStatus() != null ? message.deliveryStatus()
                    : InlineDeliveryStatus.find(message.text(), RecipientBlocks.MAX_RECIPIENTS, RecipientBlocks.MAX_RECIPIENTS);
            programFailures(dsn, programs, out);
        }
        localMailerFailures(message.deliveryStatus(), out);
        if (out.isEmpty()) hostFailures(message, out);
        return Finding.toRecipients(new ArrayList<>(out.values()));
    }

    /**
     * Old sendmail (V5) names only the host when it could not reach it:
     * {@code 421 example.com (smtp)... Deferred: Connection timed out ...}. The failed recipients
     * are then the returned message's addressees at that host's domain; "Cannot send message for
     * 4 days" in the title says it gave up.
     */
    private static void hostFailures(ParsedMessage message, Map<String, Finding> out) {
        ReportText text = ReportText.of(message.text());
        int transcript = text.find(TRANSCRIPT);
        if (transcript < 0) return;
        int end = text.findAny(transcript, END);
        if (end < 0) end = Math.min(text.size(), transcript + 30);
        for (int i = transcript + 1; i < end; i++) {
            String line = text.line(i).strip();
            int mailer = line.indexOf(" (");
            int dots = line.indexOf(")... ");
            if (line.length() < 5 || !Character.isDigit(line.charAt(0)) || line.charAt(3) != ' '
                    || mailer < 4 || dots < mailer || line.indexOf('@') >= 0) continue;
            String host = line.substring(4, mailer).strip().toLowerCase(Locale.ROOT);
            String said = line.substring(0, 4) + line.substring(dots + 5).strip();
            String subject = message.header("Subject");
            boolean gaveUp = subject != null && ReportText.indexOfIgnoreCase(subject, "Cannot send message for") >= 0;
            Headers original = message.original().isEmpty()
                    ? ReturnedMessage.pastedHeaders(message.text(), 200) : message.original();
            for (String address : Addresses.find(original.first("To"), RecipientBlocks.MAX_RECIPIENTS)) {
                String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
                if (!host.equals(domain) && !host.endsWith("." + domain)) continue;
                Finding f = Finding.ofBlock(address, said).withHost(host);
                if (gaveUp && (f.replyCode() == null || f.replyCode() < 500)) f = f.withHint(Reason.EXPIRED);
                out.putIfAbsent(key(address), f);
            }
            return;
        }
    }

    /**
     * {@code Diagnostic-Code: X-Unix; 255}: sendmail handed the message to a local program (a pipe
     * in .forward or aliases) and this is the program's exit status; the program failed, whatever
     * the status says, so the format itself says mailer error.
     */
    private static void localMailerFailures(DeliveryStatus dsn, Map<String, Finding> out) {
        if (dsn == null) return;
        for (Headers g : dsn.perRecipient()) {
            String diagnostic = g.first("Diagnostic-Code");
            if (diagnostic == null || !diagnostic.strip().toLowerCase(Locale.ROOT).startsWith("x-unix")) continue;
            String recipient = AddressScanner.first(g.firstOf("Final-Recipient", "Original-Recipient"));
            if (recipient == null) continue;
            Finding f = out.get(key(recipient));
            // The number is the program's exit status, not an SMTP reply code.
            if (f == null) f = Finding.of(recipient, diagnostic.substring(diagnostic.indexOf(';') + 1).strip()).withReplyCode(null);
            out.put(key(recipient), f.withHint(Reason.MAILERERROR));
        }
    }

    /**
     * {@code 554 "|/usr/bin/procmail ..."... Service unavailable}: sendmail's verdict on a program
     * (a pipe in .forward or aliases) names the program, not an address; the delivery-status part
     * says whose it was ({@code X-Actual-Recipient}), so the verdict goes to that recipient.
     */
    private static void programFailures(DeliveryStatus dsn, Map<String, String> programs, Map<String, Finding> out) {
        if (dsn == null) return;
        for (Headers g : dsn.perRecipient()) {
            String actual = g.first("X-Actual-Recipient");
            String recipient = AddressScanner.first(g.firstOf("Final-Recipient", "Original-Recipient"));
            if (actual == null || recipient == null || out.containsKey(key(recipient))) continue;
            int semi = actual.indexOf(';');
            String program = actual.substring(semi + 1).strip();
            for (Map.Entry<String, String> p : programs.entrySet()) {
                if (!program.startsWith(p.getKey())) continue;
                Finding f = Finding.of(recipient, p.getValue());
                String status = g.first("Status");
                if (status != null && f.status() == null) {
                    String code = status.strip();
                    int space = code.indexOf(' ');
                    f = f.withStatus(space < 0 ? code : code.substring(0, space));
                }
                out.put(key(recipient), f);
                break;
            }
        }
    }

    static List<Finding> read(ReportText text) {
        return read(text, new LinkedHashMap<>());
    }

    /** The findings of the text; verdicts on programs rather than addresses go to {@code programs}. */
    static List<Finding> read(ReportText text, Map<String, String> programs) {
        Map<String, Finding> out = new LinkedHashMap<>();
        int transcript = text.find(TRANSCRIPT);
        // Biglobe and others put the reason under their own divider instead of a transcript.
        if (transcript < 0) transcript = text.find("----- Non-delivered information -----");
        int end = text.findAny(Math.max(0, transcript), END);
        if (end < 0) end = text.size();
        Dialogue d = new Dialogue(programs);
        String opening = null;
        if (transcript >= 0) {
            for (int i = transcript + 1; i < end && out.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
                Finding f = d.feed(text.line(i));
                if (f != null) out.putIfAbsent(key(f.recipient()), f);
            }
            opening = text.join(transcript + 1, Math.min(end, transcript + 6));
        }
        int list = text.findAny(0, ADDRESSES);
        if (list >= 0) {
            int stop = text.findAny(list + 1, TRANSCRIPT, "-----", "---");
            if (stop < 0 || stop > end) stop = Math.min(end, list + 50);
            for (int i = list + 1; i < stop && out.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
                String line = text.line(i);
                if (line.strip().startsWith("(")) continue;
                String address = AddressScanner.first(line);
                if (address == null || out.containsKey(key(address))) continue;
                out.put(key(address), listed(address, line, i + 1 < stop ? text.line(i + 1) : "", d, opening));
            }
        }
        // Sendmail's own words for a message it kept retrying: the queue lifetime decides.
        if (text.contains("Message could not be delivered for") || text.contains("message still undelivered after")) {
            boolean warning = text.contains("message still undelivered after");
            out.replaceAll((k, f) -> {
                if (f.replyCode() != null && f.replyCode() >= 500) return f;
                Finding g = f.withHint(Reason.EXPIRED);
                return warning ? g.delayed() : g;
            });
        }
        return new ArrayList<>(out.values());
    }

    /**
     * An address of the "following addresses had ..." list: its reason in brackets after it or on the
     * next line ({@code (reason: 550 ...)}), else the first error of the transcript, whose command
     * and host are the dialogue's.
     */
    private static Finding listed(String address, String line, String next, Dialogue d, String opening) {
        String said = bracketed(line);
        String n = next.strip();
        if (said == null && n.startsWith("(") && n.endsWith(")")) said = n.substring(1, n.length() - 1);
        if (said != null && said.startsWith("reason: ")) said = said.substring(8);
        if (said == null) said = d.firstError != null ? d.firstError : opening;
        Finding f = Finding.ofBlock(address, said);
        if (d.firstError != null) f = f.withCommand(d.firstErrorCommand).withHost(d.firstErrorHost);
        return f;
    }

    /** {@code "|/usr/bin/procmail -f-"} or {@code /var/mail/file}: a program or file, unquoted; else null. */
    private static String program(String head) {
        String h = head.strip();
        if (h.length() > 1 && h.startsWith("\"") && h.endsWith("\"")) h = h.substring(1, h.length() - 1);
        return h.startsWith("|") || h.startsWith("/") ? h : null;
    }

    /** "<addr>   (Unknown user addr)": the reason in brackets after the address on its line. */
    private static String bracketed(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close <= open) return null;
        return line.substring(open + 1, close).strip();
    }

    private static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    /** Follows the transcript: who we talked to, what we sent, what came back. */
    private static final class Dialogue {
        final Map<String, String> programs;
        String host;
        String command;
        StringBuilder reply;
        String firstError;
        String firstErrorCommand;
        String firstErrorHost;
        /** The last line a local mailer (mail.local, procmail) wrote, outside any SMTP dialogue. */
        String mailerSaid;

        Dialogue(Map<String, String> programs) {
            this.programs = programs;
        }

        Finding feed(String raw) {
            String line = raw.strip();
            int talking = ReportText.indexOfIgnoreCase(line, "while talking to ");
            if (talking >= 0 && talking <= 4) {
                host = HostNames.firstToken(line.substring(talking + 17));
                // until sendmail writes what it sent (">>> EHLO ..."), a reply is the server's greeting
                command = "CONN";
                reply = null;
                return null;
            }
            if (line.startsWith(">>> ")) {
                String verb = line.substring(4).strip();
                int sp = verb.indexOf(' ');
                String word = (sp < 0 ? verb : verb.substring(0, sp)).toUpperCase(Locale.ROOT);
                command = word.startsWith("RCPT") ? "RCPT" : word.startsWith("MAIL") ? "MAIL" : word.startsWith("DATA") ? "DATA"
                        : word.startsWith("HELO") || word.startsWith("EHLO") ? word.substring(0, 4) : word.isEmpty() ? null : word;
                reply = null;
                return null;
            }
            if (line.startsWith("<<< ")) {
                if (reply == null) reply = new StringBuilder(line.substring(4).strip());
                else reply.append(' ').append(line.substring(4).strip());
                String said = line.substring(4).strip();
                if (firstError == null && (said.startsWith("4") || said.startsWith("5"))) {
                    firstError = said;
                    firstErrorCommand = command;
                    firstErrorHost = host;
                }
                return null;
            }
            // "554 <addr>... reason" or "<addr>... Deferred: 421": sendmail's verdict on one address.
            boolean coded = line.length() > 5 && ReplyParts.replyCodeIndex(line) == 0;
            if (coded || line.startsWith("<")) {
                int dots = line.indexOf("... ");
                String head = dots > 0 ? line.substring(coded ? 4 : 0, dots).strip() : "";
                // "550 5.1.1 <addr>... User unknown": an enhanced status may precede the address.
                int space = head.indexOf(' ');
                if (space > 0 && Character.isDigit(head.charAt(0))) head = head.substring(space + 1);
                String address = AddressScanner.wholeLine(head);
                String verdict = dots > 0 ? line.substring(dots + 4).strip() : "";
                if (address == null) {
                    String program = program(head);
                    if (program != null && programs.size() < RecipientBlocks.MAX_RECIPIENTS) {
                        programs.putIfAbsent(program, coded ? line.substring(0, 4) + verdict : verdict);
                    }
                    return null;
                }
                Finding f;
                if (reply != null) {
                    // Sendmail names an address in its verdict only for a recipient refusal: with
                    // pipelining the RCPT answer arrives after DATA was sent, but it answers RCPT.
                    String answered = "DATA".equals(command) ? "RCPT" : command;
                    if (firstError != null && "DATA".equals(firstErrorCommand) && reply.toString().startsWith(firstError)) {
                        firstErrorCommand = answered;
                    }
                    f = Finding.of(address, reply.toString()).withCommand(answered).withHost(host);
                } else if (host == null && mailerSaid != null && verdict.equalsIgnoreCase(GENERIC_MAILER_FAILURE)) {
                    // Sendmail's "Service unavailable" says only that the local mailer failed; the
                    // mailer's own line above it says why.
                    f = Finding.of(address, mailerSaid).withReplyCode(coded ? ReplyParts.of(line).replyCode() : null);
                    if (ReportText.indexOfIgnoreCase(mailerSaid, MAIL_LOCAL_NO_SUCH_USER) >= 0) f = f.withHint(Reason.USERUNKNOWN);
                } else {
                    // Sendmail's own verdict keeps its reply code and status ("550 5.1.1 <addr>...
                    // User unknown"): without a DSN part beside it (gateways that write sendmail's
                    // transcript, Active!hunter's), they are the only codes the report has. A verdict
                    // that quotes its own code ("554 <addr>... 550 Host unknown") is read as quoted.
                    boolean quotesItsCode = ReplyParts.replyCodeIndex(verdict) == 0;
                    f = Finding.of(address, coded && !quotesItsCode ? line : verdict).withHost(host);
                }
                reply = null;
                mailerSaid = null;
                return f;
            }
            if (host == null && reply == null && !line.isEmpty() && !line.startsWith("-") && !line.startsWith("(")) {
                mailerSaid = line;
            }
            return null;
        }
    }
}
