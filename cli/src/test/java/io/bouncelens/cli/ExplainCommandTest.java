package io.bouncelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExplainCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Exit code, stdout, stderr of one run of the real command line. */
    private record Run(int exit, String out, String err) {
        List<JsonNode> jsonLines() throws Exception {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out.split("\n", -1)) if (!line.isEmpty()) nodes.add(JSON.readTree(line));
            return nodes;
        }
    }

    private static Run run(byte[] stdin, String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        ((ExplainCommand) cl.getSubcommands().get("explain").getCommand()).stdin = new ByteArrayInputStream(stdin);
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run run(String... args) {
        return run(new byte[0], args);
    }

    @Test
    void textFormatIsAReadableBlock() {
        Run r = run("explain", "550 5.1.1 <a@example.com>: Recipient address rejected: User unknown");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Reason: no such user (userunknown), hard bounce", "Status: 5.1.1", "Reply code: 550",
                "Who acts: the sender: fix or drop the address (recipient-address)", "Retry: never\n", "Fix: ", "Evidence: ");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void textNamesTheProviderInEachLanguageAndAReplyOfNoProviderHasNoProviderLine() {
        String reply = "554 DT:SPM 163 smtp14,EsCowAAXL8J5";
        assertThat(run("explain", "--lang", "zh-CN", reply).out()).contains("服务商: 网易邮箱").contains("(netease) · DT:SPM\n");
        assertThat(run("explain", reply).out()).contains("Provider: NetEase Mail").contains("(netease) · DT:SPM\n");
        assertThat(run("explain", "550 5.1.1 User unknown").out()).doesNotContain("Provider");
    }

    @Test
    void jsonFormatIsOneObjectAndWordsAreJoined() throws Exception {
        Run r = run("explain", "--format", "json", "--lang", "zh-TW", "552", "5.2.2", "Quota", "exceeded");
        assertThat(r.exit()).isZero();
        List<JsonNode> nodes = r.jsonLines();
        assertThat(nodes).hasSize(1);
        assertThat(nodes.get(0).get("reason").asText()).isEqualTo("mailboxfull");
        assertThat(nodes.get(0).get("hardBounce").asBoolean()).isFalse();
        assertThat(nodes.get(0).get("fix").asText()).contains("信箱");
    }

    @Test
    void jsonlFromStdinAnswersEveryLineInOrderEvenEmptyOnes() throws Exception {
        String input = "550 5.1.1 User unknown\r\n\n552 5.2.2 Quota exceeded\n   \nspamed by local spam engine";
        Run r = run(input.getBytes(StandardCharsets.UTF_8), "explain", "--format", "jsonl", "-");
        assertThat(r.exit()).isZero();
        assertThat(r.jsonLines()).extracting(n -> n.get("reason").asText())
                .containsExactly("userunknown", "undefined", "mailboxfull", "undefined", "spamdetected");
    }

    @Test
    void csvFromStdinIsAHeaderAndOneLinePerReplyForASpreadsheet() {
        // a quoted reply with a comma and a quote, a Chinese provider's code, an empty line
        String input = "550 5.1.1 \"bob\"@example.com, User unknown\n550 Mailbox not found or access denied\n\n"
                + "554 DT:SPM 发送的邮件内容包含了未被许可的信息\n";
        Run r = run(input.getBytes(StandardCharsets.UTF_8), "explain", "--format", "csv", "--lang", "zh-CN", "-");
        assertThat(r.exit()).isZero();
        String[] lines = r.out().split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).startsWith("file,message,recipient,addresser,action,reason,hardBounce,status,replyCode,diagnosticCode,");
        assertThat(lines[1]).contains(",userunknown,true,5.1.1,550,\"550 5.1.1 \"\"bob\"\"@example.com, User unknown\",");
        assertThat(lines[2]).contains(",userunknown,true,");
        assertThat(lines[3]).contains(",undefined,");
        assertThat(lines[4]).contains(",spamdetected,", ",netease,", ",DT:SPM,");
        assertThat(r.out()).contains("收件人"); // the advice in the language asked for
    }

    @Test
    void aLanguageTagOrLocaleNameOfTheSameScriptIsTaken() {
        String traditional = run("explain", "--lang", "zh-TW", "552 5.2.2 Mailbox full").out();
        assertThat(traditional).contains("信箱");
        for (String tag : List.of("zh-Hant", "zh-HK", "zh_TW.UTF-8")) {
            assertThat(run("explain", "--lang", tag, "552 5.2.2 Mailbox full").out()).as(tag).isEqualTo(traditional);
        }
        assertThat(run("explain", "--lang", "zh-Hans", "552 5.2.2 Mailbox full").out())
                .isEqualTo(run("explain", "--lang", "zh-CN", "552 5.2.2 Mailbox full").out()).isNotEqualTo(traditional);
        Run french = run("explain", "--lang", "fr", "552 5.2.2 Mailbox full");
        assertThat(french.exit()).isEqualTo(2);
        assertThat(french.err()).contains("unknown --lang 'fr'");
    }

    @Test
    void csvForExcelStartsWithAByteOrderMarkOnlyWhenAskedAndOnlyForCsv() {
        Run marked = run("550 Mailbox not found\n".getBytes(StandardCharsets.UTF_8),
                "explain", "--format", "csv", "--bom", "--lang", "zh-CN", "-");
        assertThat(marked.exit()).isZero();
        assertThat(marked.out()).startsWith("\uFEFFfile,message,").containsOnlyOnce("\uFEFF").contains(",userunknown,");
        assertThat(run("explain", "--format", "csv", "550 Mailbox not found").out()).startsWith("file,message,");

        Run text = run("explain", "--bom", "550 Mailbox not found");
        assertThat(text.exit()).isEqualTo(2);
        assertThat(text.out()).isEmpty();
        assertThat(text.err()).contains("--bom goes with --format csv");
    }

    @Test
    void logLinesAreStillExplainedAndTheCommandThatReadsThemIsNamedOnce() throws Exception {
        String postfix = "Dec  6 10:00:01 mx postfix/smtp[123]: 4BC1D2: to=<bob@example.cn>, relay=mx.example.cn[192.0.2.4]:25, "
                + "delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (host mx.example.cn[192.0.2.4] said: 550 5.1.1 "
                + "<bob@example.cn>: Recipient address rejected: User unknown (in reply to RCPT TO command))\n";
        String input = "552 5.2.2 Quota exceeded\n" + postfix + postfix;
        Run r = run(input.getBytes(StandardCharsets.UTF_8), "explain", "--format", "jsonl", "-");
        assertThat(r.exit()).isZero();
        assertThat(r.jsonLines()).extracting(n -> n.get("reason").asText())
                .containsExactly("mailboxfull", "userunknown", "userunknown");
        assertThat(r.err().strip()).isEqualTo("bouncelens explain: line 2 is a mail server's log line: each line is "
                + "explained as a reply; 'bouncelens logs' also gives the recipient, queue ID and time");
        // replies alone say nothing more
        Run replies = run("550 5.1.1 User unknown\n421 4.7.0 Try again later\n".getBytes(StandardCharsets.UTF_8),
                "explain", "-");
        assertThat(replies.err()).isEmpty();
    }

    @Test
    void aBlockQuotesTheReplyItAnswersOnlyWhenTheReplyCameFromStandardInput() throws Exception {
        // typed as an argument, the reply is on the screen above the answer already
        assertThat(run("explain", "550 5.1.1 <a@example.com>: User unknown").out()).doesNotContain("Server said");
        // read from stdin, each block says which reply it answers
        String replies = "smtp; 550 5.1.1 <a@example.com>: User unknown\n452 4.2.2 Mailbox full\n";
        String out = run(replies.getBytes(StandardCharsets.UTF_8), "explain", "-").out();
        assertThat(out).contains("Server said: 550 5.1.1 <a@example.com>: User unknown\n")
                .contains("Server said: 452 4.2.2 Mailbox full\n");
    }

    @Test
    void badLanguageOrFormatIsAUsageErrorOnOneLine() {
        Run lang = run("explain", "--lang", "fr", "550 x");
        assertThat(lang.exit()).isEqualTo(2);
        assertThat(lang.err().strip()).doesNotContain("\n").contains("--lang").contains("fr");
        assertThat(lang.out()).isEmpty();
        Run format = run("explain", "--format", "xml", "550 x");
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err().strip()).doesNotContain("\n").contains("xml");
        assertThat(run("explain", "--bogus", "550 x").exit()).isEqualTo(2);
    }

    @Test
    void binaryBytesAndAMegabyteLineStillGetOneAnswerPerLine() throws Exception {
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        for (int i = 0; i < binary.length; i++) if (binary[i] == '\n' || binary[i] == '\r') binary[i] = 0;
        String big = "550 5.2.2 mailbox full " + "x".repeat(1 << 20);
        byte[] bigBytes = big.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream in = new java.io.ByteArrayOutputStream();
        in.write(binary);
        in.write('\n');
        in.write(bigBytes);
        in.write('\n');
        in.write("550 No such user\n".getBytes(StandardCharsets.UTF_8));
        long start = System.nanoTime();
        Run r = run(in.toByteArray(), "explain", "--format", "jsonl", "-");
        assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
        assertThat(r.exit()).isZero();
        List<JsonNode> nodes = r.jsonLines();
        assertThat(nodes).hasSize(3);
        assertThat(nodes.get(1).get("reason").asText()).isEqualTo("mailboxfull");
        assertThat(nodes.get(1).get("diagnosticCode").asText().length()).isLessThanOrEqualTo(TextLines.MAX_LINE_CHARS);
        assertThat(nodes.get(2).get("reason").asText()).isEqualTo("userunknown");
    }

    @Test
    void repliesSavedInGbkBig5OrUtf16AreReadInTheirCharset() throws Exception {
        String simplified = "550 该用户不存在\n554 邮件被判定为垃圾邮件，请修改内容\n550 收件人邮箱已满\n";
        List<JsonNode> gbk = run(simplified.getBytes("GBK"), "explain", "--format", "jsonl", "-").jsonLines();
        assertThat(gbk).extracting(n -> n.get("reason").asText()).containsExactly("userunknown", "spamdetected", "mailboxfull");
        assertThat(gbk.get(0).get("diagnosticCode").asText()).isEqualTo("550 该用户不存在");

        String traditional = "550 Mailbox not found. 該郵箱不存在或已被凍結\r\n550 信箱已滿\r\n";
        List<JsonNode> big5 = run(traditional.getBytes("Big5"), "explain", "--format", "jsonl", "-").jsonLines();
        assertThat(big5).extracting(n -> n.get("diagnosticCode").asText())
                .containsExactly("550 Mailbox not found. 該郵箱不存在或已被凍結", "550 信箱已滿");

        // a text file Windows saved as "Unicode" (UTF-16 with its byte order mark)
        List<JsonNode> utf16 = run(simplified.getBytes(StandardCharsets.UTF_16), "explain", "--format", "jsonl", "-").jsonLines();
        assertThat(utf16).extracting(n -> n.get("reason").asText()).containsExactly("userunknown", "spamdetected", "mailboxfull");
        // and UTF-8's mark is no part of the first reply
        List<JsonNode> marked = run(("\uFEFF" + simplified).getBytes(StandardCharsets.UTF_8), "explain", "--format", "jsonl", "-").jsonLines();
        assertThat(marked.get(0).get("diagnosticCode").asText()).isEqualTo("550 该用户不存在");
    }

    @Test
    void aLongUtf16LittleEndianFileKeepsEveryCharacterWholeAcrossItsReads() throws Exception {
        // Windows' "Unicode" is little-endian with FF FE first; characters outside the BMP (two
        // chars each) fall across the reader's chunk ends somewhere in 5,000 lines of them
        StringBuilder text = new StringBuilder("\uFEFF");
        for (int i = 0; i < 5_000; i++) text.append("550 用户不存在 \uD83D\uDCEB ").append(i).append("\r\n");
        List<JsonNode> nodes = run(text.toString().getBytes("UTF-16LE"), "explain", "--format", "jsonl", "-").jsonLines();
        assertThat(nodes).hasSize(5_000);
        for (int i = 0; i < 5_000; i++) {
            assertThat(nodes.get(i).get("diagnosticCode").asText()).isEqualTo("550 用户不存在 \uD83D\uDCEB " + i);
        }
        assertThat(nodes).allSatisfy(n -> assertThat(n.get("reason").asText()).isEqualTo("userunknown"));
    }

    @Test
    void hundredThousandLinesStreamThrough() throws Exception {
        StringBuilder s = new StringBuilder();
        String[] replies = {"550 5.1.1 User unknown", "552 5.2.2 Quota exceeded", "421 4.7.0 try later"};
        for (int i = 0; i < 100_000; i++) s.append(replies[i % 3]).append('\n');
        long start = System.nanoTime();
        Run r = run(s.toString().getBytes(StandardCharsets.UTF_8), "explain", "--format", "jsonl", "-");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.exit()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(100_000);
        assertThat(lines[99_999]).contains("\"reason\":\"userunknown\"");
        assertThat(millis).as("100,000 lines in %d ms", millis).isLessThan(30_000);
    }

    private static final String BOUNCE = String.join("\r\n",
            "From MAILER-DAEMON Thu Jan  1 00:00:00 2026",
            "Return-Path: <>",
            "From: Mail Delivery System <MAILER-DAEMON@mx.sender.example>",
            "To: sender@sender.example",
            "Subject: Undelivered Mail Returned to Sender",
            "MIME-Version: 1.0",
            "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"",
            "",
            "--b",
            "Content-Type: message/delivery-status",
            "",
            "Reporting-MTA: dns; mx.sender.example",
            "",
            "Final-Recipient: rfc822; gone@receiver.example",
            "Action: failed",
            "Status: 5.1.1",
            "Diagnostic-Code: smtp; 550 5.1.1 <gone@receiver.example>: Recipient address rejected: User unknown",
            "",
            "--b--",
            "");

    @Test
    void aBouncePipedInWholeIsReadAsAMessageNotLineByLine() throws Exception {
        Run r = run(BOUNCE.getBytes(StandardCharsets.US_ASCII), "explain", "--format", "jsonl", "-");

        assertThat(r.exit()).isZero();
        assertThat(r.jsonLines()).singleElement().satisfies(n -> {
            assertThat(n.get("recipient").asText()).isEqualTo("gone@receiver.example");
            assertThat(n.get("reason").asText()).isEqualTo("userunknown");
        });
        assertThat(r.err()).contains("standard input is an email message").contains("diagnose -");

        String notABounce = "Received: from a.example by b.example; Thu, 1 Jan 2026 00:00:00 +0000\nSubject: hi\n\nhello\n";
        Run mail = run(notABounce.getBytes(StandardCharsets.US_ASCII), "explain", "-");
        assertThat(mail.out()).isEmpty();
        assertThat(mail.err()).contains("no bounce (not-bounce)");
    }

    @Test
    void aReportsOwnFieldsPastedAloneAreStillOneReplyPerLine() throws Exception {
        String fields = "Final-Recipient: rfc822; a@b.example\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\n";
        Run r = run(fields.getBytes(StandardCharsets.US_ASCII), "explain", "--format", "jsonl", "-");

        assertThat(r.jsonLines()).extracting(n -> n.get("reason").asText()).containsExactly("undefined", "userunknown");
        assertThat(r.err()).doesNotContain("email message");
    }

    @Test
    void aFileNamedAsTheReplyIsExplainedAsWordsWithAHintToReadIt() throws Exception {
        java.nio.file.Path eml = java.nio.file.Files.createTempFile("bounce", ".eml");
        try {
            java.nio.file.Files.writeString(eml, BOUNCE);
            Run r = run("explain", eml.toString());
            assertThat(r.out()).contains("(undefined)");
            assertThat(r.err()).contains("is a file").contains("bouncelens diagnose '" + eml + "'");
        } finally {
            java.nio.file.Files.delete(eml);
        }
    }

    @Test
    void repliesTypedOneByOneAreAnsweredWithoutWaitingForTheEndOfInput() throws Exception {
        java.io.PipedOutputStream typing = new java.io.PipedOutputStream();
        java.io.PipedInputStream stdin = new java.io.PipedInputStream(typing);
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        ((ExplainCommand) cl.getSubcommands().get("explain").getCommand()).stdin = stdin;
        Thread run = new Thread(() -> cl.execute("explain", "--format", "jsonl", "-"));
        run.start();
        try {
            typing.write("550 5.1.1 User unknown\n".getBytes(StandardCharsets.US_ASCII));
            typing.flush();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!out.toString().contains("userunknown") && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(out.toString()).as("the first answer, while the input is still open").contains("userunknown");
        } finally {
            typing.close();
            run.join(10_000);
        }
    }
}
