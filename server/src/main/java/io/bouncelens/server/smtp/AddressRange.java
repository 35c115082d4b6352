package io.bouncelens.server.smtp;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A network written as {@code 192.0.2.0/24}, {@code 2001:db8::/32} or a single address, as an
 * operator names the load balancers allowed to say where a connection really comes from. Only
 * literal addresses are taken: nothing here ever asks DNS.
 */
public final class AddressRange {

    private final byte[] network;
    private final int prefixLength;

    private AddressRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** Parses {@code ADDRESS[/BITS]}; a one-line IllegalArgumentException says what is wrong. */
    public static AddressRange parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        byte[] address = IpLiteral.parse(slash < 0 ? s : s.substring(0, slash));
        if (address == null) throw new IllegalArgumentException("not an IP address or network: " + text);
        int bits = address.length * 8;
        if (slash >= 0) {
            String digits = s.substring(slash + 1);
            if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(digits) > bits) {
                throw new IllegalArgumentException("not an IP network (prefix length 0-" + bits + "): " + text);
            }
            bits = Integer.parseInt(digits);
        }
        return new AddressRange(address, bits);
    }

    /** Whether {@code address} is inside; an IPv4 address given as IPv4-mapped IPv6 counts as IPv4. */
    public boolean contains(InetAddress address) {
        byte[] bytes = unmapped(address.getAddress());
        if (bytes.length != network.length) return false;
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != network[i]) return false;
        }
        int rest = prefixLength % 8;
        if (rest == 0) return true;
        int mask = (0xff << (8 - rest)) & 0xff;
        return (bytes[whole] & mask) == (network[whole] & mask);
    }

    /** ::ffff:a.b.c.d (a dual-stack socket's view of an IPv4 peer) as the four bytes of a.b.c.d. */
    private static byte[] unmapped(byte[] bytes) {
        if (bytes.length != 16) return bytes;
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) return bytes;
        }
        if (bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) return bytes;
        return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // 4 or 16 bytes are always an address
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressRange r && r.prefixLength == prefixLength && java.util.Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(network) * 31 + prefixLength;
    }

}
