package io.bouncelens.decode.vendor;

import io.bouncelens.Reason;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Amazon SES event notifications delivered by mail through SNS: a JSON body whose {@code Message}
 * holds the event, {@code notificationType} Bounce (with {@code bouncedRecipients}, each with its
 * {@code status} and {@code diagnosticCode}), Complaint (with {@code complainedRecipients} and the
 * {@code complaintFeedbackType}) or Delivery (with {@code recipients} and the {@code smtpResponse}).
 * Read by literal scanning of the keys, so a mail system's line folding inside the JSON does no
 * harm beyond the value it cuts.
 */
public final class AmazonSes implements VendorFormat {

    @Override
    public String name() {
        return "amazonses";
    }

    private static final Signature SIGNATURE = Signature.inText("notificationType", "arn:aws:sns", "amazonses.com");

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        String from = message.from().toLowerCase(java.util.Locale.ROOT);
        return text.contains("notificationType")
                && (from.contains("amazonaws.com") || from.contains("amazonses.com") || text.contains("arn:aws:sns")
                || text.contains("amazonses.com"));
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        String json = unfolded(message.text());
        String type = valueAfter(json, "\"notificationType\"", 0);
        if (type == null) return List.of();
        List<Finding> out = new ArrayList<>();
        switch (type) {
            case "Bounce" -> {
                String bounceType = valueAfter(json, "\"bounceType\"", 0);
                for (String entry : objectsIn(json, "\"bouncedRecipients\"")) {
                    String address = valueAfter(entry, "\"emailAddress\"", 0);
                    if (address == null) continue;
                    String diagnostic = valueAfter(entry, "\"diagnosticCode\"", 0);
                    if (diagnostic != null && diagnostic.startsWith("smtp;")) diagnostic = diagnostic.substring(5).strip();
                    Finding f = Finding.of(address, diagnostic != null ? diagnostic : "SES bounce: " + bounceType);
                    String status = valueAfter(entry, "\"status\"", 0);
                    if (status != null) f = f.withStatus(status);
                    out.add("Transient".equals(bounceType) ? f.delayed() : f);
                }
            }
            case "Complaint" -> {
                String feedback = valueAfter(json, "\"complaintFeedbackType\"", 0);
                for (String entry : objectsIn(json, "\"complainedRecipients\"")) {
                    String address = valueAfter(entry, "\"emailAddress\"", 0);
                    if (address != null) out.add(new Finding(address, feedback == null ? "complaint" : feedback, null, null,
                            null, null, Reason.FEEDBACK, "feedback"));
                }
                return feedbackOf(out, feedback);
            }
            case "Delivery" -> {
                String response = valueAfter(json, "\"smtpResponse\"", 0);
                int list = json.indexOf("\"recipients\"");
                int close = list < 0 ? -1 : json.indexOf(']', list);
                if (close > list) {
                    String recipients = json.substring(list, close);
                    int from = 0;
                    while (out.size() < RecipientBlocks.MAX_RECIPIENTS) {
                        String r = AddressScanner.firstFrom(recipients, from);
                        if (r == null) break;
                        Finding f = Finding.of(r, response);
                        out.add(new Finding(f.recipient(), f.diagnostic(), f.status(), f.replyCode(), null, null, null, "delivered"));
                        from = recipients.indexOf(r, from) + r.length();
                    }
                }
            }
            default -> {
                return List.of();
            }
        }
        return Finding.toRecipients(out);
    }

    private static List<FailedRecipient> feedbackOf(List<Finding> complaints, String feedbackType) {
        List<FailedRecipient> out = new ArrayList<>(complaints.size());
        for (Finding f : complaints) out.add(f.toRecipient().toBuilder().feedbackType(feedbackType).build());
        return out;
    }

    /** The JSON with the escaping of its embedded {@code Message} string and any line breaks removed. */
    private static String unfolded(String text) {
        String t = text.length() > ReportText.MAX_CHARS ? text.substring(0, ReportText.MAX_CHARS) : text;
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\n' || c == '\r') {
                // A folded line continues after one space of indentation.
                if (i + 1 < t.length() && t.charAt(i + 1) == ' ') i++;
                continue;
            }
            if (c == '\\' && i + 1 < t.length() && t.charAt(i + 1) == '"') continue;
            sb.append(c);
        }
        return sb.toString();
    }

    /** The string value of {@code "key":"value"} at or after {@code from}; null when absent. */
    static String valueAfter(String json, String key, int from) {
        int at = json.indexOf(key, from);
        if (at < 0) return null;
        int i = at + key.length();
        while (i < json.length() && (json.charAt(i) == ' ' || json.charAt(i) == ':')) i++;
        if (i >= json.length() || json.charAt(i) != '"') return null;
        int end = json.indexOf('"', i + 1);
        return end < 0 ? null : json.substring(i + 1, end);
    }

    /** The {@code {...}} objects of the array under {@code key} (flat objects, as SES writes them). */
    private static List<String> objectsIn(String json, String key) {
        List<String> out = new ArrayList<>();
        int at = json.indexOf(key);
        if (at < 0) return out;
        int close = json.indexOf(']', at);
        if (close < 0) close = json.length();
        int i = json.indexOf('{', at);
        while (i >= 0 && i < close && out.size() < RecipientBlocks.MAX_RECIPIENTS) {
            int end = json.indexOf('}', i);
            if (end < 0) break;
            out.add(json.substring(i, end + 1));
            i = json.indexOf('{', end);
        }
        return out;
    }
}
