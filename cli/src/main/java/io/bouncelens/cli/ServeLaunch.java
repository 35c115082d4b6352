package io.bouncelens.cli;

import io.bouncelens.server.BounceServer;
import io.bouncelens.server.ServerConfig;
import io.bouncelens.server.imap.ImapMailbox;
import io.bouncelens.server.policy.SuppressionPolicy;
import io.bouncelens.server.smtp.AddressRange;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Starts the server with {@link ServeCommand}'s options and runs until the process is stopped. */
final class ServeLaunch {

    private final ServeCommand options;
    private final PrintWriter err;

    ServeLaunch(ServeCommand options, PrintWriter err) {
        this.options = options;
        this.err = err;
    }

    int run() {
        ServerConfig config;
        try {
            StoreOptions store = options.store;
            if (store.problem() != null) throw new IllegalArgumentException(store.problem());
            config = new ServerConfig(InetAddress.getByName(options.bind), options.httpPort, options.smtpPort,
                    store.data, store.db, options.token, options.domains, options.maxMessageBytes,
                    options.maxSmtpConnections, options.maxSmtpConnectionsPerAddress,
                    new SuppressionPolicy(store.softLimit, Duration.ofDays(store.softDays)), List.of(), null,
                    options.retainDays == null ? null : Duration.ofDays(options.retainDays),
                    options.smtpProxyFrom.stream().map(AddressRange::parse).toList(), ServerConfig.Webhooks.NONE);
            if ((options.smtpTlsCertificate == null) != (options.smtpTlsKey == null)) {
                throw new IllegalArgumentException("--smtp-tls-cert and --smtp-tls-key go together");
            }
            if (options.smtpTlsCertificate != null) {
                config = config.withSmtpTls(new ServerConfig.SmtpTlsFiles(options.smtpTlsCertificate, options.smtpTlsKey));
            }
            if (options.suppressionWebhookSecretFile != null && !java.nio.file.Files.isReadable(options.suppressionWebhookSecretFile)) {
                throw new IllegalArgumentException("cannot read --suppression-webhook-secret-file "
                        + options.suppressionWebhookSecretFile);
            }
            config = config.withWebhooks(new ServerConfig.Webhooks(options.suppressionWebhooks,
                    options.suppressionWebhookSecretFile, ServerConfig.Webhooks.NONE.interval()));
            for (ImapMailbox mailbox : ImapLogins.mailboxes(options.imap, options.imapLogin,
                    Duration.ofMillis(Math.round(options.imapIntervalSeconds * 1000)))) {
                config = config.withImap(mailbox.withSince(options.imapSince));
            }
            String problem = config.problem();
            if (problem != null) throw new IllegalArgumentException(problem);
        } catch (UnknownHostException | IllegalArgumentException e) {
            err.println("bouncelens serve: " + e.getMessage());
            return 2;
        }
        BounceServer server;
        try {
            server = BounceServer.start(config);
        } catch (RuntimeException e) {
            err.println("bouncelens serve: cannot start: " + ServeCommand.oneLine(e));
            return 1;
        }
        String host = config.bind().getHostAddress();
        String shown = host.contains(":") ? "[" + host + "]" : host;
        err.println("bouncelens: web page and API on http://" + shown + ":" + server.httpPort() + "/");
        err.println("bouncelens: SMTP bounce intake on " + shown + ":" + server.smtpPort()
                + (config.domains().isEmpty() ? " (any domain)" : " for " + String.join(", ", config.domains()))
                + (server.smtpTlsSubject() == null ? "" : ", STARTTLS with " + server.smtpTlsSubject())
                + (config.smtpProxies().isEmpty() ? "" : ", PROXY protocol from " + config.smtpProxies().stream()
                        .map(AddressRange::toString).collect(java.util.stream.Collectors.joining(", "))));
        for (ImapMailbox mailbox : config.mailboxes()) {
            err.println("bouncelens: IMAP bounce intake from " + mailbox + " (" + mailbox.login() + "), every "
                    + options.imapIntervalSeconds + " s");
        }
        for (java.net.URI url : config.webhooks().urls()) {
            err.println("bouncelens: suppression-list changes posted to " + url.getScheme() + "://" + url.getRawAuthority()
                    + (url.getRawPath() == null ? "" : url.getRawPath())
                    + (config.webhooks().secretFile() == null ? " (unsigned)" : ", signed"));
        }
        err.println("bouncelens: store " + server.storeDescription()
                + (config.retention() == null ? "" : ", messages kept " + config.retention().toDays() + " days"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "bouncelens-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
