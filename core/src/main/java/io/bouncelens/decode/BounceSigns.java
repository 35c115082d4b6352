package io.bouncelens.decode;

import java.util.Locale;

/**
 * Whether a message without a structured report still looks like a bounce: sent by a mail
 * system, or titled like a delivery failure. Guards the generic text scanner so that ordinary
 * mail gives no record.
 */
public final class BounceSigns {

    private static final String[] SENDERS = {
            "mailer-daemon", "mailer daemon", "mail-daemon", "postmaster", "mail delivery", "maildelivery",
            "mdaemon", "mail administrator", "mailadmin", "system administrator", "internet mail delivery",
            "mail.delivery", "microsoftexchange", "bounce", "returned", "smtp gateway",
            "mail transport", "delivery notification", "delivery status notification"};

    /**
     * Senders that also send other machine mail (cron output, log reports quoting the MTA's
     * rejections): a sign only beside a failure title.
     */
    private static final String[] SHARED_SENDERS = {"nobody@", "root@"};

    private static final String[] SUBJECTS = {
            "undeliver", "undelivered", "delivery status notification", "delivery failure", "delivery failed",
            "failure notice", "failure delivery", "returned mail", "return mail", "mail delivery failed",
            "delivery has failed", "non-delivery", "nondeliverable", "non delivery", "not delivered",
            "could not be delivered", "couldn't be delivered", "delivery notification", "delivery problem",
            "mail system error", "message not delivered", "rejected", "warning: could not send",
            "delayed mail", "delivery delayed", "delivery report", "error sending", "mail error",
            "bounce", "delivery final failure", "permanent error", "unable to deliver",
            "退信", "未能送达", "投递失败", "發送失敗", "发送失败", "無法傳遞", "无法投递", "不能送达", "系统退信",
            // Exchange's and others' titles in other languages
            "unzustellbar", "nicht zustellbar", "non remis", "non distribuable", "no se puede entregar",
            "non recapitabile", "onbestelbaar", "配信不能", "не доставлено", "недоставленное"};

    /** How replies' subjects start (lower case), in the languages mail clients write them. */
    private static final String[] REPLY_PREFIXES = {"re:", "re :", "aw:", "sv:", "antw:", "réf:", "回复:", "回复：", "答复:",
            "答复：", "回覆:", "回覆："};

    /** Words of failure a report states in its own text (lower case). */
    private static final String[] FAILURE_WORDS = {
            "could not be delivered", "couldn't be delivered", "cannot be delivered", "can't be delivered",
            "not be delivered", "not delivered", "could not deliver", "couldn't deliver", "unable to deliver",
            "undeliverable", "undelivered", "failed", "failure", "permanent error", "fatal error", "rejected",
            "refused", "returned to sender", "bounced", "user unknown", "unknown user", "no such user",
            "does not exist", "not found", "mailbox is full", "mailbox full", "over quota", "quota exceeded",
            "expired", "not yet been delivered", "did not reach", "not able to deliver", "delivery problem",
            "user not known", "has been returned", "full mailbox", "has been postponed", "not a valid user",
            "invalid user", "invalid recipient", "no such mailbox",
            // the same in the languages reports are translated into most
            "unzustellbar", "nicht zugestellt", "zustellung fehlgeschlagen", "non remis", "pas pu être remis",
            "échec de la remise", "no se pudo entregar", "no se ha podido entregar", "no pudo ser entregado",
            "não foi possível entregar", "não pôde ser entregue", "non è stato possibile recapitare",
            "non recapitabile", "kon niet worden bezorgd", "onbestelbaar", "nie został dostarczony",
            "nie można dostarczyć", "не доставлено", "не удалось доставить", "退信", "退回", "无法投递",
            "未能投递", "投递失败", "发送失败", "無法傳遞", "送信できません", "配信できません", "送信に失敗",
            "届きませんでした", "전송 실패", "배달 실패"};

    /** Words of a report saying the mail system keeps trying: a delay notice, not a failure (lower case). */
    private static final String[] STILL_TRYING = {
            "will continue to attempt delivery", "delivery attempts will continue", "will continue to try",
            "will keep trying", "will be retried", "will retry", "this is just a warning", "this is a warning only",
            "advisory-only", "has not yet been delivered", "no action is required on your part"};

    /**
     * Header fields only other software's notifications carry: cron's output (which quotes MTA log
     * lines and is titled with the command, "bounce-report") and issue trackers' mail about a
     * ticket ("[JIRA] Mail bounced: ..."). A mail system's report never has them.
     */
    private static final String[] APPLICATION_FIELDS = {"X-Cron-Env", "X-JIRA-FingerPrint", "X-GitHub-Reason",
            "X-GitLab-Project", "X-Redmine-Project", "X-Bugzilla-Product", "X-Trac-Project"};

    private BounceSigns() {
    }

    /**
     * True when a report's own text says delivery is still being attempted ("We will continue to
     * attempt delivery of this message for 5 days", "This is just a warning"): a delay notice.
     */
    public static boolean saysStillTrying(String report) {
        String lower = report.toLowerCase(Locale.ROOT);
        for (String w : STILL_TRYING) if (lower.contains(w)) return true;
        return false;
    }

