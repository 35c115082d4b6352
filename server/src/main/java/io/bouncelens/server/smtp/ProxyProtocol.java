package io.bouncelens.server.smtp;

import org.subethamail.smtp.internal.proxy.ProxyHandler;
import org.subethamail.smtp.server.Session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The PROXY protocol (HAProxy's, versions 1 and 2) on the SMTP intake, for an intake behind a TCP
 * load balancer: the balancer opens each connection with a header naming the sender's address, and
 * the session then counts, limits and records that address rather than the balancer's. Without it
 * every session would seem to come from the balancer, and the per-address limit would hold all
 * senders together to one share.
 *
 * <p>Only connections from the configured ranges are read this way, and from them the header is
 * required (the protocol forbids guessing whether one was sent): anyone else could otherwise claim
 * any address. A connection from elsewhere is plain SMTP, where a PROXY line is an unknown command.
 * A balancer's own health check (version 2's LOCAL, version 1's UNKNOWN) keeps the real address.
 */
final class ProxyProtocol implements ProxyHandler {

    /** Version 1 is one text line of at most 107 bytes, CRLF included. */
    static final int MAX_V1_LINE = 107;
    private static final byte[] V2_SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};

    private final List<AddressRange> trusted;
    private final LongAdder refused;

    ProxyProtocol(List<AddressRange> trusted, LongAdder refused) {
        this.trusted = List.copyOf(trusted);
        this.refused = refused;
    }

    @Override
    public ProxyResult handle(InputStream in, OutputStream out, Session session) {
        InetSocketAddress real = session.getRealRemoteAddress();
        if (real == null || !fromTrusted(real.getAddress())) return ProxyResult.NOP;
        try {
            InetSocketAddress sender = read(in);
            return sender == null ? ProxyResult.NOP : new ProxyResult(sender);
        } catch (Malformed | IOException e) {
            // an I/O error is most often the session's timeout: the balancer sent nothing
            refused.increment();
            String what = e instanceof Malformed ? e.getMessage() : "no PROXY protocol header in time";
            return new ProxyResult(421, "4.3.0 " + what + " from the load balancer at "
                    + real.getAddress().getHostAddress() + "; closing");
        }
    }

    private boolean fromTrusted(InetAddress address) {
        for (AddressRange r : trusted) {
            if (r.contains(address)) return true;
        }
        return false;
    }

    /**
     * Reads one header from the start of the stream, nothing beyond it; returns the sender it
     * names, or null when it names none (a health check, an unknown family).
     */
    static InetSocketAddress read(InputStream in) throws IOException, Malformed {
        int first = in.read();
        if (first == 'P') return v1(in);
        if (first == V2_SIGNATURE[0]) return v2(in);
        throw new Malformed(first < 0 ? "no PROXY protocol header (connection closed)" : "no PROXY protocol header");
    }

    /** "PROXY TCP4 192.0.2.1 198.51.100.2 56324 25\r\n"; the 'P' is read already. */
    private static InetSocketAddress v1(InputStream in) throws IOException, Malformed {
        StringBuilder line = new StringBuilder(MAX_V1_LINE).append('P');
        while (true) {
            int b = in.read();
            if (b < 0) throw new Malformed("PROXY header cut off");
            if (b == '\n') break;
            if (line.length() >= MAX_V1_LINE - 1 || b < 0x20 && b != '\r' || b > 0x7e) {
                throw new Malformed("malformed PROXY header");
            }
            line.append((char) b);
        }
        if (line.charAt(line.length() - 1) != '\r') throw new Malformed("malformed PROXY header");
        String[] f = fields(line.substring(0, line.length() - 1));
        if (f.length < 2 || !f[0].equals("PROXY")) throw new Malformed("malformed PROXY header");
        if (f[1].equals("UNKNOWN")) return null;
        if (f.length != 6 || !(f[1].equals("TCP4") || f[1].equals("TCP6"))) throw new Malformed("malformed PROXY header");
        byte[] address = f[1].equals("TCP4") ? IpLiteral.ipv4(f[2]) : IpLiteral.ipv6(f[2]);
        int port = port(f[4]);
        if (address == null || port < 0 || port(f[5]) < 0
                || (f[1].equals("TCP4") ? IpLiteral.ipv4(f[3]) : IpLiteral.ipv6(f[3])) == null) {
            throw new Malformed("malformed PROXY header");
        }
        return socketAddress(address, port);
    }

    /** The 16-byte binary header and what its length says follows; the first byte is read already. */
    private static InetSocketAddress v2(InputStream in) throws IOException, Malformed {
        byte[] head = new byte[16];
        head[0] = V2_SIGNATURE[0];
        readFully(in, head, 1, 15);
        for (int i = 0; i < V2_SIGNATURE.length; i++) {
            if (head[i] != V2_SIGNATURE[i]) throw new Malformed("malformed PROXY header");
        }
        int version = (head[12] & 0xf0) >> 4;
        int command = head[12] & 0x0f;
        int family = (head[13] & 0xf0) >> 4;
        int length = ((head[14] & 0xff) << 8) | (head[15] & 0xff);
        if (version != 2 || command > 1) throw new Malformed("unsupported PROXY header version or command");
        byte[] body = new byte[length]; // at most 64 KiB: the length is two bytes
        readFully(in, body, 0, length);
        if (command == 0) return null; // LOCAL: the balancer's own connection
        int size = family == 1 ? 4 : family == 2 ? 16 : 0;
        if (size == 0) return null; // UNSPEC or a UNIX socket: no IP address to take
        if (length < 2 * size + 4) throw new Malformed("PROXY header shorter than its addresses");
        byte[] address = java.util.Arrays.copyOfRange(body, 0, size);
        int port = ((body[2 * size] & 0xff) << 8) | (body[2 * size + 1] & 0xff);
        return socketAddress(address, port);
    }

    private static String[] fields(String line) {
        List<String> out = new java.util.ArrayList<>(6);
        int start = 0;
        while (true) {
            int space = line.indexOf(' ', start);
            out.add(line.substring(start, space < 0 ? line.length() : space));
            if (space < 0 || out.size() > 6) return out.toArray(String[]::new);
            start = space + 1;
        }
    }

    /** 0-65535 in at most five digits, no sign; -1 otherwise. */
    private static int port(String digits) {
        if (digits.isEmpty() || digits.length() > 5) return -1;
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value <= 65535 ? value : -1;
    }

    private static InetSocketAddress socketAddress(byte[] address, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // 4 or 16 bytes are always an address
        }
    }

    private static void readFully(InputStream in, byte[] into, int offset, int length) throws IOException, Malformed {
        int done = 0;
        while (done < length) {
            int n = in.read(into, offset + done, length - done);
            if (n < 0) throw new Malformed("PROXY header cut off");
            done += n;
        }
    }

    /** A header that is missing or not as the protocol writes it; the message is one line for the reply. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
