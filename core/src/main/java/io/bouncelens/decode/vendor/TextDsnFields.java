package io.bouncelens.decode.vendor;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 3464 fields written into the text of a report instead of a {@code message/delivery-status}
 * part (Amazon WorkMail, some gateways): one group per {@code Final-Recipient:} line.
 */
final class TextDsnFields {

    private TextDsnFields() {
    }

    static List<Finding> read(ReportText text) {
        List<Finding> out = new ArrayList<>();
        String recipient = null;
        String diagnostic = null;
        String status = null;
        String action = null;
        String host = null;
        for (int i = 0; i < text.size() && out.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
            String line = text.line(i).strip();
            String value = valueOf(line, "Final-Recipient:");
            if (value != null) {
                if (recipient != null) out.add(finding(recipient, diagnostic, status, action, host));
                recipient = AddressScanner.first(value);
                diagnostic = status = action = host = null;
                continue;
            }
            if (recipient == null) continue;
            String d = valueOf(line, "Diagnostic-Code:");
            if (d != null) {
                int semi = d.indexOf(';');
                diagnostic = semi >= 0 ? d.substring(semi + 1).strip() : d;
                // Continuation lines of a folded Diagnostic-Code start with white space.
                while (i + 1 < text.size() && !text.line(i + 1).isEmpty()
                        && Character.isWhitespace(text.line(i + 1).charAt(0)) && !text.line(i + 1).isBlank()) {
                    diagnostic = diagnostic + " " + text.line(++i).strip();
                }
                continue;
            }
            String s = valueOf(line, "Status:");
            if (s != null) status = s;
            String a = valueOf(line, "Action:");
            if (a != null) action = a.toLowerCase(java.util.Locale.ROOT);
            String r = valueOf(line, "Remote-MTA:");
            if (r != null) {
                int semi = r.indexOf(';');
                host = semi >= 0 ? r.substring(semi + 1).strip() : r;
            }
        }
        if (recipient != null) out.add(finding(recipient, diagnostic, status, action, host));
        return out;
    }

    private static Finding finding(String recipient, String diagnostic, String status, String action, String host) {
        Finding f = Finding.of(recipient, diagnostic);
        String code = status == null ? null : ReplyParts.status(status);
        if (code != null) f = f.withStatus(code);
        if (action != null && action.startsWith("delayed")) f = f.delayed();
        return f.withHost(host);
    }

    private static String valueOf(String line, String field) {
        if (line.length() < field.length() || !line.regionMatches(true, 0, field, 0, field.length())) return null;
        return line.substring(field.length()).strip();
    }
}
