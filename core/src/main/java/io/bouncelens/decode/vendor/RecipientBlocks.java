package io.bouncelens.decode.vendor;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout most plain-text bounces share (Exim, qmail, Yahoo, GMX, ...): a line holding only the
 * failed address, then the lines that explain it, until the next such address line.
 */
final class RecipientBlocks {

    /** One failed address and the text of the lines that follow it. */
    record Block(String recipient, String lead, int firstLine, int endLine, String text) {
    }

    /** Bound on recipients read from one report; more are a mailing-list blast, not a bounce. */
    static final int MAX_RECIPIENTS = 1000;

    private RecipientBlocks() {
    }

    /** The blocks between lines {@code from} (inclusive) and {@code to} (exclusive). */
    static List<Block> read(ReportText text, int from, int to) {
        List<Block> out = new ArrayList<>();
        int end = Math.min(to, text.size());
        String current = null;
        int first = -1;
        String lead = "";
        for (int i = Math.max(0, from); i < end; i++) {
            String line = text.line(i);
            String address = AddressScanner.wholeLine(line);
            String rest = "";
            if (address == null) {
                int[] span = leadingAngleAddress(line);
                if (span == null) continue;
                address = line.substring(span[0], span[1]);
                rest = line.substring(span[2]).strip();
            }
            // The same address again inside its own block ("after RCPT TO:\n<a@b>:") continues it.
            if (current != null && current.equalsIgnoreCase(address)) continue;
            if (current != null) out.add(block(text, current, lead, first, i));
            if (out.size() >= MAX_RECIPIENTS) return out;
            current = address;
            lead = rest;
            first = i + 1;
        }
        if (current != null) out.add(block(text, current, lead, first, end));
        return out;
    }

    /**
     * {@code <addr>: text} at the start of a line (MXLogic, some qmail forks): the address's start
     * and end and where the text after the colon starts; null when the line is not so.
     */
    static int[] leadingAngleAddress(String line) {
        int open = 0;
        while (open < line.length() && (line.charAt(open) == ' ' || line.charAt(open) == '\t')) open++;
        if (open >= line.length() || line.charAt(open) != '<') return null;
        int close = line.indexOf('>', open);
        if (close < 0 || close + 1 >= line.length() || line.charAt(close + 1) != ':') return null;
        String inner = line.substring(open + 1, close);
        String address = AddressScanner.first(inner);
        if (address == null || address.length() != inner.length()) return null;
        return new int[]{open + 1, close, close + 2};
    }

    private static Block block(ReportText text, String recipient, String lead, int first, int end) {
        String body = text.join(first, end);
        String all = lead.isEmpty() ? body : body.isEmpty() ? lead : lead + " " + body;
        return new Block(recipient, lead, first, end, all);
    }
}
