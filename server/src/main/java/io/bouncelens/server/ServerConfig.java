package io.bouncelens.server;

import io.bouncelens.server.imap.ImapMailbox;
import io.bouncelens.server.policy.SuppressionPolicy;
import io.bouncelens.server.smtp.AddressRange;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Everything {@code bouncelens serve} can be told.
 *
 * @param bind               address both servers listen on; loopback by default
 * @param httpPort           HTTP port (0 = any free port)
 * @param smtpPort           SMTP port (0 = any free port)
 * @param dataDir            where the embedded SQLite store lives
 * @param databaseUrl        a jdbc:postgresql: URL, or null for the embedded store
 * @param token              bearer token for write calls; null for none (loopback only)
 * @param domains            domains the SMTP intake takes bounces for; empty = any (loopback only)
 * @param maxMessageBytes    largest message accepted over SMTP or HTTP
 * @param maxSmtpConnections concurrent SMTP sessions
 * @param maxSmtpConnectionsPerAddress concurrent SMTP sessions from one address beyond this machine
 * @param policy             when an address is suppressed
 * @param mailboxes          mailboxes to read bounces from besides the SMTP intake; empty for none
 * @param smtpTls            the certificate and key STARTTLS presents; null for an intake without TLS
 * @param retention          how long stored messages are kept (pruned hourly); null to keep them all
 * @param smtpProxies        load balancers whose SMTP connections open with a PROXY protocol header naming
 *                           the sender; empty for none
 * @param webhooks           where every change to the suppression list is posted; {@link Webhooks#NONE} for nowhere
 */
public record ServerConfig(InetAddress bind, int httpPort, int smtpPort, Path dataDir, String databaseUrl,
                           String token, List<String> domains, int maxMessageBytes, int maxSmtpConnections,
                           int maxSmtpConnectionsPerAddress,
                           SuppressionPolicy policy, List<ImapMailbox> mailboxes,
                           SmtpTlsFiles smtpTls, Duration retention, List<AddressRange> smtpProxies,
                           Webhooks webhooks) {

    /** The PEM files of the SMTP intake's certificate chain and private key (certbot's fullchain.pem, privkey.pem). */
    public record SmtpTlsFiles(Path certificate, Path key) {
    }

    /**
     * The sending platforms' webhooks that get every change to the suppression list.
     *
     * @param urls       http(s) URLs to post to, each with its own place in the journal
     * @param secretFile the key their posts are signed with (HMAC-SHA256), read at each post; null: unsigned
     * @param interval   how often the journal is looked at for new changes
     */
    public record Webhooks(List<URI> urls, Path secretFile, Duration interval) {
        public static final Webhooks NONE = new Webhooks(List.of(), null, Duration.ofSeconds(2));

        public Webhooks {
            urls = List.copyOf(urls);
        }

        /** The one-line reason these cannot be used, or null. */
        String problem() {
            for (URI url : urls) {
                String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
                if (!scheme.equals("https") && !scheme.equals("http") || url.getHost() == null) {
                    return "--suppression-webhook must be an http(s) URL: " + url;
                }
                // the posts hold your recipients' addresses: beyond this machine only over TLS
                if (scheme.equals("http") && !List.of("localhost", "127.0.0.1", "[::1]").contains(url.getHost())) {
                    return "--suppression-webhook must use https beyond this machine: " + url;
                }
            }
            return interval.isNegative() || interval.isZero() ? "the webhook interval must be positive" : null;
        }
    }

    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_SMTP_PORT = 2525;
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
    public static final int DEFAULT_MAX_SMTP_CONNECTIONS = 50;
    public static final int DEFAULT_MAX_SMTP_CONNECTIONS_PER_ADDRESS = 10;

    public ServerConfig {
        domains = List.copyOf(domains);
        mailboxes = List.copyOf(mailboxes);
        smtpProxies = List.copyOf(smtpProxies);
        if (webhooks == null) webhooks = Webhooks.NONE;
        if (token != null && token.isBlank()) token = null;
    }

    /** Loopback, default ports and limits, the embedded store in {@code dataDir}. */
    public static ServerConfig loopback(Path dataDir) {
        return new ServerConfig(InetAddress.getLoopbackAddress(), DEFAULT_HTTP_PORT, DEFAULT_SMTP_PORT, dataDir,
                null, null, List.of(), DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_SMTP_CONNECTIONS,
                DEFAULT_MAX_SMTP_CONNECTIONS_PER_ADDRESS,
                SuppressionPolicy.defaults(), List.of(), null, null, List.of(), Webhooks.NONE);
    }

    public ServerConfig withBind(InetAddress address) {
        return with(c -> c.bind = address);
    }

    public ServerConfig withPorts(int http, int smtp) {
        return with(c -> {
            c.httpPort = http;
            c.smtpPort = smtp;
        });
    }

    public ServerConfig withDatabaseUrl(String url) {
        return with(c -> c.databaseUrl = url);
    }

    public ServerConfig withToken(String t) {
        return with(c -> c.token = t);
    }

    public ServerConfig withMaxMessageBytes(int max) {
        return with(c -> c.maxMessageBytes = max);
    }

    public ServerConfig withMaxSmtpConnections(int max) {
        return with(c -> c.maxSmtpConnections = max);
    }

    public ServerConfig withMaxSmtpConnectionsPerAddress(int max) {
        return with(c -> c.maxSmtpConnectionsPerAddress = max);
    }

    /** One more mailbox to read, besides those already named. */
    public ServerConfig withImap(ImapMailbox mailbox) {
        return with(c -> c.mailboxes = Stream.concat(c.mailboxes.stream(), Stream.of(mailbox)).toList());
    }

    public ServerConfig withSmtpTls(SmtpTlsFiles files) {
        return with(c -> c.smtpTls = files);
    }

    /** The load balancers allowed to name a connection's sender with the PROXY protocol. */
    public ServerConfig withSmtpProxies(List<AddressRange> ranges) {
        return with(c -> c.smtpProxies = ranges);
    }

    public ServerConfig withWebhooks(Webhooks w) {
        return with(c -> c.webhooks = w);
    }

    public ServerConfig withDomains(List<String> d) {
        return with(c -> c.domains = d);
    }

    public ServerConfig withRetention(Duration keep) {
        return with(c -> c.retention = keep);
    }

    /** A copy with one change: each with-method names only what it changes. */
    private ServerConfig with(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return c.config();
    }

    /** The fields of a configuration being copied; adding a setting is a field here and a line in each of its two methods. */
    private static final class Copy {
        InetAddress bind;
        int httpPort;
        int smtpPort;
        Path dataDir;
        String databaseUrl;
        String token;
        List<String> domains;
        int maxMessageBytes;
        int maxSmtpConnections;
        int maxSmtpConnectionsPerAddress;
        SuppressionPolicy policy;
        List<ImapMailbox> mailboxes;
        SmtpTlsFiles smtpTls;
        Duration retention;
        List<AddressRange> smtpProxies;
        Webhooks webhooks;

        Copy(ServerConfig from) {
            bind = from.bind;
            httpPort = from.httpPort;
            smtpPort = from.smtpPort;
            dataDir = from.dataDir;
            databaseUrl = from.databaseUrl;
            token = from.token;
            domains = from.domains;
            maxMessageBytes = from.maxMessageBytes;
            maxSmtpConnections = from.maxSmtpConnections;
            maxSmtpConnectionsPerAddress = from.maxSmtpConnectionsPerAddress;
            policy = from.policy;
            mailboxes = from.mailboxes;
            smtpTls = from.smtpTls;
            retention = from.retention;
            smtpProxies = from.smtpProxies;
            webhooks = from.webhooks;
        }

        ServerConfig config() {
            return new ServerConfig(bind, httpPort, smtpPort, dataDir, databaseUrl, token, domains, maxMessageBytes,
                    maxSmtpConnections, maxSmtpConnectionsPerAddress, policy, mailboxes, smtpTls, retention, smtpProxies, webhooks);
        }
    }

    /**
     * The one-line reason this configuration must not start, or null when it may. Beyond loopback
     * anyone on the network can reach the server, so writes need a token and SMTP needs domains.
     */
    public String problem() {
        if (httpPort < 0 || httpPort > 65535 || smtpPort < 0 || smtpPort > 65535) return "ports must be 0-65535";
        if (maxMessageBytes < 1024) return "the size limit must be at least 1024 bytes";
        if (maxSmtpConnections < 1) return "at least one SMTP connection must be allowed";
        if (maxSmtpConnectionsPerAddress < 1) return "at least one SMTP connection per address must be allowed";
        Set<String> named = new HashSet<>();
        for (ImapMailbox m : mailboxes) {
            if (!named.add(m.describe())) return "--imap names " + m + " twice";
        }
        if (retention != null && retention.compareTo(Duration.ofDays(1)) < 0) return "--retain-days must be at least 1";
        if (webhooks.problem() != null) return webhooks.problem();
        if (!bind.isLoopbackAddress()) {
            if (token == null) return "binding beyond loopback (" + bind.getHostAddress() + ") needs --token";
            if (domains.isEmpty()) return "binding beyond loopback needs --domains for the SMTP intake";
        }
        return null;
    }
}
