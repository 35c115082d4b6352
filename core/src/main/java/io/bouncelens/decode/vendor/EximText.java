package io.bouncelens.decode.vendor;

import io.bouncelens.Reason;
import io.bouncelens.decode.Addresses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body layout of Exim's bounce and delay messages, which several providers kept when they
 * translated or rebranded Exim (mail.ru, GMX, 1&amp;1, MXLogic): after "The following address(es)
 * failed:", each failed address on a line of its own, indented lines with the remote host, the SMTP
 * step and the server's answer below it, up to "------ This is a copy of the message".
 */
final class EximText {

    private static final String[] START = {
            "address(es) failed", "address failed", "addresses failed", "following address(es)",
            "not yet been delivered", "following address", "incorrectly constructed",
    };

    private static final String[] END = {
            "------ This is a copy of", "----- This is a copy of", "This is a copy of the message",
            "The following text was generated during", "--- The header of the original message",
            "Included is a copy of the message header", "No action is required on your part",
    };

    /** Exim's words when it gave up after retrying for too long: the format itself says expired. */
    private static final String[] EXPIRY = {
            "retry timeout exceeded", "all hosts have been failing for a long time",
            "retry time not reached for any host after a long failure period",
            "has been frozen", "message has been in the queue too long",
    };

    private EximText() {
    }

    /**
     * {@code failedHeader} is the message's X-Failed-Recipients field, or null: the one address a
     * delivery to a file names when the report shows only the file ("save to ...").
     */
    static List<Finding> read(ReportText text, String failedHeader) {
        int start = text.findAny(0, START);
        start = start < 0 ? 0 : start + 1;
        int end = text.findAny(start, END);
        if (end < 0) end = text.size();
        boolean delayed = text.contains("has not yet been delivered");
        Map<String, Finding> byRecipient = new LinkedHashMap<>();
        String soleFailed = soleAddress(failedHeader);
        for (Finding f : pipes(text, start, end, soleFailed)) byRecipient.putIfAbsent(key(f), f);
        for (RecipientBlocks.Block block : RecipientBlocks.read(text, start, end)) {
            String notes = withoutNotes(text, block.firstLine(), block.endLine());
            String said = block.lead().isEmpty() ? notes : notes.isEmpty() ? block.lead() : block.lead() + " " + notes;
            Finding f = finding(block.recipient(), said);
            if (delayed) f = f.delayed();
            Finding earlier = byRecipient.get(key(f));
            // Translated reports (mail.ru) repeat each address; keep the one that says most.
            if (earlier == null || (earlier.diagnostic() == null && f.diagnostic() != null)) {
                byRecipient.put(key(f), f);
            }
        }
        if (byRecipient.isEmpty()) return unlisted(text, start, end, soleFailed, delayed);
        return new ArrayList<>(byRecipient.values());
    }

    /**
     * When no line holds just an address: Exim's notice on malformed recipient addresses
     * ("a@b &lt;c@d&gt;: malformed address: ...", the first address and what follows the colon),
     * or a failed address written without its domain ("kijitora"), which the X-Failed-Recipients
     * field names in full when it names one.
     */
    private static List<Finding> unlisted(ReportText text, int start, int end, String soleFailed, boolean delayed) {
        List<Finding> out = new ArrayList<>();
        for (int i = start; i < end && out.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
            String line = text.line(i).strip();
            int colon = line.indexOf(": ");
            if (colon <= 0 || line.indexOf('@') < 0 || line.indexOf('@') > colon) continue;
            String recipient = AddressScanner.first(line.substring(0, colon));
            if (recipient != null) out.add(finding(recipient, line.substring(colon + 2).strip()));
        }
        if (out.isEmpty() && soleFailed != null) {
            // the first line is the address as Exim wrote it: the words are what follows
            int first = start;
            while (first < end && text.isBlank(first)) first++;
            if (first < end) {
                String rest = withoutNotes(text, first + 1, end);
                out.add(finding(soleFailed, rest.isEmpty() ? text.line(first).strip() : rest));
            }
        }
        if (delayed) out.replaceAll(Finding::delayed);
        return out;
    }

