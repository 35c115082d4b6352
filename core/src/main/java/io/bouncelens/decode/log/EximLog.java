package io.bouncelens.decode.log;

import java.util.List;

/**
 * Exim's main log: {@code DATE TIME [+ZONE] [[PID]] MSGID FLAG ADDRESS [<PARENT>] FIELDS: TEXT},
 * where the flag {@code **} is a failure, {@code ==} a delay and {@code =>} or {@code ->} a
 * delivery. The text after the fields' ": " is Exim's account, with the remote server's reply
 * ("SMTP error from remote mail server after RCPT TO:<..>: 550 ..."); {@code H=} names the host.
 */
final class EximLog {

    private EximLog() {
    }

    static LogDelivery read(String line) {
        if (!isDated(line)) return null;
        int flag = flagAt(line);
        if (flag < 0) return null;
        String action = switch (line.substring(flag, flag + 2)) {
            case "**" -> "failed";
            case "==" -> "delayed";
            case "=>", "->" -> "delivered";
            default -> null;
        };
        if (action == null) return null;
        int addressStart = flag + 3;
        int addressEnd = addressStart;
        while (addressEnd < line.length() && line.charAt(addressEnd) != ' ' && !line.startsWith(": ", addressEnd)) {
            addressEnd++;
        }
        String recipient = MtaLogLine.address(line.substring(addressStart, addressEnd));
        if (recipient == null || recipient.indexOf('@') < 0) return null;
        int colon = line.indexOf(": ", addressEnd);
        String text = colon < 0 ? null : line.substring(colon + 2);
        String fields = line.substring(addressEnd, colon < 0 ? line.length() : colon);
        int h = fields.indexOf(" H=");
        String host = h < 0 ? null : MtaLogLine.host(fields.substring(h + 3));
        String timestamp = line.substring(0, 19);
        if (action.equals("delivered")) text = null; // the fields say how, not why
        return LogDelivery.of("exim-log", List.of(MtaLogLine.recipient(recipient, action, null, text, host)), timestamp,
                idBefore(line, flag));
    }

    /**
     * An arrival line ({@code <= SENDER ... id=MESSAGE-ID}): Exim's id of the message, its sender
     * (null for a bounce's empty one) and its Message-ID (null when not logged); null for any other
     * line.
     */
    static Arrival arrival(String line) {
        if (!isDated(line)) return null;
        int flag = flagAt(line);
        if (flag < 0 || !line.startsWith("<=", flag)) return null;
        int senderEnd = line.indexOf(' ', flag + 3);
        if (senderEnd < 0) senderEnd = line.length();
        String sender = MtaLogLine.address(line.substring(flag + 3, senderEnd));
        int id = line.indexOf(" id=", senderEnd);
        String messageId = null;
        if (id >= 0) {
            int end = line.indexOf(' ', id + 4);
            messageId = MtaLogLine.address(line.substring(id + 4, end < 0 ? line.length() : end));
        }
        return new Arrival(idBefore(line, flag), sender != null && sender.indexOf('@') > 0 ? sender : null, messageId);
    }

    /** What an arrival line says about a message. */
    record Arrival(String eximId, String sender, String messageId) {
    }

    /** Whether the line starts with Exim's date, "2026-12-06 10:00:00". */
    private static boolean isDated(String line) {
        return line.length() >= 25 && line.charAt(4) == '-' && line.charAt(7) == '-' && line.charAt(10) == ' ';
    }

    /** The message id just before the flag at {@code flag}. */
    private static String idBefore(String line, int flag) {
        return line.substring(line.lastIndexOf(' ', flag - 2) + 1, flag - 1);
    }

    /**
     * Where the two-character flag starts: after the time, an optional zone and [pid], and the
     * message id (three parts joined by dashes); -1 when the line has none.
     */
    private static int flagAt(String line) {
        int at = 19; // after "YYYY-MM-DD HH:MM:SS"
        while (at < line.length() && line.charAt(at) != ' ') at++; // fractions of a second ("HH:MM:SS.123")
        for (int tokens = 0; tokens < 4 && at < line.length(); tokens++) {
            while (at < line.length() && line.charAt(at) == ' ') at++;
            int end = line.indexOf(' ', at);
            if (end < 0) return -1;
            String token = line.substring(at, end);
            if (isMessageId(token)) {
                int flag = end + 1;
                return flag + 3 <= line.length() && line.charAt(flag + 2) == ' ' ? flag : -1;
            }
            at = end;
        }
        return -1;
    }

    /** Exim's message id: letters and digits in three parts joined by two dashes ("1vQmZc-0003Ab-7x"). */
    private static boolean isMessageId(String token) {
        if (token.length() < 14 || token.length() > 30) return false;
        int dashes = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '-') dashes++;
            else if (!Character.isLetterOrDigit(c)) return false;
        }
        return dashes == 2 && token.charAt(0) != '-' && token.charAt(token.length() - 1) != '-';
    }
}
