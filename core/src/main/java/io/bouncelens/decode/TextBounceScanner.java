package io.bouncelens.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * The last resort for bounces no structured report or vendor format reads: finds the addresses
 * the report's own text names (not the returned original's) and takes the lines around each as
 * the server's text. Used only for messages that {@link BounceSigns} says are bounces.
 */
public final class TextBounceScanner {

    private static final int MAX_DIAGNOSTIC_LINES = 6;
    private static final int MAX_DIAGNOSTIC_CHARS = 1_000;
    /** What opens a session transcript's line to tell who spoke; mail systems use either side's view. */
    private static final String[] TRANSCRIPT_MARKS = {"Out:", "In:", "<<<", ">>>", "<-", "->"};

    private TextBounceScanner() {
    }

    /** The failed recipients {@code report}, the message's own text above a pasted original, names. */
    static List<FailedRecipient> read(ParsedMessage m, String report, int maxRecipients) {
        List<String> lines = new ArrayList<>();
        for (String line : new LineIterable(report, 5_000)) lines.add(line);
        List<String> ignore = ignoredAddresses(m);
        List<FailedRecipient> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < lines.size() && out.size() < maxRecipients; i++) {
            // a session transcript's MAIL FROM names the sender, not a recipient; a listed
            // Message-ID ("*  Message-ID: <9f2c...@example.org>") names the message; a line quoted
            // with "> " is someone's earlier mail (a help desk's acknowledgement quoting "our mail
            // to x@example.org bounced"), not the notice's own words
            String upper = lines.get(i).strip().toUpperCase(java.util.Locale.ROOT);
            if (namesTheSender(upper) || namesTheMessage(upper) || quotedMail(upper)) continue;
            for (String address : Addresses.find(lines.get(i), 20)) {
                if (Addresses.isMailSystem(address) || !Addresses.hasNameTopLevel(address)
                        || containsIgnoreCase(ignore, address) || containsIgnoreCase(seen, address)) {
                    continue;
                }
                seen.add(address);
                Paragraph about = serversWordsAbout(lines, i, address);
                String words = about.text();
                // the diagnostic code is the server's reply, from the line that quotes it on (with
                // a relay's wrapper on that line: "the mta server of ... reply: 550 ..."), as a known
                // format's Diagnostic-Code holds it; the whole paragraph tells the codes, the
                // command and the host the notice names around it
                out.add(FailedRecipient.builder()
                        .recipient(address)
                        .action("failed")
                        .diagnosticCode(about.fromReply())
                        .replyCode(SmtpText.firstFailureReplyCode(words))
                        .status(SmtpText.firstFailureStatus(words))
                        .command(SmtpText.command(words))
                        .remoteHost(SmtpText.bracketedHost(words))
                        .build());
                if (out.size() >= maxRecipients) break;
            }
        }
        if (out.isEmpty()) {
            String to = Addresses.first(m.original().first("To"));
            if (to == null) to = Addresses.first(ReturnedMessage.pastedHeaders(m.text(), 100).first("To"));
            if (to != null) {
                String diagnostic = OneLine.of(report, MAX_DIAGNOSTIC_CHARS);
                out.add(FailedRecipient.builder().recipient(to).action("failed").diagnosticCode(diagnostic)
                        .replyCode(SmtpText.firstFailureReplyCode(diagnostic)).status(SmtpText.firstFailureStatus(diagnostic))
                        .build());
            }
        }
        return out;
    }

    /**
     * The report text's paragraph about {@code address} (the line naming it and those after it),
     * for structured reports that give no Diagnostic-Code; null when the text does not name it.
     */
    public static String paragraphAbout(String text, String address) {
        if (address == null) return null;
        List<String> lines = new ArrayList<>();
        for (String line : new LineIterable(ReturnedMessage.reportPart(text), 5_000)) lines.add(line);
        String wanted = address.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (isDeliveryStatusField(line)) continue; // pasted RFC 3464 fields are read as fields, not as words
            if (line.toLowerCase(java.util.Locale.ROOT).contains(wanted)) return around(lines, i).text();
        }
        return null;
    }

    /**
     * The paragraph of the first line naming {@code address}, unless it holds no SMTP failure code
     * and a later paragraph naming the address does: reports that start with a friendly sentence
     * per recipient and give the server's answer further down ("Diagnostic information for
     * administrators", in whatever language) are read by that answer.
     */
    private static Paragraph serversWordsAbout(List<String> lines, int first, String address) {
        Paragraph diagnostic = around(lines, first);
        if (hasFailureCode(diagnostic.text())) return diagnostic;
        String wanted = address.toLowerCase(java.util.Locale.ROOT);
        for (int j = first + 1; j < lines.size(); j++) {
            if (!lines.get(j).toLowerCase(java.util.Locale.ROOT).contains(wanted)) continue;
            Paragraph later = around(lines, j);
            if (hasFailureCode(later.text())) return later;
        }
        Paragraph reply = replyBelow(lines, first);
        return reply != null ? reply : diagnostic;
    }

    /**
     * A notice that lists the message's details under the address and gives the server's answer
     * in a paragraph of its own further down ("Delivery failed with the following response:" /
     * "550 - Requested action not taken: no such user here"): the first line below that opens
     * with a failure reply code (or an enhanced status, where no reply code is given), with the
     * line before it when that one announces it (ends in a colon). Not past a line that opens
     * with another address, which would be another recipient's.
     */
    private static Paragraph replyBelow(List<String> lines, int first) {
        String own = lines.get(first);
        for (int j = first + 1; j < lines.size(); j++) {
            String line = lines.get(j).trim();
            if (startsWithOtherAddress(line, own)) return null;
            if (!opensWithFailureCode(line)) continue;
            List<String> kept = new ArrayList<>();
            String before = j > first + 1 ? lines.get(j - 1).trim() : "";
            if (before.endsWith(":")) kept.add(before);
            for (int k = j; k < lines.size() && k < j + MAX_DIAGNOSTIC_LINES; k++) {
                String next = lines.get(k).trim();
                if (next.isEmpty() || isDivider(next)) break;
                kept.add(next);
            }
            return new Paragraph(kept);
        }
        return null;
    }

    /**
     * A line that opens with a failure reply code ({@code 550 ...}) or, where the notice gives
     * no reply code, a failure enhanced status ({@code 5.1.1 szn; User hasn't got the service mapped}).
     */
    private static boolean opensWithFailureCode(String line) {
        Integer code = SmtpText.leadingReplyCode(line);
        if (code != null) return code >= 400;
        String status = SmtpText.firstFailureStatus(line);
        return status != null && line.startsWith(status);
    }

    private static boolean hasFailureCode(String text) {
        return SmtpText.firstFailureReplyCode(text) != null || SmtpText.firstFailureStatus(text) != null;
    }

    /** {@code MAIL FROM:<...>}, or its {@code FROM:<...>} on a line of its own where a transcript wrapped the command (the line stripped, in upper case). */
    private static boolean namesTheSender(String upper) {
        return upper.contains("MAIL FROM:") || upper.startsWith("FROM:<");
    }

    /**
     * A line (stripped) quoted the way mail clients quote a message replied to: {@code "> "} or
     * {@code ">> "}. A transcript's {@code ">>> RCPT TO:<...>"} is the report's own and is read.
     */
    private static boolean quotedMail(String stripped) {
        return stripped.startsWith(">") && !stripped.startsWith(">>>");
    }

    /** A line (in upper case) giving a message's identifier, whose {@code <...@...>} looks like an address and is none. */
    private static boolean namesTheMessage(String upper) {
        return upper.contains("MESSAGE-ID:") || upper.contains("MESSAGE ID:") || upper.contains("IN-REPLY-TO:")
                || upper.contains("REFERENCES:");
    }

    /** The report's own sender and addressee, and the original's sender, are never the failed recipient. */
    private static List<String> ignoredAddresses(ParsedMessage m) {
        List<String> out = new ArrayList<>();
        out.addAll(Addresses.find(m.from(), 5));
        out.addAll(Addresses.find(m.header("To"), 5));
        out.addAll(Addresses.find(m.original().first("From"), 5));
        out.addAll(Addresses.find(m.header("Return-Path"), 2));
        return out;
    }

    /**
     * The line naming the address, and the lines of its paragraph after it; preceded by a labelled
     * reason line ({@code Reason: mailbox full}) just above it in the same paragraph, which notices
     * written as a form put before the address.
     */
    private static Paragraph around(List<String> lines, int i) {
        List<String> kept = new ArrayList<>();
        String reason = reasonLineAbove(lines, i);
        if (reason != null) kept.add(reason);
        kept.add(lines.get(i).trim());
        int length = String.join(" ", kept).length();
        for (int j = i + 1; j < lines.size() && j <= i + MAX_DIAGNOSTIC_LINES; j++) {
            String line = lines.get(j).trim();
            // a paragraph ending in a colon ("for the following reason:") announces the next one
            if (line.isEmpty() && j > i + 1 && !kept.get(kept.size() - 1).endsWith(":")) break;
            if (line.isEmpty()) continue;
            if (startsWithOtherAddress(line, lines.get(i))) break; // the next recipient's paragraph
            if (isDivider(line)) continue; // "-------- Returned Mail --------": layout, not the server's words
            if (isSuccessAnswer(line) || isSessionClosing(line)) continue; // a transcript's 250 / 354 answers and its QUIT say nothing about the failure
            kept.add(line);
            length += 1 + line.length();
            if (length > MAX_DIAGNOSTIC_CHARS) break;
        }
        return new Paragraph(kept);
    }

    /** The lines of a notice's paragraph about one address, as read (trimmed, layout left out). */
    private record Paragraph(List<String> lines) {

        /** The paragraph on one line. */
        String text() {
            return OneLine.of(String.join(" ", lines), MAX_DIAGNOSTIC_CHARS);
        }

        /**
         * The paragraph from its first line that holds a failure reply code (4xx, 5xx) on, which
         * is where the server's own reply is quoted, with the line before when that one ends in a
         * colon (a relay's "... reply:" or "... said:" wrapped onto a line of its own); the whole
         * paragraph when no line holds a code.
         */
        String fromReply() {
            for (int k = 0; k < lines.size(); k++) {
                if (SmtpText.firstFailureReplyCode(lines.get(k)) != null) {
                    int from = k > 0 && lines.get(k - 1).endsWith(":") ? k - 1 : k;
                    return OneLine.of(String.join(" ", lines.subList(from, lines.size())), MAX_DIAGNOSTIC_CHARS);
                }
            }
            return text();
        }
    }

    /**
     * A line opening with three dashes, equals signs, stars or underscores: a section's divider,
     * unless it ends in a colon and so announces what follows ("--------Error Detail:").
     */
    private static boolean isDivider(String line) {
        if (line.length() < 3 || line.endsWith(":")) return false;
        char c = line.charAt(0);
        if (!((c == '-' || c == '=' || c == '*' || c == '_') && line.charAt(1) == c && line.charAt(2) == c)) return false;
        // rules and titles between them ("----- Returned Mail -----", "--- Message non-deliverable.");
        // asterisks that open a sentence mark the failure itself (Courier's "*** DNS lookup failed.")
        return c != '*' || line.charAt(line.length() - 1) == c;
    }

    /** The closest line above {@code i}, in its paragraph (at most 3 lines up), labelled as the failure's reason. */
    private static String reasonLineAbove(List<String> lines, int i) {
        for (int j = i - 1; j >= 0 && j >= i - 3; j--) {
            String line = lines.get(j).trim();
            if (line.isEmpty() || Addresses.first(line) != null) return null;
            if (isReasonLabel(line)) return line;
        }
        return null;
    }

    /** {@code Reason: ...}, {@code Reject reason: ...}, {@code Error: ...}: a short label ending in one of these words, a colon, a text. */
    static boolean isReasonLabel(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0 || colon > 30 || colon == line.length() - 1) return false;
        String label = line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
        return label.endsWith("reason") || label.endsWith("error") || label.equals("problem") || label.equals("cause");
    }

    /** A transcript line whose answer is 2xx or 3xx ({@code Out: 250 2.1.5 Ok}, {@code <<< 354 ...}). */
    private static boolean isSuccessAnswer(String line) {
        Integer code = SmtpText.leadingReplyCode(withoutTranscriptMark(line));
        return code != null && code < 400;
    }

    /**
     * The sender's {@code QUIT} or {@code RSET} after the refusal ({@code >>> QUIT}, {@code In: QUIT}):
     * the session ending, which would otherwise trail the server's reply in the diagnostic code.
     */
    private static boolean isSessionClosing(String line) {
        String command = withoutTranscriptMark(line);
        return command.equalsIgnoreCase("QUIT") || command.equalsIgnoreCase("RSET");
    }

    /** A transcript line without the mark that tells who spoke ({@code In:}, {@code Out:}, {@code <<<}, {@code >>>}, arrows). */
    private static String withoutTranscriptMark(String line) {
        String t = line.trim();
        for (String mark : TRANSCRIPT_MARKS) {
            if (t.startsWith(mark)) return t.substring(mark.length()).trim();
        }
        return t;
    }

    private static boolean isDeliveryStatusField(String line) {
        return line.regionMatches(true, 0, "Final-Recipient:", 0, 16) || line.regionMatches(true, 0, "Original-Recipient:", 0, 19)
                || line.regionMatches(true, 0, "X-Actual-Recipient:", 0, 19);
    }

    private static boolean startsWithOtherAddress(String line, String first) {
        String a = Addresses.first(line);
        if (a == null) return false;
        int at = line.indexOf(a);
        boolean leading = at == 0 || at == 1 && (line.charAt(0) == '<' || line.charAt(0) == '"');
        return leading && !first.contains(a);
    }

    private static boolean containsIgnoreCase(List<String> list, String s) {
        for (String x : list) if (x.equalsIgnoreCase(s)) return true;
        return false;
    }
}
