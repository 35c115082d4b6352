package io.bouncelens.read;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Whether text starts like an email message rather than like an SMTP reply or a log line: an mbox
 * {@code From } line, or a header field that opens messages ({@code Return-Path:}, {@code Received:},
 * {@code From:}, {@code Date:}, {@code X-...:} and the like). A report's own fields
 * ({@code Final-Recipient:}, {@code Diagnostic-Code:}) do not count: pasted alone, each of their
 * lines is a reply to explain. Only the first line (and the one after an mbox line) is looked at,
 * so the first bytes to arrive are enough.
 */
public final class MessageStart {

    private static final Set<String> OPENING_FIELDS = Set.of("return-path", "received", "delivered-to",
            "from", "to", "date", "subject", "message-id", "mime-version", "reply-to", "sender", "envelope-to",
            "authentication-results", "dkim-signature", "arc-seal", "arc-message-signature",
            "arc-authentication-results", "received-spf", "content-type", "auto-submitted");

    private MessageStart() {
    }

    /** Whether {@code bytes[0, length)}, the first bytes of an input, begin an email message. */
    public static boolean looksLikeMessage(byte[] bytes, int length) {
        int lineEnd = lineEnd(bytes, 0, length);
        int start = 0;
        if (startsWith(bytes, length, "From ")) {
            if (lineEnd >= length) return false; // an mbox line alone says nothing yet
            start = lineEnd + 1;
            if (bytes[lineEnd] == '\r' && start < length && bytes[start] == '\n') start++;
            lineEnd = lineEnd(bytes, start, length);
        }
        return opensWithField(new String(bytes, start, lineEnd - start, StandardCharsets.ISO_8859_1));
    }

    private static boolean opensWithField(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) return false;
        for (int i = 0; i < colon; i++) {
            char c = line.charAt(i);
            boolean nameChar = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';
            if (!nameChar) return false;
        }
        String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
        return OPENING_FIELDS.contains(name) || name.startsWith("x-") && name.length() > 2;
    }

    private static int lineEnd(byte[] b, int from, int length) {
        for (int i = from; i < length; i++) {
            if (b[i] == '\n' || b[i] == '\r') return i;
        }
        return length;
    }

    private static boolean startsWith(byte[] b, int length, String prefix) {
        if (length < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) {
            if (b[i] != prefix.charAt(i)) return false;
        }
        return true;
    }
}
