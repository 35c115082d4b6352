package io.bouncelens.emit;

import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.MessageDiagnosis;
import io.bouncelens.read.InputMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RunSummaryTest {

    private static final Bouncelens BOUNCELENS = Bouncelens.standard();

    private static MessageDiagnosis bounce(int number, String reply) {
        String eml = String.join("\r\n",
                "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>",
                "To: sender@example.com",
                "Subject: Undelivered Mail Returned to Sender",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=b",
                "",
                "--b",
                "Content-Type: message/delivery-status",
                "",
                "Reporting-MTA: dns; mx.example.org",
                "",
                "Final-Recipient: rfc822; r" + number + "@example.net",
                "Action: failed",
                "Diagnostic-Code: smtp; " + reply,
                "",
                "--b--", "");
        return BOUNCELENS.diagnose(new InputMessage("box", number, eml.getBytes(StandardCharsets.UTF_8), false, null), Lang.EN);
    }

    private static RunSummary twoFullOneUnknown() {
        RunSummary summary = new RunSummary();
        summary.add(bounce(1, "552 5.2.2 Mailbox full"));
        summary.add(bounce(2, "550 5.1.1 User unknown"));
        summary.add(bounce(3, "552 5.2.2 Mailbox full"));
        return summary;
    }

    @Test
    void englishCountsWithItsPluralsAndTheReasonsByLabelMostFrequentFirst() {
        assertThat(twoFullOneUnknown().describe(Lang.EN)).isEqualTo(
                "3 messages read, 3 bounces, 3 records, 0 errors\nby reason: mailboxfull 2, userunknown 1");
        RunSummary one = new RunSummary();
        one.add(bounce(1, "550 5.1.1 User unknown"));
        assertThat(one.describe(Lang.EN)).startsWith("1 message read, 1 bounce, 1 record, 0 errors\n");
    }

    @Test
    void chineseReadersGetTheTotalsAndTheReasonsInTheirWordsWithTheLabelsBeside() {
        assertThat(twoFullOneUnknown().describe(Lang.ZH_CN)).isEqualTo(
                "读取邮件 3 封，退信 3 封，记录 3 条，出错 0 个\n按原因："
                        + ReasonNames.of(io.bouncelens.Reason.MAILBOXFULL, Lang.ZH_CN) + " (mailboxfull) 2，"
                        + ReasonNames.of(io.bouncelens.Reason.USERUNKNOWN, Lang.ZH_CN) + " (userunknown) 1");
        String taiwan = twoFullOneUnknown().describe(Lang.ZH_TW);
        assertThat(taiwan).startsWith("讀取郵件 3 封，退信 3 封，記錄 3 筆，錯誤 0 個\n依原因：")
                .contains("信箱已滿 (mailboxfull) 2，").doesNotContain("邮");
    }

    @Test
    void equalCountsKeepTheOrderOfTheirLabelsInEveryLanguage() {
        RunSummary summary = new RunSummary();
        summary.add(bounce(1, "550 5.1.1 User unknown"));
        summary.add(bounce(2, "552 5.2.2 Mailbox full"));
        for (Lang lang : Lang.values()) {
            String line = summary.describe(lang).lines().skip(1).findFirst().orElseThrow();
            assertThat(line.indexOf("mailboxfull")).as(lang.tag()).isLessThan(line.indexOf("userunknown"));
        }
    }
}
