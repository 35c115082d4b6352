package io.bouncelens.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bouncelens serve}: HTTP API and web page, SMTP bounce intake, store and suppression list.
 * The server classes load only when this command runs, so other commands start as fast as before.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the HTTP API and web page, the SMTP bounce intake (and an IMAP one with --imap), "
                + "the bounce store and the suppression list.",
                "Listens on loopback unless --bind says otherwise; beyond loopback --token and --domains are required."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default: ${DEFAULT-VALUE}).",
            defaultValue = "127.0.0.1")
    String bind;

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port (default: ${DEFAULT-VALUE}).", defaultValue = "8080")
    int httpPort;

    @Option(names = "--smtp-port", paramLabel = "PORT", description = "SMTP port (default: ${DEFAULT-VALUE}).", defaultValue = "2525")
    int smtpPort;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:BOUNCELENS_TOKEN}",
            description = "Bearer token that write calls must send (default: $BOUNCELENS_TOKEN).")
    String token;

    @Option(names = "--domains", paramLabel = "DOMAIN", split = ",",
            description = "Domains whose bounces the SMTP intake accepts (default on loopback: any).")
    List<String> domains = new ArrayList<>();

    @Option(names = "--max-message-size", paramLabel = "BYTES", defaultValue = "10485760",
            description = "Largest message over SMTP or HTTP; larger ones get 552 / 413 (default: ${DEFAULT-VALUE}).")
    int maxMessageBytes;

    @Option(names = "--max-smtp-connections", paramLabel = "N", defaultValue = "50",
            description = "Concurrent SMTP sessions (default: ${DEFAULT-VALUE}).")
    int maxSmtpConnections;

    @Option(names = "--max-smtp-connections-per-address", paramLabel = "N", defaultValue = "10",
            description = "Concurrent SMTP sessions from one address; more get 421 and come back later. "
                    + "This machine's own (a relaying MTA in front) are not limited (default: ${DEFAULT-VALUE}).")
    int maxSmtpConnectionsPerAddress;

    @Option(names = "--smtp-proxy-from", paramLabel = "NETWORK", split = ",",
            description = "Load balancers in front of the SMTP intake (an address or a network such as 10.0.0.0/8, "
                    + "repeatable): their connections must open with a PROXY protocol header (HAProxy's, v1 or v2), "
                    + "and the sender it names is the one limited and recorded.")
    List<String> smtpProxyFrom = new ArrayList<>();

    @Option(names = "--smtp-tls-cert", paramLabel = "FILE",
            description = "Offer STARTTLS on the SMTP intake with this PEM certificate chain (certbot's fullchain.pem); "
                    + "needs --smtp-tls-key. Read again when the file changes, so a renewal needs no restart.")
    Path smtpTlsCertificate;

    @Option(names = "--smtp-tls-key", paramLabel = "FILE",
            description = "The PEM private key of --smtp-tls-cert (certbot's privkey.pem), unencrypted.")
    Path smtpTlsKey;

    @Option(names = "--suppression-webhook", paramLabel = "URL",
            description = "Post every change to the suppression list (added, removed) to this URL, in order, as "
                    + "GET /api/v1/suppression-changes gives them; tried again until it answers 2xx. Repeatable; "
                    + "https beyond this machine.")
    List<java.net.URI> suppressionWebhooks = new ArrayList<>();

    @Option(names = "--suppression-webhook-secret-file", paramLabel = "FILE",
            description = "Sign each webhook post with the key in this file (HMAC-SHA256 of \"TIMESTAMP.BODY\" in "
                    + "X-Bouncelens-Signature); read at each post, so it can be changed without a restart.")
    Path suppressionWebhookSecretFile;

    @Option(names = "--retain-days", paramLabel = "DAYS",
            description = "Keep stored messages and their records this many days, pruned at start and every hour; "
                    + "the suppression list stays whole (default: keep everything; see also bouncelens prune).")
    Integer retainDays;

    @Option(names = "--imap", paramLabel = "URL",
            description = "Also read the bounces that land in a mailbox: imaps://USER@HOST[:PORT][/FOLDER] "
                    + "(a user with @ written %%40; password in $BOUNCELENS_IMAP_PASSWORD or --imap-secret-file). Read-only: nothing "
                    + "in the mailbox is flagged or moved; each message is stored once. Repeat it for several mailboxes; "
                    + "the --imap-... options are then given once for all, or once per --imap in the same order.")
    List<String> imap = new ArrayList<>();

    @Mixin
    ImapLoginOptions imapLogin = new ImapLoginOptions();

    @Option(names = "--imap-since", paramLabel = "YYYY-MM-DD",
            description = "When the --imap mailbox is first read, leave alone what arrived before this day "
                    + "(default: read the whole folder).")
    java.time.LocalDate imapSince;

    @Option(names = "--imap-interval", paramLabel = "SECONDS", defaultValue = "60",
            description = "Seconds between two readings of the --imap mailbox (default: ${DEFAULT-VALUE}); a server "
                    + "that offers IDLE also starts a reading as soon as a message arrives.")
    double imapIntervalSeconds;

    @Override
    public Integer call() {
        // In a class of its own so that verifying this one loads no server class: other
        // subcommands start without touching the server's jars.
        return new ServeLaunch(this, spec.commandLine().getErr()).run();
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null && e.getCause() != null) m = e.getCause().getMessage();
        if (m == null) m = e.getClass().getSimpleName();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
