package io.bouncelens.server;

import io.bouncelens.server.http.HttpApi;
import io.bouncelens.server.imap.ImapIntake;
import io.bouncelens.server.imap.ImapMailbox;
import io.bouncelens.server.intake.BounceIntake;
import io.bouncelens.server.intake.IntakeCounters;
import io.bouncelens.server.notify.SuppressionNotifier;
import io.bouncelens.server.smtp.RecipientDomains;
import io.bouncelens.server.smtp.SmtpIntake;
import io.bouncelens.server.store.BounceStore;
import io.bouncelens.server.store.Database;
import io.bouncelens.server.store.RetentionSchedule;
import io.bouncelens.server.tls.ReloadingServerTls;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bouncelens serve}: the store, the HTTP API with the web page, the SMTP intake and, when
 * asked for, the IMAP intake, started together and closed together.
 */
public final class BounceServer implements AutoCloseable {

    private final Database database;
    private final HttpApi http;
    private final SmtpIntake smtp;
    private final List<ImapIntake> mailboxes;
    private final RetentionSchedule retention;
    private final List<SuppressionNotifier> webhooks;
    private final ServerConfig config;

    private BounceServer(ServerConfig config, Database database, HttpApi http, SmtpIntake smtp,
                         List<ImapIntake> mailboxes, RetentionSchedule retention, List<SuppressionNotifier> webhooks) {
        this.config = config;
        this.database = database;
        this.http = http;
        this.smtp = smtp;
        this.mailboxes = mailboxes;
        this.retention = retention;
        this.webhooks = webhooks;
    }

    /** Opens (and migrates) the store, then starts HTTP and SMTP; throws with a one-line message on failure. */
    public static BounceServer start(ServerConfig config) {
        String problem = config.problem();
        if (problem != null) throw new IllegalArgumentException(problem);
        ReloadingServerTls smtpTls = smtpTls(config); // a bad certificate stops the start before any port opens
        Database database = openDatabase(config);
        HttpApi http = null;
        SmtpIntake smtp = null;
        List<ImapIntake> mailboxes = new ArrayList<>();
        List<SuppressionNotifier> webhooks = new ArrayList<>();
        try {
            IntakeCounters counters = new IntakeCounters();
            BounceStore store = new BounceStore(database, config.policy(), Clock.systemUTC());
            BounceIntake intake = new BounceIntake(store, counters);
            http = new HttpApi(config.bind(), config.httpPort(), store, counters, config.token(), config.maxMessageBytes());
            http.start();
            smtp = new SmtpIntake(config.bind(), config.smtpPort(), intake, new RecipientDomains(config.domains()),
                    config.maxMessageBytes(), config.maxSmtpConnections(), config.maxSmtpConnectionsPerAddress(), counters, smtpTls,
                    config.smtpProxies());
            smtp.start();
            for (ImapMailbox mailbox : config.mailboxes()) {
                ImapIntake reader = new ImapIntake(mailbox, intake, config.maxMessageBytes(), counters);
                mailboxes.add(reader);
                reader.start();
            }
            RetentionSchedule retention = null;
            if (config.retention() != null) {
                retention = new RetentionSchedule(store, config.retention(), Clock.systemUTC(), counters.retentionPruned);
                retention.start();
            }
            for (java.net.URI url : config.webhooks().urls()) {
                SuppressionNotifier notifier = new SuppressionNotifier(url, config.webhooks().secretFile(),
                        config.webhooks().interval(), store, counters, Clock.systemUTC());
                webhooks.add(notifier);
                store.whenJournalGrows(notifier::journalGrew);
                notifier.start();
            }
            if (!webhooks.isEmpty()) {
                counters.webhookPending = () -> webhooks.stream().mapToLong(SuppressionNotifier::pending).max().orElse(0);
            }
            return new BounceServer(config, database, http, smtp, mailboxes, retention, webhooks);
        } catch (RuntimeException e) {
            webhooks.forEach(SuppressionNotifier::close);
            mailboxes.forEach(ImapIntake::close);
            if (smtp != null) smtp.close();
            if (http != null) http.close();
            database.close();
            throw e;
        }
    }

    private static ReloadingServerTls smtpTls(ServerConfig config) {
        ServerConfig.SmtpTlsFiles files = config.smtpTls();
        if (files == null) return null;
        try {
            return ReloadingServerTls.open(files.certificate(), files.key());
        } catch (IOException e) {
            throw new IllegalArgumentException("SMTP TLS: " + e.getMessage(), e);
        }
    }

    public static Database openDatabase(ServerConfig config) {
        return config.databaseUrl() == null ? Database.embedded(config.dataDir()) : Database.open(config.databaseUrl());
    }

    public ServerConfig config() {
        return config;
    }

    public int httpPort() {
        return http.port();
    }

    public int smtpPort() {
        return smtp.port();
    }

    /** The subject of the certificate the SMTP intake's STARTTLS presents; null when it offers no TLS. */
    public String smtpTlsSubject() {
        return smtp.tlsSubject();
    }

    /** Where the store is, for the start-up message (no password). */
    public String storeDescription() {
        return config.databaseUrl() == null ? config.dataDir().resolve("bouncelens.db").toString()
                : Database.redact(config.databaseUrl());
    }

    @Override
    public void close() {
        if (retention != null) retention.close();
        webhooks.forEach(SuppressionNotifier::close);
        mailboxes.forEach(ImapIntake::close);
        smtp.close();
        http.close();
        database.close();
    }
}
