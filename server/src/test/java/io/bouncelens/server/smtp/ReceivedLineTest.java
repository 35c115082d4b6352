package io.bouncelens.server.smtp;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The trace line on a message from an ordinary sender, an IPv6 one, and one whose HELO is hostile. */
class ReceivedLineTest {

    private static final ZonedDateTime AT = ZonedDateTime.of(2026, 12, 6, 22, 30, 5, 0, ZoneId.of("Asia/Shanghai"));

    private static String line(String helo, InetSocketAddress from, String recipient) {
        return new String(ReceivedLine.of(helo, from, null, "bouncelens", "S1", recipient, AT), StandardCharsets.US_ASCII);
    }

    private static InetSocketAddress at(String literal, int... bytes) throws Exception {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) b[i] = (byte) bytes[i];
        return new InetSocketAddress(InetAddress.getByAddress(b), 25); // no name: nothing to look up
    }

    @Test
    void anOrdinarySenderOverPlainSmtp() throws Exception {
        assertThat(line("mx.example.org", at("192.0.2.7", 192, 0, 2, 7), "bounces@example.com")).isEqualTo(
                "Received: from mx.example.org ([192.0.2.7])\r\n"
                        + "\tby bouncelens (bouncelens) with SMTP id S1\r\n"
                        + "\tfor <bounces@example.com>;\r\n"
                        + "\tSun, 6 Dec 2026 14:30:05 +0000\r\n");
    }

    @Test
    void anIpv6SenderWithoutHeloAndSeveralRecipients() throws Exception {
        InetSocketAddress v6 = at("2001:db8::7", 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7);
        String line = line(null, v6, null);
        assertThat(line).startsWith("Received: from [IPv6:2001:db8:0:0:0:0:0:7] ([IPv6:2001:db8:0:0:0:0:0:7])\r\n");
        assertThat(line).doesNotContain("for <");
    }

    @Test
    void aHostileHeloCannotEndTheLineOrItsClausesEarly() throws Exception {
        String helo = "evil.example); by trusted.example with ESMTPS; Mon, 1 Jan 2000\r\nX-Injected: yes 伪造" + "a".repeat(1000);
        String line = line(helo, at("192.0.2.7", 192, 0, 2, 7), "x@example.com>\r\nBcc: <y@example.com");
        assertThat(line.split("\r\n")).hasSize(4);
        assertThat(line).doesNotContain("X-Injected: ").doesNotContain("\nBcc").contains(" ([192.0.2.7])\r\n");
        assertThat(line.substring(0, line.indexOf(" ([192.0.2.7])"))).doesNotContain("(", ")", ";", "<", ">")
                .hasSizeLessThanOrEqualTo("Received: from ".length() + 255);
        assertThat(line.chars().allMatch(c -> c < 0x80)).isTrue();
        assertThat(line.indexOf(';')).isEqualTo(line.lastIndexOf(';'));
    }
}
