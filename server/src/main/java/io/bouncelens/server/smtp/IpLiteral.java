package io.bouncelens.server.smtp;

/**
 * IPv4 and IPv6 addresses written as text, read into their bytes without the JDK's
 * {@code InetAddress.getByName}, which asks DNS whenever the text is not an address it knows: text
 * from a connection or a command line must never start a lookup.
 */
final class IpLiteral {

    private IpLiteral() {
    }

    /** The 4 or 16 bytes of {@code text}, or null when it is not an IPv4 or IPv6 address. */
    static byte[] parse(String text) {
        if (text.indexOf(':') >= 0) return ipv6(text);
        return ipv4(text);
    }

    /** Dotted quad, each part 0-255 in at most three digits. */
    static byte[] ipv4(String text) {
        byte[] out = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                if (++digits > 3) return null;
                value = value * 10 + (c - '0');
            } else if (c == '.') {
                if (digits == 0 || value > 255 || part == 4) return null;
                out[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    /** Eight groups of up to four hex digits, "::" once for a run of zero groups, an IPv4 tail allowed. */
    static byte[] ipv6(String text) {
        if (text.length() > 45) return null;
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) return null;
        String head = gap < 0 ? text : text.substring(0, gap);
        String tail = gap < 0 ? "" : text.substring(gap + 2);
        byte[] front = groups(head, gap < 0);
        byte[] back = gap < 0 ? new byte[0] : groups(tail, true);
        if (front == null || back == null) return null;
        int total = front.length + back.length;
        if (gap < 0 ? total != 16 : total > 14) return null;
        byte[] out = new byte[16];
        System.arraycopy(front, 0, out, 0, front.length);
        System.arraycopy(back, 0, out, 16 - back.length, back.length);
        return out;
    }

    /** The bytes of colon-separated groups; the last may be an IPv4 address when {@code last} says so. */
    private static byte[] groups(String text, boolean last) {
        if (text.isEmpty()) return new byte[0];
        byte[] out = new byte[18];
        int n = 0;
        int start = 0;
        while (true) {
            int colon = text.indexOf(':', start);
            int end = colon < 0 ? text.length() : colon;
            String p = text.substring(start, end);
            if (colon < 0 && last && p.indexOf('.') >= 0) {
                byte[] v4 = ipv4(p);
                if (v4 == null || n + 4 > out.length) return null;
                System.arraycopy(v4, 0, out, n, 4);
                return java.util.Arrays.copyOf(out, n + 4);
            }
            if (p.isEmpty() || p.length() > 4 || n + 2 > out.length) return null;
            int value = 0;
            for (int j = 0; j < p.length(); j++) {
                int d = hex(p.charAt(j));
                if (d < 0) return null;
                value = value * 16 + d;
            }
            out[n++] = (byte) (value >> 8);
            out[n++] = (byte) value;
            if (colon < 0) return java.util.Arrays.copyOf(out, n);
            start = colon + 1;
        }
    }

    /** An ASCII hex digit's value, or -1 (Character.digit would also take other scripts' digits). */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
}
