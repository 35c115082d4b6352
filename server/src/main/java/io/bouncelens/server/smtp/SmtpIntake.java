package io.bouncelens.server.smtp;

import io.bouncelens.server.intake.BounceIntake;
import io.bouncelens.server.intake.IntakeCounters;
import org.subethamail.smtp.server.SMTPServer;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;

/** The SMTP server that swallows bounces. */
public final class SmtpIntake implements AutoCloseable {

    private final SMTPServer server;

    public SmtpIntake(InetAddress bind, int port, BounceIntake intake, RecipientDomains domains,
                      int maxMessageBytes, int maxConnections, IntakeCounters counters) {
        this.server = SMTPServer.port(port)
                .bindAddress(bind)
                .hostName("bouncelens")
                .softwareName("bouncelens")
                .maxConnections(maxConnections)
                .connectionTimeout(60, TimeUnit.SECONDS)
                .maxRecipients(100)
                // Advertised in EHLO (SIZE) so well-behaved senders do not even try a larger message.
                .maxMessageSize(maxMessageBytes)
                .messageHandlerFactory(ctx -> new BounceMessageHandler(intake, domains, maxMessageBytes, counters, ctx))
                .build();
    }

    public void start() {
        server.start();
    }

    /** The port actually bound (useful when 0 asked for any free one). */
    public int port() {
        return server.getPortAllocated();
    }

    @Override
    public void close() {
        server.stop();
    }
}
