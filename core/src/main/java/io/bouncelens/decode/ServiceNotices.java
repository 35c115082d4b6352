package io.bouncelens.decode;

import java.util.Locale;

/**
 * Notices from a mail system that report no failure, written as plain text: Outlook's and
 * Exchange's delivery and relay receipts, read receipts and recall reports, spam-quarantine
 * digests. (With an RFC 3464 or 8098 part the first three say what they are in their fields.)
 * They come from a postmaster or MAILER-DAEMON and name addresses, so without this the generic
 * text scanner would read them as bounces.
 */
final class ServiceNotices {

    /** What a notice reports. */
    enum Kind {
        /** Not a notice of this kind. */
        NONE,
        /** The message reached the recipient's mailbox. */
        DELIVERED,
        /** Handed to a server that sends no delivery notice. */
        RELAYED,
        /** A read receipt, a recall report, a quarantine digest: not about a failed delivery. */
        OTHER
    }

    private static final String[] DELIVERED_SUBJECTS = {"delivered:"};
    private static final String[] RELAYED_SUBJECTS = {"relayed:"};
    private static final String[] OTHER_SUBJECTS = {"read:", "not read:", "recall failure:", "recall success:",
            "message recall", "recall report"};

    /** A digest of mail held for the addressee ("Spam quarantine summary"): mail to them, not from them. */
    private static final String[] QUARANTINE = {"quarantine", "隔离", "隔離"};
    private static final String[] DIGEST = {"summary", "digest", "report", "notification",
            "通知", "摘要", "报告", "報告", "汇总", "彙總", "清单", "清單"};
    /** A Chinese subject saying mail came back (退信, 退回) is a bounce, quarantine or not. */
    private static final String[] RETURNED = {"退信", "退回"};

    private static final String[] DELIVERED_TEXTS = {"your message has been delivered to the following recipient"};
    private static final String[] RELAYED_TEXTS = {"delivery to these recipients or groups is complete, but no delivery notification"};

    private ServiceNotices() {
    }

    /** What {@code m} reports; {@code report} is its own text (above a pasted original). */
    static Kind of(ParsedMessage m, String report) {
        String subject = m.subject().strip().toLowerCase(Locale.ROOT);
        if (startsWithAny(subject, DELIVERED_SUBJECTS)) return Kind.DELIVERED;
        if (startsWithAny(subject, RELAYED_SUBJECTS)) return Kind.RELAYED;
        if (startsWithAny(subject, OTHER_SUBJECTS)) return Kind.OTHER;
        if (containsAny(subject, QUARANTINE) && containsAny(subject, DIGEST) && !containsAny(subject, RETURNED)) return Kind.OTHER;
        // asked only of messages no report or format read, a few: a lower-cased copy is cheap enough
        String text = report.toLowerCase(Locale.ROOT);
        if (containsAny(text, DELIVERED_TEXTS)) return Kind.DELIVERED;
        if (containsAny(text, RELAYED_TEXTS)) return Kind.RELAYED;
        return Kind.NONE;
    }

    private static boolean startsWithAny(String subject, String[] prefixes) {
        for (String p : prefixes) if (subject.startsWith(p)) return true;
        return false;
    }

    private static boolean containsAny(String text, String[] literals) {
        for (String literal : literals) if (text.contains(literal)) return true;
        return false;
    }
}