    /**
     * True when a report's own text (above a pasted original) states a failure: a 4xx or 5xx
     * reply code or status, or words of failure. A mail system's notice that states none (a quota
     * warning, a maintenance notice naming the help desk's address) is no bounce.
     */
    public static boolean statesAFailure(String report) {
        if (SmtpText.firstFailureReplyCode(report) != null || SmtpText.firstFailureStatus(report) != null) return true;
        String lower = report.toLowerCase(Locale.ROOT);
        for (String w : FAILURE_WORDS) if (lower.contains(w)) return true;
        return false;
    }

    public static boolean fromMailSystem(ParsedMessage m) {
        // "Symantec_AntiVirus_for_SMTP_Gateways@...": words joined by underscores in a local part
        String from = m.from().toLowerCase(Locale.ROOT).replace('_', ' ');
        for (String s : SENDERS) if (from.contains(s)) return true;
        return false;
    }

    /**
     * Titled like a delivery failure. A reply ("Re: my mail bounced") is a person writing about
     * one, not a mail system reporting it: mail systems title their reports themselves and put
     * the original subject after their own words ("Undeliverable: Re: ...").
     */
    public static boolean bounceSubject(ParsedMessage m) {
        String subject = m.subject().strip().toLowerCase(Locale.ROOT);
        if (isReply(subject)) return false;
        for (String s : SUBJECTS) if (subject.contains(s)) return true;
        return false;
    }

    private static boolean isReply(String subject) {
        for (String p : REPLY_PREFIXES) if (subject.startsWith(p)) return true;
        return false;
    }

    /**
     * Sent by a mail system, or titled like a delivery failure and carrying a sign that only mail
     * software gives: a null envelope sender, an Auto-Submitted or X-Failed-Recipients field, the
     * returned original, attached or pasted into the text with its trace fields. A title alone is
     * what people and other systems write too ("Your parcel could not be delivered", "Your expense
     * report was rejected"). Never another program's notice ({@link #applicationNotice}).
     */
    public static boolean looksLikeBounce(ParsedMessage m) {
        if (applicationNotice(m)) return false;
        if (fromMailSystem(m)) return true;
        if (m.originalHeaders() != null && m.header("From") != null && m.from().isEmpty()) return true;
        // sent automatically from no one to no one ("From: <>", Return-Path <>): only mail systems do
        if (m.header("Auto-Submitted") != null && nullSender(m) && m.header("From") != null
                && Addresses.first(m.from()) == null) {
            return true;
        }
        return bounceSubject(m) && (nullSender(m) || m.header("Auto-Submitted") != null
                || m.header("X-Failed-Recipients") != null || m.originalHeaders() != null || sharedSender(m)
                || pastesTraceFields(m.text()));
    }

    /** A notice of other software (cron, an issue tracker), known by a header field only it writes. */
    static boolean applicationNotice(ParsedMessage m) {
        for (String field : APPLICATION_FIELDS) if (m.header(field) != null) return true;
        return false;
    }

    /**
     * Whether the text holds a pasted header block's trace field: a line starting "Received: from"
     * or "Received: by", as MTAs write them. Reports that paste the returned original into their
     * text without a marker line (Road Runner's "-------- Returned Mail --------") carry them;
     * a person's letter does not.
     */
    static boolean pastesTraceFields(String text) {
        return traceFieldAt(text) >= 0;
    }

    /**
     * The report's text above a header block pasted into it without a marker line (see
     * {@link #pastesTraceFields}): the block starts at its trace field or at the header fields
     * right above it. The whole text when it pastes none.
     */
    public static String abovePastedHeaders(String report) {
        int at = traceFieldAt(report);
        if (at < 0) return report;
        while (at > 0) {
            int lineStart = report.lastIndexOf('\n', at - 2) + 1;
            if (HeaderBlock.fieldNameEnd(report, lineStart, at - 1) <= lineStart) break; // not a field's first line
            at = lineStart;
        }
        return report.substring(0, at);
    }

    /** Where the first line starting "Received: from" or "Received: by" starts; -1 when none does. */
    private static int traceFieldAt(String text) {
        for (int at = text.indexOf("Received: "); at >= 0; at = text.indexOf("Received: ", at + 1)) {
            if ((at == 0 || text.charAt(at - 1) == '\n')
                    && (text.startsWith("from ", at + 10) || text.startsWith("by ", at + 10))) {
                return at;
            }
        }
        return -1;
    }

    private static boolean sharedSender(ParsedMessage m) {
        String from = m.from().toLowerCase(Locale.ROOT);
        for (String s : SHARED_SENDERS) if (from.contains(s)) return true;
        return false;
    }

    /** Return-Path {@code <>}: bounces are sent with no envelope sender, so that they never bounce. */
    private static boolean nullSender(ParsedMessage m) {
        String returnPath = m.header("Return-Path");
        return returnPath != null && returnPath.replace(" ", "").equals("<>");
    }
}
