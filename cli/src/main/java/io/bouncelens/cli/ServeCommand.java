package io.bouncelens.cli;

import io.bouncelens.server.BounceServer;
import io.bouncelens.server.ServerConfig;
import io.bouncelens.server.policy.SuppressionPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bouncelens serve}: HTTP API and web page, SMTP bounce intake, store and suppression list.
 * The server classes load only when this command runs, so other commands start as fast as before.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the HTTP API and web page, the SMTP bounce intake, the bounce store and the suppression list.",
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

    @Option(names = "--data", paramLabel = "DIR", description = "Directory of the embedded SQLite store (default: ${DEFAULT-VALUE}).",
            defaultValue = "data")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = "Use PostgreSQL instead, e.g. jdbc:postgresql://db/bouncelens?user=bl&password=...")
    String db;

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

    @Option(names = "--soft-bounce-limit", paramLabel = "N", defaultValue = "3",
            description = "Soft bounces that suppress an address (default: ${DEFAULT-VALUE}) ...")
    int softLimit;

    @Option(names = "--soft-bounce-days", paramLabel = "DAYS", defaultValue = "7",
            description = "... within this many days (default: ${DEFAULT-VALUE}).")
    int softDays;

    @Override
    public Integer call() {
        java.io.PrintWriter err = spec.commandLine().getErr();
        ServerConfig config;
        try {
            if (softLimit < 1 || softDays < 1) throw new IllegalArgumentException("--soft-bounce-limit and --soft-bounce-days must be at least 1");
            config = new ServerConfig(InetAddress.getByName(bind), httpPort, smtpPort, data, db, token, domains,
                    maxMessageBytes, maxSmtpConnections, new SuppressionPolicy(softLimit, Duration.ofDays(softDays)));
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
            err.println("bouncelens serve: cannot start: " + oneLine(e));
            return 1;
        }
        String host = config.bind().getHostAddress();
        String shown = host.contains(":") ? "[" + host + "]" : host;
        err.println("bouncelens: web page and API on http://" + shown + ":" + server.httpPort() + "/");
        err.println("bouncelens: SMTP bounce intake on " + shown + ":" + server.smtpPort()
                + (config.domains().isEmpty() ? " (any domain)" : " for " + String.join(", ", config.domains())));
        err.println("bouncelens: store " + server.storeDescription());
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

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null && e.getCause() != null) m = e.getCause().getMessage();
        if (m == null) m = e.getClass().getSimpleName();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
