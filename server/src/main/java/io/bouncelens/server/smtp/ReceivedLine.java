package io.bouncelens.server.smtp;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The trace line the intake puts in front of each message it accepts (RFC 5321 section 4.4):
 * <pre>
 * Received: from mx.example.org ([192.0.2.7])
 *         by bouncelens (bouncelens) with ESMTPS (TLSv1.3 TLS_AES_256_GCM_SHA384) id 1A2B3C
 *         for &lt;bounces@example.com&gt;; Sun, 6 Dec 2026 21:30:00 +0000
 * </pre>
 * Written here rather than by subethasmtp, whose line asks DNS for the sender's name (a PTR
 * lookup on the way to every 250, as long as the resolver takes to answer or to fail) and says
 * {@code with SMTP} also over TLS. This one names the sender by its address only, and the
 * protocol as RFC 3848 registers it: {@code ESMTPS} once STARTTLS is done, {@code SMTP} before.
 * (Whether the client said EHLO or HELO subethasmtp does not tell, so plain sessions are not
 * called {@code ESMTP}.)
 */
final class ReceivedLine {

    /** RFC 5322 date-time, numeric zone. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);
    /** The longest HELO argument copied: a domain name is at most 255 octets. */
    private static final int MAX_HELO = 255;

    private ReceivedLine() {
    }

    /**
     * The header, folded and ending in CRLF.
     *
     * @param helo      what the client gave in HELO / EHLO, or null
     * @param from      the sender's address (the one a PROXY header named, behind a balancer)
     * @param socket    the session's socket: a TLS one after STARTTLS
     * @param by        this server's name, as its greeting gives it
     * @param sessionId the session's id, to find its log lines
     * @param recipient the one recipient, or null when there were several (their list is not
     *                  disclosed in a line every recipient's copy carries)
     */
    static byte[] of(String helo, SocketAddress from, Object socket, String by, String sessionId, String recipient,
                     ZonedDateTime at) {
        String literal = addressLiteral(from);
        String name = helo == null ? "" : visibleText(helo);
        StringBuilder line = new StringBuilder(200).append("Received: from ");
        line.append(name.isEmpty() ? literal : name).append(" (").append(literal).append(")\r\n");
        line.append("\tby ").append(by).append(" (bouncelens) with ");
        if (socket instanceof SSLSocket tls) {
            SSLSession session = tls.getSession();
            line.append("ESMTPS (").append(session.getProtocol()).append(' ').append(session.getCipherSuite()).append(')');
        } else {
            line.append("SMTP");
        }
        if (sessionId != null) line.append(" id ").append(sessionId);
        if (recipient != null) line.append("\r\n\tfor <").append(visibleText(recipient)).append('>');
        line.append(";\r\n\t").append(DATE.format(at.withZoneSameInstant(ZoneOffset.UTC))).append("\r\n");
        return line.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code [192.0.2.7]} or {@code [IPv6:2001:db8::7]} (RFC 5321 section 4.1.3); never a DNS lookup. */
    static String addressLiteral(SocketAddress from) {
        if (!(from instanceof InetSocketAddress socket) || socket.getAddress() == null) return "[unknown]";
        InetAddress address = socket.getAddress();
        String text = address.getHostAddress();
        int zone = text.indexOf('%');
        if (zone >= 0) text = text.substring(0, zone);
        return address instanceof Inet6Address ? "[IPv6:" + text + "]" : "[" + text + "]";
    }

    /**
     * A client's own words made safe for a header: visible ASCII only, without the characters that
     * would end a comment or the trace's clauses early ({@code ( ) \ ; < >}), at most 255 of them.
     */
    static String visibleText(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_HELO));
        for (int i = 0; i < text.length() && out.length() < MAX_HELO; i++) {
            char c = text.charAt(i);
            boolean visible = c > ' ' && c < 0x7F && "()\\;<>".indexOf(c) < 0;
            out.append(visible ? c : '?');
        }
        return out.toString();
    }
}
