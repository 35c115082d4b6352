package io.bouncelens.server.smtp;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the per-address session limit counts together. (The limit itself is run with real SMTP
 * sessions in SmtpProtocolTest; this machine has one address per family, so the /64 is shown here.)
 */
class PerAddressLimitTest {

    @Test
    void anIpv6SenderCountsByItsSlash64AndAnIpv4OneByItsAddress() throws Exception {
        InetAddress a = PerAddressLimit.source(InetAddress.getByName("2001:db8:1:2::25"));
        InetAddress b = PerAddressLimit.source(InetAddress.getByName("2001:db8:1:2:a:b:c:d"));
        InetAddress otherNetwork = PerAddressLimit.source(InetAddress.getByName("2001:db8:1:3::25"));
        assertThat(a).isEqualTo(b).isNotEqualTo(otherNetwork);
        assertThat(a.getHostAddress()).isEqualTo("2001:db8:1:2:0:0:0:0");
        assertThat(PerAddressLimit.source(InetAddress.getByName("192.0.2.7")))
                .isNotEqualTo(PerAddressLimit.source(InetAddress.getByName("192.0.2.8")));
    }
}
