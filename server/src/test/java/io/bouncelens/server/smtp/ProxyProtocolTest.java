package io.bouncelens.server.smtp;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading the header a load balancer opens a connection with. (Real sessions through the intake
 * are in SmtpProxyProtocolTest; here are the header's edges.)
 */
class ProxyProtocolTest {

    @Test
    void version1NamesTheSenderAndLeavesTheSessionsBytesUnread() throws Exception {
        ByteArrayInputStream in = stream("PROXY TCP6 2001:db8::7 2001:db8::1 51000 25\r\nEHLO x\r\n");
        InetSocketAddress sender = ProxyProtocol.read(in);
        assertThat(sender.getAddress().getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(sender.getPort()).isEqualTo(51000);
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("EHLO x\r\n");

        // the longest lines the protocol allows: 104 bytes for TCP6, 107 for UNKNOWN (its worst case)
        String v6 = "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff";
        assertThat(ProxyProtocol.read(stream("PROXY TCP6 " + v6 + " " + v6 + " 65535 65535\r\n")).getPort()).isEqualTo(65535);
        String longest = "PROXY UNKNOWN " + v6 + " " + v6 + " 65535 65535\r\n";
        assertThat(longest).hasSize(ProxyProtocol.MAX_V1_LINE);
        assertThat(ProxyProtocol.read(stream(longest))).isNull();
        assertThatThrownBy(() -> ProxyProtocol.read(stream(longest.replace("65535 65535", "65535 065535"))))
                .isInstanceOf(ProxyProtocol.Malformed.class);
    }

    @Test
    void version2SkipsWhatFollowsTheAddressesAndNothingMore() throws Exception {
        byte[] header = ProxyHeaders.v2(java.net.InetAddress.getByName("198.51.100.9"), 40404, true);
        byte[] withSession = new byte[header.length + 4];
        System.arraycopy(header, 0, withSession, 0, header.length);
        System.arraycopy("QUIT".getBytes(StandardCharsets.US_ASCII), 0, withSession, header.length, 4);
        ByteArrayInputStream in = new ByteArrayInputStream(withSession);
        InetSocketAddress sender = ProxyProtocol.read(in);
        assertThat(sender.getAddress().getHostAddress()).isEqualTo("198.51.100.9");
        assertThat(sender.getPort()).isEqualTo(40404);
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("QUIT");
    }

    @Test
    void whatIsNotAHeaderIsRefused() throws Exception {
        for (String bad : new String[] {
                "", "EHLO x\r\n", "PROXY TCP4 192.0.2.1 192.0.2.2 1 25\n", "PROXY TCP4 192.0.2.1 192.0.2.2 1\r\n",
                "PROXY TCP4 192.0.2.1 192.0.2.2 1 25 6\r\n", "PROXY TCP4 2001:db8::1 192.0.2.2 1 25\r\n",
                "PROXY TCP6 192.0.2.1 2001:db8::2 1 25\r\n", "PROXY TCP4 192.0.2.1 192.0.2.2 65536 25\r\n",
                "PROXY TCP4 localhost 192.0.2.2 1 25\r\n", "PROXY UDP4 192.0.2.1 192.0.2.2 1 25\r\n",
                "proxy TCP4 192.0.2.1 192.0.2.2 1 25\r\n", "PROXY TCP4 192.0.2.1 192.0.2.2 1 25", "PROXY TCP4\u00e9\r\n",
                "PROXY " + "x".repeat(500)}) {
            assertThatThrownBy(() -> ProxyProtocol.read(stream(bad))).as(bad).isInstanceOf(ProxyProtocol.Malformed.class);
        }
        byte[] v2 = ProxyHeaders.v2(java.net.InetAddress.getByName("198.51.100.9"), 1, true);
        v2[12] = 0x31; // version 3
        assertThatThrownBy(() -> ProxyProtocol.read(new ByteArrayInputStream(v2))).isInstanceOf(ProxyProtocol.Malformed.class);
        byte[] cut = java.util.Arrays.copyOf(ProxyHeaders.v2(java.net.InetAddress.getByName("198.51.100.9"), 1, true), 20);
        assertThatThrownBy(() -> ProxyProtocol.read(new ByteArrayInputStream(cut))).isInstanceOf(ProxyProtocol.Malformed.class);
    }

    @Test
    void randomBytesGiveAnAnswerOrARefusalAndAreReadOnlyAsFarAsTheHeaderGoes() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] junk = new byte[random.nextInt(200)];
            random.nextBytes(junk);
            if (junk.length > 0 && random.nextBoolean()) junk[0] = 'P';
            ByteArrayInputStream in = new ByteArrayInputStream(junk);
            try {
                ProxyProtocol.read(in);
            } catch (ProxyProtocol.Malformed expected) {
                // the one way to refuse
            }
            // version 1 reads at most its 107 bytes; version 2 at most 16 plus its length
            assertThat(junk.length - in.available()).isLessThanOrEqualTo(16 + 65535);
            if (junk.length > 0 && junk[0] == 'P') assertThat(junk.length - in.available()).isLessThanOrEqualTo(ProxyProtocol.MAX_V1_LINE);
        }
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
