package io.bouncelens.emit;

import io.bouncelens.BounceRecord;
import io.bouncelens.Lang;
import io.bouncelens.Reason;
import io.bouncelens.decode.OneLine;
import io.bouncelens.decode.SmtpText;

import java.io.IOException;
import java.io.Writer;

/**
 * A short block for a person at a terminal: the verdict first, then codes, what the server said,
 * who acts, retry, explanation, fix and evidence, with labels in the language asked for. Blocks
 * are separated by a blank line.
 */
public final class TextRecordWriter {

    private record Labels(String reason, String hard, String soft, String status, String reply, String provider,
                          String recipient, String actor, String retry, String explanation, String fix,
                          String evidence, String host, String action, String pseudoStatus, String said,
                          java.util.Map<String, String> actions) {
    }

    private static final Labels EN = new Labels("Reason", "hard bounce", "soft bounce", "Status", "Reply code",
            "Provider", "Recipient", "Who acts", "Retry", "Why", "Fix", "Evidence", "Remote host", "Action",
            "none given; the pseudo code for the reason", "Server said",
            java.util.Map.of("delayed", "delayed: not a final failure, the reporting server is still retrying",
                    "delivered", "delivered: this recipient got the message",
                    "relayed", "relayed: passed on to a server that sends no reports",
                    "expanded", "expanded: delivered to a list or alias that forwards it"));
    private static final Labels ZH_CN = new Labels("原因", "硬退信", "软退信", "状态码", "回复码", "服务商",
            "收件人", "处理方", "重试", "说明", "解决方法", "依据", "对方服务器", "投递状态",
            "对方未给出状态码，此为该原因的代用码", "对方回复",
            java.util.Map.of("delayed", "延迟：尚未最终失败，报告方服务器仍在重试 (delayed)",
                    "delivered", "已送达：该收件人已收到邮件 (delivered)",
                    "relayed", "已转发：交给了不发送回执的服务器 (relayed)",
                    "expanded", "已展开：已投递到会再转发的列表或别名 (expanded)"));
    private static final Labels ZH_TW = new Labels("原因", "硬退信", "軟退信", "狀態碼", "回應碼", "服務商",
            "收件人", "處理方", "重試", "說明", "解決方法", "依據", "對方伺服器", "投遞狀態",
            "對方未提供狀態碼，此為該原因的代用碼", "對方回應",
            java.util.Map.of("delayed", "延遲：尚未最終失敗，回報方伺服器仍在重試 (delayed)",
                    "delivered", "已送達：此收件人已收到郵件 (delivered)",
                    "relayed", "已轉送：交給了不傳送回條的伺服器 (relayed)",
                    "expanded", "已展開：已投遞到會再轉寄的清單或別名 (expanded)"));

    /** How much of what the server said a block shows; the JSON and CSV carry all of it. */
    static final int SAID_CHARS = 300;

    private final boolean quoteReply;
    private final Writer out;
    private final Lang lang;
    private final ProviderNames providerNames;
    private final Labels labels;
    private boolean first = true;

    /** Providers shown by id alone. */
    public TextRecordWriter(Writer out, Lang lang) {
        this(out, lang, ProviderNames.IDS_ONLY);
    }

    /** Providers shown by name in {@code lang}, their id beside it. */
    public TextRecordWriter(Writer out, Lang lang, ProviderNames providerNames) {
        this(out, lang, providerNames, true);
    }

    /**
     * @param quoteReply whether each block says what the server said; false where the reply heads
     *                   the block already (a code table lists its replies so)
     */
    public TextRecordWriter(Writer out, Lang lang, ProviderNames providerNames, boolean quoteReply) {
        this.quoteReply = quoteReply;
        this.out = out;
        this.lang = lang;
        this.providerNames = providerNames;
        this.labels = lang == Lang.ZH_CN ? ZH_CN : lang == Lang.ZH_TW ? ZH_TW : EN;
    }

    public void write(BounceRecord r) throws IOException {
        if (!first) out.write('\n');
        first = false;
        // the reason in words, its label (what the JSON says and scripts match) beside it
        line(labels.reason, ReasonNames.of(r.reason(), lang) + " (" + r.reason().label() + ")"
                + (lang == Lang.EN ? ", " : "，") + (r.hardBounce() ? labels.hard : labels.soft));
        line(labels.recipient, r.recipient());
        // "failed" is what a bounce is; anything else changes what the block means, so it is said
        line(labels.action, r.action() == null ? null : labels.actions.get(r.action().toLowerCase(java.util.Locale.ROOT)));
        // (a Chinese note in Chinese brackets; the reason's ASCII label above keeps ASCII ones)
        line(labels.status, !r.hasPseudoStatus() ? r.status()
                : lang == Lang.EN ? r.status() + " (" + labels.pseudoStatus + ")" : r.status() + "（" + labels.pseudoStatus + "）");
        line(labels.reply, r.replyCode() == null ? null : r.replyCode().toString());
        // (a middle dot, as on the web page's cards: names hold commas, "(163.com, 126.com, ...)")
        line(labels.provider, join(provider(r.provider()), r.providerCode(), " · "));
        line(labels.host, r.remoteHost());
        // the server's own words, which a mail admin quotes when asking the other side (the
        // report's words around them are in the JSON's diagnosticCode); a complaint's or an
        // auto-reply's text is no server's answer
        boolean answer = quoteReply && r.reason() != Reason.FEEDBACK && r.reason() != Reason.VACATION;
        String said = answer ? SmtpText.quotedReply(r.diagnosticCode()) : null;
        line(labels.said, said == null ? null : OneLine.cut(said, SAID_CHARS));
        // in words, the label beside them as the reason's: the web page's words, the same answer in both
        line(labels.actor, r.actor() == null ? null : inWords(ActionWords.of(r.actor(), lang), r.actor().label()));
        line(labels.retry, r.retry() == null ? null : inWords(ActionWords.of(r.retry(), lang), r.retry().label()));
        line(labels.explanation, r.explanation());
        line(labels.fix, r.fix());
        line(labels.evidence, r.evidence());
        out.flush();
    }

    /** The provider's name with its id beside it, as the reason is shown; the id alone when it has no name. */
    private String provider(String id) {
        if (id == null) return null;
        String name = providerNames.name(id, lang);
        return name == null || name.isBlank() || name.equals(id) ? id : name + " (" + id + ")";
    }

    private static String inWords(String words, String label) {
        return words.equals(label) ? label : words + " (" + label + ")";
    }

    private void line(String label, String value) throws IOException {
        if (value == null || value.isBlank()) return;
        out.write(label);
        out.write(": ");
        out.write(value.replace('\n', ' '));
        out.write('\n');
    }

    private static String join(String a, String b, String between) {
        if (a == null) return b;
        if (b == null) return a;
        return a + between + b;
    }
}
