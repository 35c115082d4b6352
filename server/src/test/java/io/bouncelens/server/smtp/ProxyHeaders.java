package io.bouncelens.server.smtp;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** PROXY protocol headers as load balancers write them, for the tests. */
public final class ProxyHeaders {

    private ProxyHeaders() {
    }

    /** Version 1, as HAProxy writes it for an IPv4 client reaching port 25. */
    public static byte[] v1(String sender, int port) {
        return ("PROXY TCP4 " + sender + " 192.0.2.25 " + port + " 25\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Version 2: the signature, version 2 with PROXY (or LOCAL), the address family over TCP, the
     * length, the addresses and ports, and a TLV such as AWS's load balancers append.
     */
    public static byte[] v2(InetAddress sender, int port, boolean proxy) {
        byte[] source = sender.getAddress();
        byte[] tlv = {0x04, 0x00, 0x03, 'a', 'b', 'c'}; // PP2_TYPE_NOOP with three bytes
        ByteBuffer b = ByteBuffer.allocate(16 + 2 * source.length + 4 + tlv.length);
        b.put(new byte[] {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A});
        b.put((byte) (proxy ? 0x21 : 0x20));
        b.put((byte) (source.length == 4 ? 0x11 : 0x21));
        b.putShort((short) (2 * source.length + 4 + tlv.length));
        b.put(source).put(new byte[source.length]); // the destination: all zeros will do
        b.putShort((short) port).putShort((short) 25);
        b.put(tlv);
        return b.array();
    }
}
