package io.bouncelens.server.smtp;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The networks an operator names with --smtp-proxy-from. */
class AddressRangeTest {

    @Test
    void aNetworkHoldsTheAddressesUnderItsPrefixOnly() throws Exception {
        AddressRange v4 = AddressRange.parse("10.1.0.0/20");
        assertThat(v4.contains(InetAddress.getByName("10.1.15.255"))).isTrue();
        assertThat(v4.contains(InetAddress.getByName("10.1.16.0"))).isFalse();
        assertThat(v4.contains(InetAddress.getByName("::ffff:10.1.2.3"))).as("IPv4-mapped IPv6").isTrue();
        assertThat(v4.contains(InetAddress.getByName("2001:db8::1"))).isFalse();

        AddressRange v6 = AddressRange.parse("2001:db8:a::/48");
        assertThat(v6.contains(InetAddress.getByName("2001:db8:a:ffff::1"))).isTrue();
        assertThat(v6.contains(InetAddress.getByName("2001:db8:b::1"))).isFalse();
        assertThat(v6.contains(InetAddress.getByName("10.1.2.3"))).isFalse();

        AddressRange one = AddressRange.parse(" 192.0.2.25 ");
        assertThat(one).hasToString("192.0.2.25/32");
        assertThat(one.contains(InetAddress.getByName("192.0.2.25"))).isTrue();
        assertThat(one.contains(InetAddress.getByName("192.0.2.24"))).isFalse();
        assertThat(AddressRange.parse("0.0.0.0/0").contains(InetAddress.getByName("198.51.100.1"))).isTrue();
        assertThat(AddressRange.parse("::/0").contains(InetAddress.getByName("::1"))).isTrue();
    }

    @Test
    void ipv6IsReadInEveryShapeItIsWritten() {
        assertThat(IpLiteral.parse("::")).containsOnly(0);
        assertThat(IpLiteral.parse("::1")).endsWith(0, 1).hasSize(16);
        assertThat(IpLiteral.parse("2001:DB8::")).startsWith(0x20, 0x01, 0x0d, (byte) 0xb8).hasSize(16);
        assertThat(IpLiteral.parse("1:2:3:4:5:6:7:8")).endsWith(0, 8);
        assertThat(IpLiteral.parse("::ffff:192.0.2.1")).endsWith((byte) 0xff, (byte) 0xff, (byte) 192, 0, 2, 1);
        assertThat(IpLiteral.parse("1:2:3:4:5:6:7:8:9")).isNull();
        assertThat(IpLiteral.parse("1::2::3")).isNull();
        assertThat(IpLiteral.parse("1:2:3:4:5:6:7")).isNull();
        assertThat(IpLiteral.parse("1:2:3:4:5:6:7::8")).isNull();
        assertThat(IpLiteral.parse("12345::")).isNull();
        assertThat(IpLiteral.parse("g::1")).isNull();
    }

    @Test
    void anythingButAnAddressIsRefusedInOneLineAndNeverLookedUp() {
        // Host names would need DNS, and InetAddress.getByName would ask it: they are not taken.
        for (String bad : new String[] {"localhost", "lb.example.com", "abc", "10.0.0.0/33", "2001:db8::/129", "10.0.0/8",
                "256.1.1.1", "1.2.3.4/", "1.2.3.4/-1", "1.2.3.4/+8", "01234.1.1.1", "１.２.３.４", "", "10.0.0.1/8/8"}) {
            assertThatThrownBy(() -> AddressRange.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("\n")
                    .hasMessageContaining(bad.strip());
        }
    }
}
