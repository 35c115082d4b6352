package io.bouncelens.decode.log;

import io.bouncelens.decode.FailedRecipient;

import java.util.ArrayList;
import java.util.List;

/**
 * Exchange Server's message tracking log ({@code MSGTRK*.LOG}, Exchange 2007 and later): CSV
 * whose {@code #Fields:} line names the columns ({@code date-time,...,event-id,...,recipient-address,
 * recipient-status,...,sender-address,...}), one line per event. The events read are {@code FAIL}
 * (a delivery failed), {@code DEFER} (it was put off) and {@code DELIVER} and {@code SEND} (a
 * mailbox or the next server took the message); the others (RECEIVE, SUBMIT, DSN, EXPAND, ...)
 * say nothing about a delivery's outcome. A line names all its recipients in one field, separated
 * by semicolons, and their results in another; a result is the server's reply
 * ({@code 550 5.1.10 RESOLVER.ADR.RecipientNotFound; ...}) or, for a delivery tried over SMTP, a
 * bracketed list whose {@code LED} entry is the last error and {@code FQDN} the host that gave it
 * ({@code [{LRT=...};{LED=451 4.4.0 ...};{FQDN=mx.example.com};{IP=192.0.2.1}]}).
 */
final class ExchangeTrackingLog {

    /** Recipients read from one line at most; a list longer than this is cut. */
    static final int MAX_RECIPIENTS = 1_000;

    private ExchangeTrackingLog() {
    }

    /** Where the columns an event is read from stand, from the {@code #Fields:} line. */
    record Columns(int dateTime, int eventId, int internalMessageId, int messageId, int recipientAddress,
                   int recipientStatus, int senderAddress) {
    }

    /** The columns a {@code #Fields:} line names, or null when the line is no tracking log's header. */
    static Columns header(String line) {
        if (!line.startsWith("#Fields: ")) return null;
        List<String> names = CsvLine.fields(line.substring(9).strip());
        int event = names.indexOf("event-id");
        int recipients = names.indexOf("recipient-address");
        if (event < 0 || recipients < 0) return null;
        return new Columns(names.indexOf("date-time"), event, names.indexOf("internal-message-id"),
                names.indexOf("message-id"), recipients, names.indexOf("recipient-status"),
                names.indexOf("sender-address"));
    }

    /** Whether the line can be an event: it starts with its ISO date-time ({@code 2026-12-06T...}). */
    static boolean looksLikeEvent(String line) {
        return line.length() > 20 && isDigit(line.charAt(0)) && line.charAt(4) == '-'
                && line.charAt(10) == 'T';
    }

    /** The delivery an event reports, or null for another event or a malformed line. */
    static LogDelivery read(String line, Columns columns) {
        if (!looksLikeEvent(line)) return null;
        List<String> f = CsvLine.fields(line);
        String event = CsvLine.at(f, columns.eventId());
        String action = event == null ? null : switch (event) {
            case "FAIL" -> "failed";
            case "DEFER" -> "delayed";
            case "DELIVER", "SEND" -> "delivered";
            default -> null;
        };
        if (action == null) return null;
        List<String> addresses = split(CsvLine.at(f, columns.recipientAddress()), false);
        if (addresses.isEmpty()) return null;
        List<String> results = split(CsvLine.at(f, columns.recipientStatus()), true);
        List<FailedRecipient> recipients = new ArrayList<>(addresses.size());
        for (int i = 0; i < addresses.size(); i++) {
            String address = MtaLogLine.address(addresses.get(i));
            if (address == null || address.indexOf('@') < 0) continue;
            // one result for several recipients is the result of each
            String result = results.size() == 1 ? results.get(0) : i < results.size() ? results.get(i) : null;
            recipients.add(recipient(address, action, result));
        }
        if (recipients.isEmpty()) return null;
        String sender = CsvLine.at(f, columns.senderAddress());
        String messageId = CsvLine.at(f, columns.messageId());
        return new LogDelivery("exchange-log", recipients, CsvLine.at(f, columns.dateTime()),
                CsvLine.at(f, columns.internalMessageId()), sender == null ? null : MtaLogLine.address(sender),
                messageId == null ? null : MtaLogLine.address(messageId));
    }

    private static FailedRecipient recipient(String address, String action, String result) {
        if (action.equals("delivered")) return MtaLogLine.recipient(address, action, null, null, null);
        if (result == null || !result.contains("{LED=")) return MtaLogLine.recipient(address, action, null, result, null);
        String host = MtaLogLine.host(entry(result, "FQDN"));
        return MtaLogLine.recipient(address, action, null, entry(result, "LED"), host);
    }

    /** The value of {@code {NAME=value}} in a bracketed result, or null when it has none or it is empty. */
    private static String entry(String result, String name) {
        String key = "{" + name + "=";
        int at = result.indexOf(key);
        if (at < 0) return null;
        int start = at + key.length();
        int end = result.indexOf("};{", start);
        if (end < 0) end = result.indexOf("}]", start);
        if (end < 0) end = result.length();
        String v = result.substring(start, end).strip();
        return v.isEmpty() ? null : v;
    }

    /**
     * A field's semicolon-separated values. A result's own text may hold a semicolon
     * ({@code RESOLVER.ADR.RecipNotFound; not found}), so results are split only where the next
     * one begins: a reply code or a bracketed list.
     */
    static List<String> split(String value, boolean results) {
        List<String> out = new ArrayList<>();
        if (value == null) return out;
        int start = 0;
        for (int i = 0; i < value.length() && out.size() < MAX_RECIPIENTS; i++) {
            if (value.charAt(i) != ';' || (results && !beginsResult(value, i + 1))) continue;
            add(out, value.substring(start, i));
            start = i + 1;
        }
        if (out.size() < MAX_RECIPIENTS) add(out, value.substring(start));
        return out;
    }

    private static void add(List<String> out, String value) {
        String v = value.strip();
        if (!v.isEmpty()) out.add(v);
    }

    /** Whether a result begins at {@code from} (after spaces): three digits and a space or dash, or "[{". */
    private static boolean beginsResult(String value, int from) {
        int i = from;
        while (i < value.length() && value.charAt(i) == ' ') i++;
        if (value.startsWith("[{", i)) return true;
        if (i + 3 >= value.length()) return false;
        char c = value.charAt(i);
        return (c == '2' || c == '4' || c == '5') && isDigit(value.charAt(i + 1))
                && isDigit(value.charAt(i + 2)) && (value.charAt(i + 3) == ' ' || value.charAt(i + 3) == '-');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
