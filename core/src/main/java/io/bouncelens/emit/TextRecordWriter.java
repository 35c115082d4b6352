package io.bouncelens.emit;

import io.bouncelens.BounceRecord;
import io.bouncelens.Lang;

import java.io.IOException;
import java.io.Writer;

/**
 * A short block for a person at a terminal: the verdict first, then codes, who acts, retry,
 * explanation, fix and evidence, with labels in the language asked for. Blocks are separated by a
 * blank line.
 */
public final class TextRecordWriter {

    private record Labels(String reason, String hard, String soft, String status, String reply, String provider,
                          String recipient, String actor, String retry, String explanation, String fix,
                          String evidence, String host) {
    }

    private static final Labels EN = new Labels("Reason", "hard bounce", "soft bounce", "Status", "Reply code",
            "Provider", "Recipient", "Who acts", "Retry", "Why", "Fix", "Evidence", "Remote host");
    private static final Labels ZH_CN = new Labels("原因", "硬退信", "软退信", "状态码", "回复码", "服务商",
            "收件人", "处理方", "重试", "说明", "解决方法", "依据", "对方服务器");
    private static final Labels ZH_TW = new Labels("原因", "硬退信", "軟退信", "狀態碼", "回應碼", "服務商",
            "收件人", "處理方", "重試", "說明", "解決方法", "依據", "對方伺服器");

    private final Writer out;
    private final Labels labels;
    private boolean first = true;

    public TextRecordWriter(Writer out, Lang lang) {
        this.out = out;
        this.labels = lang == Lang.ZH_CN ? ZH_CN : lang == Lang.ZH_TW ? ZH_TW : EN;
    }

    public void write(BounceRecord r) throws IOException {
        if (!first) out.write('\n');
        first = false;
        line(labels.reason, r.reason().label() + " (" + (r.hardBounce() ? labels.hard : labels.soft) + ")");
        line(labels.recipient, r.recipient());
        line(labels.status, r.status());
        line(labels.reply, r.replyCode() == null ? null : r.replyCode().toString());
        line(labels.provider, join(r.provider(), r.providerCode()));
        line(labels.host, r.remoteHost());
        line(labels.actor, r.actor() == null ? null : r.actor().label());
        line(labels.retry, r.retry() == null ? null : r.retry().label());
        line(labels.explanation, r.explanation());
        line(labels.fix, r.fix());
        line(labels.evidence, r.evidence());
        out.flush();
    }

    private void line(String label, String value) throws IOException {
        if (value == null || value.isBlank()) return;
        out.write(label);
        out.write(": ");
        out.write(value.replace('\n', ' '));
        out.write('\n');
    }

    private static String join(String a, String b) {
        if (a == null) return b;
        if (b == null) return a;
        return a + ", " + b;
    }
}
