package io.bouncelens.server.smtp;

import io.bouncelens.server.intake.BounceIntake;
import io.bouncelens.server.intake.IntakeCounters;
import io.bouncelens.server.tls.ReloadingServerTls;
import org.subethamail.smtp.internal.proxy.ProxyHandler;
import org.subethamail.smtp.server.SMTPServer;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The SMTP server that swallows bounces. With a certificate it offers STARTTLS (RFC 3207) but does
 * not require it: it is reached as a domain's MX, and a publicly referenced server must take mail
 * from senders without TLS as well.
 */
public final class SmtpIntake implements AutoCloseable {

    /** The name the greeting, EHLO and the Received line give. */
    static final String HOST_NAME = "bouncelens";

    private final SMTPServer server;
    private final ReloadingServerTls tls;

    public SmtpIntake(InetAddress bind, int port, BounceIntake intake, RecipientDomains domains,
                      int maxMessageBytes, int maxConnections, int maxConnectionsPerAddress, IntakeCounters counters,
                      ReloadingServerTls tls, List<AddressRange> proxies) {
        this.tls = tls;
        SMTPServer.Builder builder = SMTPServer.port(port)
                .bindAddress(bind)
                .hostName(HOST_NAME)
                // (our own trace line, without subethasmtp's DNS lookup per message: ReceivedLine)
                .insertReceivedHeaders(false)
                .softwareName("bouncelens")
                .maxConnections(maxConnections)
                .sessionHandler(new PerAddressLimit(maxConnectionsPerAddress, counters.smtpRefusedPerAddress))
                // (subethasmtp declares the handler's type in an internal package; the version is pinned)
                .proxyHandler(proxies.isEmpty() ? ProxyHandler.NOP : new ProxyProtocol(proxies, counters.smtpRefusedProxyHeader))
                .connectionTimeout(60, TimeUnit.SECONDS)
                .maxRecipients(100)
                // Advertised in EHLO (SIZE) so well-behaved senders do not even try a larger message.
                .maxMessageSize(maxMessageBytes)
                .messageHandlerFactory(ctx -> new BounceMessageHandler(intake, domains, maxMessageBytes, counters, ctx));
        if (tls != null) {
            counters.smtpCertificateExpiry = () -> tls.certificate().notAfter().getEpochSecond();
            // (wrapped so that EHLO after STARTTLS no longer offers it: RFC 3207 section 4.2)
            builder.enableTLS().startTlsSocketFactory(plain -> new SecuredSession(tls.serverSocket(plain)));
        }
        this.server = builder.build();
    }

    public void start() {
        server.start();
    }

    /** The port actually bound (useful when 0 asked for any free one). */
    public int port() {
        return server.getPortAllocated();
    }

    /** The subject of the certificate STARTTLS presents now; null without TLS. */
    public String tlsSubject() {
        return tls == null ? null : tls.certificate().subject();
    }

    @Override
    public void close() {
        server.stop();
    }
}