    /** One recipient's block: the server's answer, the host that gave it and the SMTP step. */
    static Finding finding(String recipient, String block) {
        Finding f = Finding.ofBlock(recipient, block);
        String host = HostNames.after(block, "host");
        f = f.withHost(host);
        // Only when giving up is all it says: "mailbox is full: retry timeout exceeded" is about the mailbox.
        String lower = block.toLowerCase(java.util.Locale.ROOT);
        for (String phrase : EXPIRY) {
            int at = lower.indexOf(phrase);
            if (at >= 0 && lower.substring(0, at).strip().isEmpty()) return f.withHint(Reason.EXPIRED);
        }
        return f;
    }

    /** Deliveries to a pipe or file that failed: the local delivery program broke, a mailer error. */
    private static List<Finding> pipes(ReportText text, int start, int end, String soleFailed) {
        List<Finding> out = new ArrayList<>();
        // Looked up once: a report listing many pipes must not rescan its text for each.
        int detail = text.find("The following text was generated during", start);
        int copy = detail < 0 ? -1 : text.findAny(detail, "------ This is a copy of", "----- This is a copy of");
        for (int i = start; i < end && out.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
            String line = text.line(i).strip();
            if (!line.startsWith("pipe to |") && !line.startsWith("save to ")) continue;
            String recipient = null;
            int next = i + 1;
            if (next < end && text.line(next).strip().startsWith("generated by ")) {
                recipient = AddressScanner.first(text.line(next));
                next++;
            }
            if (recipient == null) recipient = AddressScanner.first(line);
            if (recipient == null) recipient = soleFailed;
            if (recipient == null) continue;
            // Exim's own words on the failure follow the address; a pipe's output comes further down.
            int stop = next;
            while (stop < end && stop < next + 8 && !text.isBlank(stop)) stop++;
            String said = text.join(next, stop);
            if (said.isEmpty() && detail > i) {
                said = textAfterDivider(text, detail + 1, copy > detail ? copy : Math.min(text.size(), detail + 12));
            }
            Finding f = Finding.of(recipient, said.isEmpty() ? line : said);
            // A failed pipe is the local delivery program's fault: a mailer error, whatever it printed.
            out.add(line.startsWith("pipe to |") ? f.withHint(Reason.MAILERERROR) : f);
        }
        return out;
    }

    /** The address of a field that names exactly one, else null. */
    private static String soleAddress(String field) {
        if (field == null) return null;
        List<String> all = Addresses.find(field, 2);
        return all.size() == 1 ? all.get(0) : null;
    }

    /** The lines of the delivery program's output, without Exim's "------ pipe to ..." divider. */
    private static String textAfterDivider(ReportText text, int from, int to) {
        StringBuilder sb = new StringBuilder();
        boolean inDivider = false;
        for (int i = from; i < to; i++) {
            String line = text.line(i).strip();
            if (line.startsWith("------ ")) {
                inDivider = !line.endsWith("------");
                continue;
            }
            if (inDivider) {
                if (line.endsWith("------")) inDivider = false;
                continue;
            }
            if (line.isEmpty()) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(line);
        }
        return sb.toString();
    }

    /**
     * A block's text without Exim's notes on how the address was reached ("(generated from ...)").
     * Exim writes a block's lines together; the first blank line after them ends it, so what a
     * relay or a virus scanner appended to the report ("__________ Información de NOD32 ...") is
     * not taken for the server's answer. A line ending in a colon introduces what follows the
     * blank line (1&amp;1: "For the following reason:").
     */
    private static String withoutNotes(ReportText text, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            String line = text.line(i).strip();
            if (line.isEmpty() && sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') break;
            if (line.isEmpty() || line.startsWith("(ultimately generated from") || line.startsWith("(generated from")
                    || line.startsWith("generated by ")) {
                continue;
            }
            if (sb.length() > 0) sb.append(' ');
            sb.append(line);
        }
        String joined = sb.toString();
        // "Delay reason:" introduces the answer in Exim's delay warnings.
        return joined.startsWith("Delay reason: ") ? joined.substring(14) : joined;
    }

    private static String key(Finding f) {
        return f.recipient().toLowerCase(java.util.Locale.ROOT);
    }

    static boolean containsIgnoreCase(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(java.util.Locale.ROOT).contains(needle.toLowerCase(java.util.Locale.ROOT));
    }
}
