package io.bouncelens.emit;

import io.bouncelens.BounceRecord;
import io.bouncelens.Lang;
import io.bouncelens.MessageDiagnosis;
import io.bouncelens.decode.MessageKind;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Text for a terminal: per message a heading (file, message number in a mailbox, subject), then
 * one block per recipient. With {@code all}, a message that is no bounce gets its heading and its
 * kind.
 */
final class GroupedTextWriter extends DiagnosisWriter {

    private static final byte[] NOTHING = new byte[0];

    private final Lang lang;
    private final ProviderNames providerNames;
    private boolean first = true;

    GroupedTextWriter(OutputStream out, Lang lang, boolean all, ProviderNames providerNames) {
        super(out, all);
        this.lang = lang;
        this.providerNames = providerNames;
    }

    /** The message's heading and blocks; the blank line between messages is the writer's. */
    @Override
    public byte[] render(MessageDiagnosis d) {
        if (d.records().isEmpty() && !all) return NOTHING;
        if (d.records().isEmpty() && d.subject() == null && !d.problems().isEmpty()) return NOTHING;
        StringBuilder text = new StringBuilder(heading(d)).append('\n');
        if (d.records().isEmpty()) return utf8(text.append("  ").append(kindLine(d.kind(), d.decodedBy(), lang)).append('\n').toString());
        StringWriter block = new StringWriter();
        TextRecordWriter records = new TextRecordWriter(block, lang, providerNames);
        try {
            for (BounceRecord r : d.records()) records.write(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        indent(block.toString(), text);
        return utf8(text.toString());
    }

    @Override
    public void write(MessageDiagnosis d, byte[] rendered) throws IOException {
        if (rendered.length == 0) return;
        if (!first) out.write('\n');
        first = false;
        out.write(rendered);
        out.flush(); // a terminal shows each message as it is diagnosed
    }

    /**
     * What a message without records is, in the reader's language, its label kept for scripts and
     * searches; a read receipt or a challenge is named as such, since either is mistaken for a bounce.
     */
    static String kindLine(MessageKind kind, String decodedBy, Lang lang) {
        if (kind == MessageKind.NOT_BOUNCE && decodedBy != null) {
            String named = namedNonBounce(decodedBy, lang);
            if (named != null) return named + " (" + kind.label() + ", " + decodedBy + ")";
        }
        String words = switch (lang) {
            case ZH_CN -> switch (kind) {
                case BOUNCE -> "退信，但没有可报告的收件人";
                case DELIVERED -> "投递成功通知，不是退信";
                case FEEDBACK -> "投诉报告";
                case VACATION -> "自动回复（休假），不是退信";
                case NOT_BOUNCE -> "不是退信";
            };
            case ZH_TW -> switch (kind) {
                case BOUNCE -> "退信，但沒有可回報的收件者";
                case DELIVERED -> "投遞成功通知，不是退信";
                case FEEDBACK -> "投訴報告";
                case VACATION -> "自動回覆（休假），不是退信";
                case NOT_BOUNCE -> "不是退信";
            };
            default -> switch (kind) {
                case BOUNCE -> "a bounce, with no recipient to report";
                case DELIVERED -> "a delivery notice, not a bounce";
                case FEEDBACK -> "a complaint report";
                case VACATION -> "an auto-reply (vacation), not a bounce";
                case NOT_BOUNCE -> "not a bounce";
            };
        };
        return words + " (" + kind.label() + ")";
    }

    private static String namedNonBounce(String decodedBy, Lang lang) {
        return switch (decodedBy) {
            case "read-receipt" -> switch (lang) {
                case ZH_CN -> "已读回执，不是退信";
                case ZH_TW -> "已讀回條，不是退信";
                default -> "a read receipt, not a bounce";
            };
            case "challenge-response" -> switch (lang) {
                case ZH_CN -> "质询-应答验证：对方的过滤系统扣住了邮件，要求发件人确认，不是退信";
                case ZH_TW -> "挑戰-回應驗證：對方的過濾系統扣住了郵件，要求寄件者確認，不是退信";
                default -> "a challenge: the recipient's filter holds the message until the sender confirms; not a bounce";
            };
            default -> null;
        };
    }

    /** Appends the blocks indented under their heading, blank lines kept blank. */
    private static void indent(String text, StringBuilder to) {
        int pos = 0;
        while (pos < text.length()) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) eol = text.length();
            if (eol > pos) to.append("  ").append(text, pos, eol);
            to.append('\n');
            pos = eol + 1;
        }
    }

    /** Records read from a mail server's log ({@code decodedBy} "postfix-log", ...) are numbered by the log's line. */
    private static boolean fromLog(MessageDiagnosis d) {
        if (d.records().isEmpty()) return false;
        String decodedBy = d.records().get(0).decodedBy();
        return decodedBy != null && decodedBy.endsWith("-log");
    }

    private static String heading(MessageDiagnosis d) {
        StringBuilder b = new StringBuilder("== ").append(d.file() == null ? "-" : d.file());
        if (d.message() > 0) b.append(fromLog(d) ? ", line " : " #").append(d.message());
        if (d.subject() != null && !d.subject().isBlank()) b.append(" · ").append(d.subject().trim());
        return b.toString();
    }
}
