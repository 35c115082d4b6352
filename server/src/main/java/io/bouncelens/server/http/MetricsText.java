package io.bouncelens.server.http;

import io.bouncelens.server.intake.IntakeCounters;
import io.bouncelens.server.intake.MailboxCounters;
import io.bouncelens.server.store.BounceStore;

import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.concurrent.atomic.LongAdder;

/** {@code GET /metrics} in the Prometheus text format (version 0.0.4). */
final class MetricsText {

    private final IntakeCounters intake;
    private final BounceStore store;
    final LongAdder http2xx = new LongAdder();
    final LongAdder http4xx = new LongAdder();
    final LongAdder http5xx = new LongAdder();

    MetricsText(IntakeCounters intake, BounceStore store) {
        this.intake = intake;
        this.store = store;
    }

    void countStatus(int status) {
        if (status >= 500) http5xx.increment();
        else if (status >= 400) http4xx.increment();
        else http2xx.increment();
    }

    String render() {
        StringBuilder b = new StringBuilder(2048);
        counter(b, "bouncelens_http_responses_total", "HTTP responses by status class.");
        sample(b, "bouncelens_http_responses_total{class=\"2xx\"}", http2xx.sum());
        sample(b, "bouncelens_http_responses_total{class=\"4xx\"}", http4xx.sum());
        sample(b, "bouncelens_http_responses_total{class=\"5xx\"}", http5xx.sum());
        counter(b, "bouncelens_smtp_messages_total", "SMTP messages by outcome.");
        sample(b, "bouncelens_smtp_messages_total{outcome=\"accepted\"}", intake.smtpAccepted.sum());
        sample(b, "bouncelens_smtp_messages_total{outcome=\"too_large\"}", intake.smtpTooLarge.sum());
        sample(b, "bouncelens_smtp_messages_total{outcome=\"failed\"}", intake.smtpFailed.sum());
        counter(b, "bouncelens_smtp_messages_tls_total", "Accepted SMTP messages that came over STARTTLS.");
        sample(b, "bouncelens_smtp_messages_tls_total", intake.smtpAcceptedOverTls.sum());
        gauge(b, "bouncelens_smtp_tls_certificate_expiry_timestamp_seconds",
                "When the certificate STARTTLS presents runs out (Unix time; 0: no TLS). Alert before it does.");
        sample(b, "bouncelens_smtp_tls_certificate_expiry_timestamp_seconds", intake.smtpCertificateExpiry.getAsLong());
        counter(b, "bouncelens_smtp_sessions_refused_total", "SMTP sessions refused with 421: their address had the most allowed.");
        sample(b, "bouncelens_smtp_sessions_refused_total{cause=\"per_address\"}", intake.smtpRefusedPerAddress.sum());
        sample(b, "bouncelens_smtp_sessions_refused_total{cause=\"proxy_header\"}", intake.smtpRefusedProxyHeader.sum());
        counter(b, "bouncelens_smtp_recipients_rejected_total", "RCPT TO addresses outside the configured domains.");
        sample(b, "bouncelens_smtp_recipients_rejected_total", intake.smtpRejected.sum());
        Map<String, MailboxCounters> mailboxes = intake.mailboxes();
        if (!mailboxes.isEmpty()) { // absent without --imap, so an alert on the gauge's age stays quiet
            counter(b, "bouncelens_imap_messages_total", "Messages read from each IMAP mailbox, by outcome.");
            mailboxes.forEach((name, m) -> {
                String mailbox = "mailbox=\"" + labelValue(name) + "\"";
                sample(b, "bouncelens_imap_messages_total{" + mailbox + ",outcome=\"accepted\"}", m.accepted.sum());
                sample(b, "bouncelens_imap_messages_total{" + mailbox + ",outcome=\"too_large\"}", m.tooLarge.sum());
                sample(b, "bouncelens_imap_messages_total{" + mailbox + ",outcome=\"stored_by_another_server\"}",
                        m.takenElsewhere.sum());
            });
            counter(b, "bouncelens_imap_readings_total", "Readings of each IMAP mailbox.");
            perMailbox(b, "bouncelens_imap_readings_total", mailboxes, m -> m.readings.sum());
            counter(b, "bouncelens_imap_reading_failures_total", "Readings of each IMAP mailbox that failed (said on stderr).");
            perMailbox(b, "bouncelens_imap_reading_failures_total", mailboxes, m -> m.failedReadings.sum());
            gauge(b, "bouncelens_imap_last_success_timestamp_seconds",
                    "When a reading of each IMAP mailbox last got through (Unix time; 0: not yet). Alert on its age.");
            perMailbox(b, "bouncelens_imap_last_success_timestamp_seconds", mailboxes, MailboxCounters::lastSuccess);
        }
        java.util.function.LongSupplier pending = intake.webhookPending;
        if (pending != null) { // absent without --suppression-webhook
            counter(b, "bouncelens_webhook_changes_delivered_total", "Suppression-list changes the webhooks took (2xx).");
            sample(b, "bouncelens_webhook_changes_delivered_total", intake.webhookChangesDelivered.sum());
            counter(b, "bouncelens_webhook_failures_total", "Posts to the webhooks that failed (tried again; the first of a run said on stderr).");
            sample(b, "bouncelens_webhook_failures_total", intake.webhookFailures.sum());
            gauge(b, "bouncelens_webhook_pending_changes", "Suppression-list changes the slowest webhook has not taken yet. Alert when it stays up.");
            sample(b, "bouncelens_webhook_pending_changes", pending.getAsLong());
        }
        counter(b, "bouncelens_records_stored_total", "Records stored since start.");
        sample(b, "bouncelens_records_stored_total", intake.recordsStored.sum());
        counter(b, "bouncelens_diagnose_failures_total", "Stored messages that could not be diagnosed.");
        sample(b, "bouncelens_diagnose_failures_total", intake.diagnoseFailures.sum());
        counter(b, "bouncelens_suppressions_added_total", "Addresses suppressed by bounces since start.");
        sample(b, "bouncelens_suppressions_added_total", intake.suppressionsAdded.sum());
        counter(b, "bouncelens_retention_pruned_messages_total", "Messages removed by --retain-days since start.");
        sample(b, "bouncelens_retention_pruned_messages_total", intake.retentionPruned.get());
        gauge(b, "bouncelens_stored_messages", "Raw messages in the store.");
        sample(b, "bouncelens_stored_messages", store.messageCount());
        gauge(b, "bouncelens_suppressions", "Addresses on the suppression list.");
        sample(b, "bouncelens_suppressions", store.suppressionCount());
        return b.toString();
    }

    private static void counter(StringBuilder b, String name, String help) {
        b.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" counter\n");
    }

    private static void gauge(StringBuilder b, String name, String help) {
        b.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" gauge\n");
    }

    /** One sample of {@code name} per mailbox, labelled with it. */
    private static void perMailbox(StringBuilder b, String name, Map<String, MailboxCounters> mailboxes,
                                   ToLongFunction<MailboxCounters> value) {
        mailboxes.forEach((mailbox, m) -> sample(b, name + "{mailbox=\"" + labelValue(mailbox) + "\"}", value.applyAsLong(m)));
    }

    /** A label's value as the text format wants it: backslash, double quote and line feed escaped. */
    static String labelValue(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static void sample(StringBuilder b, String name, long value) {
        b.append(name).append(' ').append(value).append('\n');
    }
}
