package io.bouncelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bouncelens diagnose}, {@code logs} and {@code eval} run as real processes, with real files and stdin. */
class DiagnoseCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CliProcess.Run bouncelens(Path stdin, String... args) throws IOException, InterruptedException {
        return CliProcess.run(stdin, args);
    }

    static String bounce(String recipient, String status, String diagnostic) {
        return "From: Mail Delivery System <MAILER-DAEMON@mx.sender.example>\n"
                + "To: alice@sender.example\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
                + "--b\nContent-Type: text/plain\n\nYour message could not be delivered.\n\n"
                + "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.sender.example\n\n"
                + "Final-Recipient: rfc822; " + recipient + "\nAction: failed\nStatus: " + status + "\n"
                + "Diagnostic-Code: smtp; " + diagnostic + "\n\n"
                + "--b\nContent-Type: text/rfc822-headers\n\nFrom: alice@sender.example\nTo: " + recipient + "\n"
                + "Subject: Plans\nMessage-ID: <plans@sender.example>\n\n--b--\n";
    }

    private static final String NOT_A_BOUNCE = "From: friend@example.org\nTo: alice@sender.example\nSubject: Lunch?\n\nAt noon?\n";

    private static Path maildir(Path dir) throws IOException {
        Path md = dir.resolve("Maildir");
        Files.createDirectories(md.resolve("cur"));
        Files.createDirectories(md.resolve("new"));
        Files.writeString(md.resolve("cur/1.host:2,S"), bounce("gone@receiver.example", "5.1.1",
                "550 5.1.1 <gone@receiver.example>: Recipient address rejected: User unknown"));
        Files.writeString(md.resolve("cur/2.host:2,S"), NOT_A_BOUNCE);
        Files.writeString(md.resolve("new/3.host"), bounce("full@receiver.example", "4.2.2",
                "452 4.2.2 Mailbox full"));
        return md;
    }

    @Test
    void jsonlGivesOneRecordPerFailedRecipientInInputOrder(@TempDir Path dir) throws Exception {
        Path md = maildir(dir);
        CliProcess.Run r = bouncelens(null, "diagnose", "--format", "jsonl", md.toString());

        assertThat(r.exit()).isZero();
        List<JsonNode> records = r.jsonLines();
        assertThat(records).extracting(n -> n.get("recipient").asText())
                .containsExactly("gone@receiver.example", "full@receiver.example");
        JsonNode first = records.get(0);
        assertThat(first.get("file").asText()).isEqualTo(md.resolve("cur/1.host:2,S").toString());
        assertThat(first.get("message").asInt()).isEqualTo(1);
        assertThat(first.get("reason").asText()).isEqualTo("userunknown");
        assertThat(first.get("hardBounce").asBoolean()).isTrue();
        assertThat(first.get("status").asText()).isEqualTo("5.1.1");
        assertThat(first.get("replyCode").asInt()).isEqualTo(550);
        assertThat(first.get("addresser").asText()).isEqualTo("alice@sender.example");
        assertThat(first.get("messageId").asText()).isEqualTo("<plans@sender.example>");
        assertThat(first.get("decodedBy").asText()).startsWith("rfc3464");
        assertThat(records.get(1).get("reason").asText()).isEqualTo("mailboxfull");
        assertThat(r.err()).contains("3 messages read, 2 bounces, 2 records", "1 not-bounce", "0 errors",
                "userunknown 1", "mailboxfull 1");
    }

    @Test
    void theClosingLinesOnStderrAreInTheLanguageAskedFor(@TempDir Path dir) throws Exception {
        Path md = maildir(dir);
        CliProcess.Run taiwan = bouncelens(null, "diagnose", "--lang", "zh-TW", "--format", "jsonl", md.toString());
        assertThat(taiwan.exit()).isZero();
        assertThat(taiwan.jsonLines()).hasSize(2);
        assertThat(taiwan.err()).contains("bouncelens: 讀取郵件 3 封，退信 2 封，記錄 2 筆，非退信 1 封，錯誤 0 個\n依原因：")
                .contains("收件人不存在 (userunknown) 1", "信箱已滿 (mailboxfull) 1").doesNotContain("messages read");

        Path log = Files.writeString(dir.resolve("maillog"), "Dec  7 05:00:01 mx postfix/smtp[123]: 4F1A2B3C: to=<gone@example.com>, "
                + "relay=mx.example.com[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (host mx.example.com[192.0.2.1] "
                + "said: 550 5.1.1 User unknown (in reply to RCPT TO command))\n");
        CliProcess.Run mainland = bouncelens(null, "logs", "--lang", "zh-CN", "--format", "jsonl", log.toString());
        assertThat(mainland.exit()).isZero();
        assertThat(mainland.err()).contains("bouncelens: 读取日志 1 行，投递失败 1，延迟投递 0，投递成功 0，出错 0 个\n按原因：收件人不存在 (userunknown) 1");
    }

    @ParameterizedTest(name = "--threads {0}")
    @ValueSource(strings = {"1", "2"})
    void aLivePipesMessagesAreAnsweredAsTheyComeNotWhenThePipeCloses(String threads) throws Exception {
        Process p = CliProcess.start("diagnose", "--threads", threads, "--format", "jsonl", "-");
        try {
            java.io.OutputStream in = p.getOutputStream();
            java.io.BufferedReader out = new java.io.BufferedReader(
                    new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            // the first message as a delivery agent appends it to a mailbox, its blank line last;
            // the pipe stays open, and no From line of a next message says that this one is over
            in.write(("From MAILER-DAEMON Thu Sep 18 17:54:04 2008\n"
                    + bounce("gone@receiver.example", "5.1.1", "550 5.1.1 User unknown") + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            String first = readLineWithin(out, 30);
            assertThat(first).as("the first message's record, with the pipe still open").isNotNull();
            assertThat(JSON.readTree(first).get("recipient").asText()).isEqualTo("gone@receiver.example");
            assertThat(p.isAlive()).isTrue();

            in.write(("From MAILER-DAEMON Thu Sep 18 17:55:04 2008\n"
                    + bounce("full@receiver.example", "4.2.2", "452 4.2.2 Mailbox full") + "\n").getBytes(StandardCharsets.UTF_8));
            in.close();
            String second = readLineWithin(out, 30);
            assertThat(JSON.readTree(second).get("recipient").asText()).isEqualTo("full@receiver.example");
            assertThat(JSON.readTree(second).get("message").asInt()).isEqualTo(2);
            assertThat(readLineWithin(out, 30)).isNull();
            assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroyForcibly();
        }
    }

    /** The next line of {@code out}, null at its end; fails when none comes within {@code seconds}. */
    private static String readLineWithin(java.io.BufferedReader out, int seconds) throws Exception {
        java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            return reader.submit(out::readLine).get(seconds, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void stdinMboxWithOldMacLineEndsInCsvWithChineseAdvice(@TempDir Path dir) throws Exception {
        Path mbox = dir.resolve("in.mbox");
        String lf = "From MAILER-DAEMON Thu Sep 18 17:54:04 2008\n"
                + bounce("a@receiver.example", "5.1.1", "550 5.1.1 User unknown") + "\n"
                + "From MAILER-DAEMON Thu Sep 18 17:55:04 2008\n"
                + bounce("b@receiver.example", "5.2.2", "552 5.2.2 Mailbox full");
        Files.writeString(mbox, lf.replace('\n', '\r'));

        CliProcess.Run r = bouncelens(mbox, "diagnose", "--format", "csv", "--lang", "zh-CN", "-");

        assertThat(r.exit()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("file,message,recipient,addresser,action,reason,hardBounce,status,replyCode,");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("-,1,a@receiver.example,alice@sender.example,failed,userunknown,true,5.1.1,550,");
        assertThat(lines.get(2)).startsWith("-,2,b@receiver.example,");
        assertThat(r.out()).containsPattern("[\\u4e00-\\u9fff]");
    }

    @Test
    void csvForExcelStartsWithAByteOrderMarkWhenAskedAndOnlyThen(@TempDir Path dir) throws Exception {
        Path eml = Files.writeString(dir.resolve("bounce.eml"),
                bounce("a@receiver.example", "5.1.1", "550 5.1.1 User unknown"));

        CliProcess.Run marked = bouncelens(null, "diagnose", "--format", "csv", "--bom", "--lang", "zh-TW", eml.toString());
        assertThat(marked.exit()).isZero();
        // the three bytes EF BB BF, read as UTF-8, once, and the header right after them
        assertThat(marked.out()).startsWith("\uFEFFfile,message,recipient,").containsOnlyOnce("\uFEFF");
        assertThat(marked.out()).containsPattern("[\\u4e00-\\u9fff]"); // what Excel showed as mojibake without the mark

        CliProcess.Run plain = bouncelens(null, "diagnose", "--format", "csv", eml.toString());
        assertThat(plain.out()).startsWith("file,message,recipient,");

        CliProcess.Run json = bouncelens(null, "diagnose", "--format", "jsonl", "--bom", eml.toString());
        assertThat(json.exit()).isEqualTo(2);
        assertThat(json.out()).isEmpty();
        assertThat(json.err()).contains("--bom goes with --format csv");

        Path log = Files.writeString(dir.resolve("mail.log"), "Dec  6 10:00:01 mx postfix/smtp[123]: 4BC1D2: "
                + "to=<gone@example.com>, relay=mx.example.com[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, "
                + "status=bounced (host mx.example.com[192.0.2.1] said: 550 5.1.1 User unknown (in reply to RCPT TO command))\n");
        CliProcess.Run logs = bouncelens(null, "logs", "--format", "csv", "--bom", log.toString());
        assertThat(logs.exit()).isZero();
        assertThat(logs.out()).startsWith("\uFEFFfile,message,recipient,").contains("gone@example.com");
    }

    @Test
    void aGzippedMailboxOnStdinOrAsAFileGivesTheRecordsOfTheMailboxAndACutOneExitsOne(@TempDir Path dir)
            throws Exception {
        String box = "From MAILER-DAEMON Thu Sep 18 17:54:04 2008\n"
                + bounce("a@receiver.example", "5.1.1", "550 5.1.1 User unknown") + "\n"
                + "From MAILER-DAEMON Thu Sep 18 17:55:04 2008\n"
                + bounce("b@receiver.example", "5.2.2", "552 5.2.2 Mailbox full");
        Path mbox = Files.writeString(dir.resolve("bounces.mbox"), box);
        java.io.ByteArrayOutputStream compressed = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(compressed)) {
            gz.write(box.getBytes(StandardCharsets.UTF_8));
        }
        Path gzipped = Files.write(dir.resolve("bounces.mbox.1.gz"), compressed.toByteArray());
        byte[] whole = compressed.toByteArray();
        Path cut = Files.write(dir.resolve("cut.gz"), java.util.Arrays.copyOf(whole, whole.length - 4));

        CliProcess.Run plain = bouncelens(null, "diagnose", "--format", "csv", mbox.toString());
        CliProcess.Run fromStdin = bouncelens(gzipped, "diagnose", "--format", "csv", "-");
        CliProcess.Run cutOff = bouncelens(null, "diagnose", "--format", "csv", cut.toString());

        assertThat(plain.exit()).isZero();
        assertThat(fromStdin.exit()).isZero();
        assertThat(fromStdin.out()).isEqualTo(plain.out().replace(mbox.toString(), "-")).contains("a@receiver.example",
                "b@receiver.example");
        assertThat(cutOff.exit()).isEqualTo(1);
        assertThat(cutOff.out()).contains("a@receiver.example").doesNotContain("b@receiver.example");
        assertThat(cutOff.err()).contains("cut.gz#2: read error: gzip data ends early").doesNotContain("\tat ");
    }

    @Test
    void aZipArchiveOfAMaildirGivesTheRecordsOfItsEntriesNamedInsideIt(@TempDir Path dir) throws Exception {
        Path md = maildir(dir);
        Path archive = dir.resolve("bounces-export.zip");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(archive))) {
            for (String name : List.of("cur/1.host:2,S", "cur/2.host:2,S", "new/3.host")) {
                zip.putNextEntry(new java.util.zip.ZipEntry("Maildir/" + name));
                zip.write(Files.readAllBytes(md.resolve(name)));
                zip.closeEntry();
            }
        }

        CliProcess.Run r = bouncelens(null, "diagnose", "--format", "jsonl", archive.toString());

        assertThat(r.exit()).isZero();
        List<JsonNode> records = r.jsonLines();
        assertThat(records).extracting(n -> n.get("file").asText())
                .containsExactly(archive + "!/Maildir/cur/1.host:2,S", archive + "!/Maildir/new/3.host");
        assertThat(records).extracting(n -> n.get("reason").asText()).containsExactly("userunknown", "mailboxfull");
        assertThat(r.err()).contains("3 messages read, 2 bounces, 2 records", "0 errors");
    }

    @Test
    void aTarredAndGzippedMaildirGivesTheRecordsOfItsFilesNamedInsideIt(@TempDir Path dir) throws Exception {
        Path md = maildir(dir);
        Path archive = dir.resolve("bounces-export.tgz");
        Process tar;
        try {
            tar = new ProcessBuilder("tar", "-czf", archive.toString(), "-C", md.getParent().toString(),
                    md.getFileName().toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "no tar on this machine");
            return;
        }
        String said = new String(tar.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(tar.waitFor()).as(said).isZero();

        CliProcess.Run r = bouncelens(null, "diagnose", "--format", "jsonl", archive.toString());
        CliProcess.Run fromStdin = bouncelens(archive, "diagnose", "--format", "jsonl", "-");

        assertThat(r.exit()).as(r.err()).isZero();
        String inside = archive + "!/" + md.getFileName() + "/";
        assertThat(r.jsonLines()).extracting(n -> n.get("file").asText())
                .containsExactlyInAnyOrder(inside + "cur/1.host:2,S", inside + "new/3.host");
        assertThat(r.err()).contains("3 messages read, 2 bounces, 2 records", "0 errors");
        assertThat(fromStdin.jsonLines()).extracting(n -> n.get("reason").asText())
                .containsExactlyInAnyOrderElementsOf(r.jsonLines().stream().map(n -> n.get("reason").asText()).toList());
    }

    private static final String MAIL_LOG = String.join("\n",
            "Dec  6 10:00:00 mx postfix/smtpd[1200]: connect from client.example.org[198.51.100.7]",
            "Dec  6 10:00:01 mx postfix/qmgr[1100]: 4ABC123: from=<alice@example.org>, size=2048, nrcpt=2 (queue active)",
            "Dec  6 10:00:02 mx postfix/smtp[1234]: 4ABC123: to=<gone@example.com>, relay=mx.example.com[192.0.2.1]:25, "
                    + "delay=1.2, delays=0.1/0/0.5/0.6, dsn=5.1.1, status=bounced (host mx.example.com[192.0.2.1] said: "
                    + "550 5.1.1 <gone@example.com>: Recipient address rejected: User unknown (in reply to RCPT TO command))",
            "Dec  6 10:00:02 mx postfix/smtp[1234]: 4ABC123: to=<ok@example.com>, relay=mx.example.com[192.0.2.1]:25, "
                    + "delay=1.1, delays=0.1/0/0.5/0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9XYZ)",
            "Dec  6 10:00:03 mx postfix/smtp[1235]: 5DEF456: to=<someone@qq.com>, relay=mx3.qq.com[203.0.113.9]:25, "
                    + "delay=2, delays=0.1/0/1/0.9, dsn=4.0.0, status=deferred (host mx3.qq.com[203.0.113.9] said: "
                    + "450 Ip frequency limited (in reply to MAIL FROM command))",
            "2026-12-06 10:00:05 1vQmZc-0003Ab-7x ** full@example.jp R=dnslookup T=remote_smtp H=mx.example.jp [192.0.2.8]: "
                    + "SMTP error from remote mail server after RCPT TO:<full@example.jp>: 552 5.2.2 Mailbox full",
            "");

    @Test
    void logsGiveARecordPerFailedOrDeferredDeliveryWithTheLineNumber(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("mail.log"), MAIL_LOG);
        java.io.ByteArrayOutputStream compressed = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(compressed)) {
            gz.write(MAIL_LOG.getBytes(StandardCharsets.UTF_8));
        }
        Path rotated = Files.write(dir.resolve("mail.log.1.gz"), compressed.toByteArray());

        CliProcess.Run r = bouncelens(rotated, "logs", "--format", "jsonl", log.toString(), dir.resolve("missing.log").toString(), "-");

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        List<JsonNode> records = r.jsonLines();
        assertThat(records).extracting(n -> n.get("file").asText() + "#" + n.get("message").asInt() + " "
                        + n.get("recipient").asText() + " " + n.get("action").asText() + " " + n.get("reason").asText())
                .containsExactly(
                        log + "#3 gone@example.com failed userunknown",
                        log + "#5 someone@qq.com delayed ratelimited",
                        log + "#6 full@example.jp failed mailboxfull",
                        "-#3 gone@example.com failed userunknown",
                        "-#5 someone@qq.com delayed ratelimited",
                        "-#6 full@example.jp failed mailboxfull");
        assertThat(records.get(0).get("addresser").asText()).as("from the queue manager's line").isEqualTo("alice@example.org");
        assertThat(records.get(1).get("provider").asText()).isEqualTo("tencent");
        assertThat(records.get(0).get("decodedBy").asText()).isEqualTo("postfix-log");
        assertThat(records.get(0).get("command").asText()).isEqualTo("RCPT");
        assertThat(records.get(2).get("remoteHost").asText()).isEqualTo("mx.example.jp");
        assertThat(r.err()).contains("missing.log: no such file or directory")
                .contains("12 lines read, 4 failed, 2 deferred, 2 delivered, 1 error")
                .contains("by reason: mailboxfull 2, ratelimited 2, userunknown 2").doesNotContain("\tat ");

        CliProcess.Run text = bouncelens(null, "logs", log.toString());
        assertThat(text.out()).contains("== " + log + ", line 3\n  Reason: no such user (userunknown), hard bounce")
                .doesNotContain(" #");

        CliProcess.Run all = bouncelens(null, "logs", "--all", "--format", "csv", log.toString());
        assertThat(all.exit()).isZero();
        assertThat(all.out().lines().skip(1).map(l -> l.split(",")[2] + " " + l.split(",")[5]))
                .containsExactly("gone@example.com userunknown", "ok@example.com delivered", "someone@qq.com ratelimited",
                        "full@example.jp mailboxfull");
    }

    @Test
    void logsExportedInGbkAreReadInGbk(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("maillog-gbk.txt");
        Files.write(log, ("Dec  7 05:00:01 mx postfix/smtp[123]: 4F1A2B3C: to=<xiaoming@qq.com>, relay=mx3.qq.com[203.0.113.31]:25, "
                + "delay=1, delays=0/0/0/1, dsn=5.0.0, status=bounced (host mx3.qq.com[203.0.113.31] said: 550 该用户不存在 "
                + "(in reply to RCPT TO command))\n").getBytes("GBK"));
        CliProcess.Run r = bouncelens(null, "logs", "--format", "jsonl", log.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.jsonLines()).singleElement().satisfies(n -> {
            assertThat(n.get("recipient").asText()).isEqualTo("xiaoming@qq.com");
            assertThat(n.get("reason").asText()).isEqualTo("userunknown");
            assertThat(n.get("diagnosticCode").asText()).contains("550 该用户不存在");
        });
    }

    @Test
    void logsReadAPowerMtaAccountingFileByItsHeader(@TempDir Path dir) throws Exception {
        Path acct = Files.writeString(dir.resolve("acct-2026-12-06.csv"), String.join("\r\n",
                "type,timeLogged,orig,rcpt,dsnAction,dsnStatus,dsnDiag,dsnMta,bounceCat,jobId",
                "d,1765015201,news@example.org,ok@example.com,relayed,2.0.0,\"smtp;250 2.0.0 OK\",\"dns;mx.example.com (192.0.2.1)\",,7",
                "b,1765015202,news@example.org,gone@example.com,failed,5.1.1,\"smtp;550 5.1.1 User unknown, sorry\","
                        + "\"dns;mx.example.com (192.0.2.1)\",bad-mailbox,7",
                "t,1765015203,news@example.org,someone@qq.com,delayed,4.0.0,\"smtp;451 Ip frequency limited\","
                        + "\"dns;mx3.qq.com (203.0.113.9)\",,7",
                ""));

        CliProcess.Run r = bouncelens(null, "logs", "--format", "jsonl", acct.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.jsonLines()).extracting(n -> n.get("message").asInt() + " " + n.get("recipient").asText() + " "
                        + n.get("reason").asText() + " " + n.get("addresser").asText() + " " + n.get("decodedBy").asText())
                .containsExactly("3 gone@example.com userunknown news@example.org powermta-log",
                        "4 someone@qq.com ratelimited news@example.org powermta-log");
        assertThat(r.err()).contains("4 lines read, 1 failed, 1 deferred, 1 delivered, 0 errors");
    }

    @Test
    void logsReadAnExchangeMessageTrackingLogByItsFieldsLine(@TempDir Path dir) throws Exception {
        String head = "2026-12-06T08:00:0";
        String tail = ",8192,1,,,\"Invoice, December\",billing@contoso.example,billing@contoso.example,,Originating,,,,,Email,1,15";
        Path log = dir.resolve("MSGTRK2026120608-1.LOG");
        Files.write(log, ("\uFEFF" + String.join("\r\n",
                "#Software: Microsoft Exchange Server",
                "#Version: 15.02.1544.009",
                "#Log-type: Message Tracking Log",
                "#Date: 2026-12-06T08:00:00.000Z",
                "#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,connector-id,"
                        + "source,event-id,internal-message-id,message-id,network-message-id,recipient-address,"
                        + "recipient-status,total-bytes,recipient-count,related-recipient-address,reference,"
                        + "message-subject,sender-address,return-path,message-info,directionality,tenant-id,"
                        + "original-client-ip,original-server-ip,custom-data,transport-traffic-type,log-id,schema-version",
                head + "1.000Z,192.0.2.10,EX01,,,,,SMTP,RECEIVE,7001,<m1@contoso.example>,n1,\"a@example.com;gone@example.com\","
                        + "\"250 2.1.5 Recipient OK;250 2.1.5 Recipient OK\"" + tail,
                head + "2.000Z,192.0.2.10,EX01,192.0.2.1,mx.example.com,,Internet,SMTP,SEND,7001,<m1@contoso.example>,n1,"
                        + "a@example.com,250 2.0.0 OK" + tail,
                head + "3.000Z,192.0.2.10,EX01,192.0.2.1,mx.example.com,,Internet,SMTP,FAIL,7001,<m1@contoso.example>,n1,"
                        + "gone@example.com,\"[{LRT=};{LED=550 5.1.1 <gone@example.com>: Recipient address rejected: "
                        + "User unknown};{FQDN=mx.example.com};{IP=192.0.2.1}]\"" + tail,
                head + "4.000Z,192.0.2.10,EX01,203.0.113.9,mx3.qq.com,,Internet,SMTP,DEFER,7002,<m2@contoso.example>,n2,"
                        + "someone@qq.com,\"[{LRT=};{LED=451 4.4.0 Primary target IP address responded with: \"\"451 Ip "
                        + "frequency limited\"\"};{FQDN=mx3.qq.com};{IP=203.0.113.9}]\"" + tail,
                "")).getBytes(StandardCharsets.UTF_8));

        CliProcess.Run r = bouncelens(null, "logs", "--format", "jsonl", log.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.jsonLines()).extracting(n -> n.get("message").asInt() + " " + n.get("recipient").asText() + " "
                        + n.get("reason").asText() + " " + n.get("messageId").asText() + " " + n.get("decodedBy").asText())
                .containsExactly("8 gone@example.com userunknown m1@contoso.example exchange-log",
                        "9 someone@qq.com ratelimited m2@contoso.example exchange-log");
        assertThat(r.jsonLines().get(0).get("addresser").asText()).isEqualTo("billing@contoso.example");
        assertThat(r.jsonLines().get(0).get("timestamp").asText()).isEqualTo("2026-12-06T08:00:03.000Z");
        assertThat(r.jsonLines().get(1).get("remoteHost").asText()).isEqualTo("mx3.qq.com");
        assertThat(r.err()).contains("9 lines read, 1 failed, 1 deferred, 1 delivered, 0 errors");
    }

    /** A real IMAP server on a free port of this machine, started. */
    private static com.icegreen.greenmail.util.GreenMail startImapServer() {
        com.icegreen.greenmail.util.GreenMail server = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(0, "127.0.0.1", com.icegreen.greenmail.util.ServerSetup.PROTOCOL_IMAP));
        server.start();
        return server;
    }

    /** The bounce of a test resource beside this class: 550 5.1.1 for gone.away@mail.example.org. */
    private static byte[] userUnknownBounce() throws IOException {
        try (java.io.InputStream in = DiagnoseCommandTest.class.getResourceAsStream("dsn-userunknown.eml")) {
            return in.readAllBytes();
        }
    }

    @Test
    void imapReadsEveryMessageOfAFolderOnARealServerAndLeavesItAsItWas(@TempDir Path dir) throws Exception {
        com.icegreen.greenmail.util.GreenMail server = startImapServer();
        try {
            com.icegreen.greenmail.user.GreenMailUser user = server.setUser("bounces@example.org", "bounces@example.org", "pw-1");
            jakarta.mail.Session session = jakarta.mail.Session.getInstance(new java.util.Properties());
            byte[] bounce = userUnknownBounce();
            user.deliver(new jakarta.mail.internet.MimeMessage(session, new java.io.ByteArrayInputStream(bounce)));
            user.deliver(new jakarta.mail.internet.MimeMessage(session, new java.io.ByteArrayInputStream(
                    "From: a friend <friend@example.net>\r\nSubject: Lunch?\r\n\r\nNoon at the usual place?\r\n"
                            .getBytes(StandardCharsets.US_ASCII))));
            user.deliver(new jakarta.mail.internet.MimeMessage(session, new java.io.ByteArrayInputStream(bounce)));
            Path secret = Files.writeString(dir.resolve("imap-password"), "pw-1\n");
            String url = "imap://bounces%40example.org@127.0.0.1:" + server.getImap().getPort() + "/INBOX";

            CliProcess.Run r = bouncelens(null, "imap", "--format", "jsonl", "--imap-secret-file", secret.toString(), url);

            assertThat(r.exit()).as(r.err()).isZero();
            String folder = "imap://bounces@example.org@127.0.0.1:" + server.getImap().getPort() + "/INBOX";
            assertThat(r.jsonLines()).extracting(n -> n.get("file").asText() + " " + n.get("message").asInt() + " "
                            + n.get("recipient").asText() + " " + n.get("reason").asText())
                    .containsExactly(folder + " 1 gone.away@mail.example.org userunknown",
                            folder + " 3 gone.away@mail.example.org userunknown");
            assertThat(r.err()).contains("3 messages read, 2 bounces");
            for (jakarta.mail.internet.MimeMessage m : server.getReceivedMessages()) {
                assertThat(m.getFlags().contains(jakarta.mail.Flags.Flag.SEEN)).isFalse();
            }

            CliProcess.Run none = bouncelens(null, "imap", "--format", "jsonl", "--imap-secret-file", secret.toString(),
                    "--since", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString(), url);
            assertThat(none.exit()).as(none.err()).isZero();
            assertThat(none.out()).isEmpty();
            assertThat(none.err()).contains("0 messages read");

            Files.writeString(secret, "wrong\n");
            CliProcess.Run refused = bouncelens(null, "imap", "--imap-secret-file", secret.toString(), url);
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err().lines().filter(l -> l.startsWith("bouncelens imap: "))).singleElement()
                    .asString().contains("bounces@example.org@127.0.0.1").doesNotContain("wrong");
            CliProcess.Run inUrl = bouncelens(null, "imap", "imaps://bounces:pw@imap.example.org/INBOX");
            assertThat(inUrl.exit()).isEqualTo(2);
            assertThat(inUrl.err().strip()).isEqualTo("bouncelens imap: put the password in $BOUNCELENS_IMAP_PASSWORD, "
                    + "not in the URL, where ps would show it");
        } finally {
            server.stop();
        }
    }

    /** QQ Mail and NetEase name their folders in Chinese: a folder "退信" (bounces) is read by that name. */
    @Test
    void imapReadsAFolderWithAChineseName(@TempDir Path dir) throws Exception {
        com.icegreen.greenmail.util.GreenMail server = startImapServer();
        try {
            server.setUser("bounces@example.org", "bounces@example.org", "pw-1");
            byte[] bounce = userUnknownBounce();
            // the folder made and filled by a mail client, as a user's would be
            java.util.Properties props = new java.util.Properties();
            jakarta.mail.Session session = jakarta.mail.Session.getInstance(props);
            try (jakarta.mail.Store store = session.getStore("imap")) {
                store.connect("127.0.0.1", server.getImap().getPort(), "bounces@example.org", "pw-1");
                jakarta.mail.Folder folder = store.getFolder("退信");
                assertThat(folder.create(jakarta.mail.Folder.HOLDS_MESSAGES)).isTrue();
                folder.appendMessages(new jakarta.mail.Message[]{
                        new jakarta.mail.internet.MimeMessage(session, new java.io.ByteArrayInputStream(bounce))});
            }
            Path secret = Files.writeString(dir.resolve("imap-password"), "pw-1\n");
            String base = "imap://bounces%40example.org@127.0.0.1:" + server.getImap().getPort() + "/";
            for (String url : List.of(base + "%E9%80%80%E4%BF%A1", base + "退信")) {
                CliProcess.Run r = bouncelens(null, "imap", "--format", "jsonl", "--imap-secret-file", secret.toString(), url);
                assertThat(r.exit()).as(url + ": " + r.err()).isZero();
                assertThat(r.jsonLines()).as(url).singleElement().satisfies(n -> {
                    assertThat(n.get("recipient").asText()).isEqualTo("gone.away@mail.example.org");
                    assertThat(n.get("file").asText()).endsWith("/退信");
                });
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void jsonIsOneArrayAndAllShowsNonBouncesWithTheirKind(@TempDir Path dir) throws Exception {
        CliProcess.Run r = bouncelens(null, "diagnose", "--format", "json", "--all", maildir(dir).toString());

        assertThat(r.exit()).isZero();
        JsonNode array = JSON.readTree(r.out());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(3);
        assertThat(array.get(1).get("action").asText()).isEqualTo("not-bounce");
        assertThat(array.get(1).has("reason")).isFalse();
        assertThat(array.get(1).get("subject").asText()).isEqualTo("Lunch?");
    }

    @Test
    void textWithAllSaysWhatANonBounceIsInTheReadersLanguage(@TempDir Path dir) throws Exception {
        Path md = maildir(dir);
        CliProcess.Run en = bouncelens(null, "diagnose", "--all", md.toString());
        CliProcess.Run tw = bouncelens(null, "diagnose", "--all", "--lang", "zh-TW", md.toString());

        assertThat(en.exit()).isZero();
        assertThat(en.out()).contains("#1 · Lunch?\n  not a bounce (not-bounce)\n");
        assertThat(tw.exit()).isZero();
        assertThat(tw.out()).contains("#1 · Lunch?\n  不是退信 (not-bounce)\n").contains("userunknown");
    }

    @Test
    void allNamesAReadReceiptAndAChallengeForWhatTheyAre(@TempDir Path dir) throws Exception {
        Path receipt = dir.resolve("receipt.eml");
        Files.writeString(receipt, "From: Zhao Kai <zhao.kai@receiver.example>\nTo: li.na@sender.example\n"
                + "Subject: Read: Plan\nAuto-Submitted: auto-replied\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=disposition-notification; boundary=\"m\"\n\n"
                + "--m\nContent-Type: text/plain\n\nYour message was displayed.\n\n"
                + "--m\nContent-Type: message/disposition-notification\n\nReporting-UA: receiver.example; Webmail\n"
                + "Final-Recipient: rfc822; zhao.kai@receiver.example\n"
                + "Disposition: manual-action/MDN-sent-manually; displayed\n\n--m--\n");
        Path challenge = dir.resolve("challenge.eml");
        Files.writeString(challenge, "From: Dana <dana-confirm-1760601730.2210.7c1e0a@receiver.example>\n"
                + "To: sales@sender.example\nSubject: Please confirm your message\n"
                + "Auto-Submitted: auto-replied (confirm)\nX-Delivery-Agent: TMDA/1.1.12\n\n"
                + "This message was generated by a challenge-response filter.\n\n"
                + "Your message is being held, because your address is not yet on my list of confirmed\n"
                + "senders. Reply to this message to confirm that you sent it, and it will be delivered.\n");

        CliProcess.Run jsonl = bouncelens(null, "diagnose", "--all", "--format", "jsonl", receipt.toString(), challenge.toString());
        CliProcess.Run en = bouncelens(null, "diagnose", "--all", receipt.toString(), challenge.toString());
        CliProcess.Run cn = bouncelens(null, "diagnose", "--all", "--lang", "zh-CN", receipt.toString());

        assertThat(jsonl.exit()).isZero();
        List<JsonNode> records = jsonl.out().lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
        assertThat(records).extracting(n -> n.get("action").asText()).containsExactly("not-bounce", "not-bounce");
        assertThat(records).extracting(n -> n.get("decodedBy").asText()).containsExactly("read-receipt", "challenge-response");
        assertThat(en.out()).contains("  a read receipt, not a bounce (not-bounce, read-receipt)\n")
                .contains("until the sender confirms; not a bounce (not-bounce, challenge-response)\n");
        assertThat(cn.out()).contains("已读回执，不是退信 (not-bounce, read-receipt)");
        // a message nothing recognised keeps the plain words
        assertThat(bouncelens(null, "diagnose", "--all", maildir(dir).toString()).out()).contains("  not a bounce (not-bounce)\n");
    }

    @Test
    void textIsGroupedPerMessage(@TempDir Path dir) throws Exception {
        Path md = maildir(dir);
        CliProcess.Run r = bouncelens(null, "diagnose", md.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("== " + md.resolve("cur/1.host:2,S") + " #1 · Plans")
                .contains("gone@receiver.example").contains("userunknown")
                .contains("\n  Server said: 550 5.1.1 <gone@receiver.example>: Recipient address rejected: User unknown\n")
                .doesNotContain("Lunch?");
    }

    @Test
    void textQuotesTheServersReplyFromAReportInAnUnknownLayout(@TempDir Path dir) throws Exception {
        // a notice in no format the decoders know: the server's reply stands in the report's sentences
        Path eml = Files.writeString(dir.resolve("notice.eml"), String.join("\n",
                "From: mailer-daemon@sender.example", "To: alice@sender.example", "Subject: Message undeliverable",
                "", "Your message did not reach some or all of the intended recipients.", "",
                "The following recipient(s) could not be reached:", "", "bob@remote.example",
                "   Error Type: SMTP", "   Remote server (198.51.100.7) issued an error.",
                "   Sent: RCPT TO:<bob@remote.example>",
                "   Remote server replied: 550 5.1.1 <bob@remote.example>: Recipient address rejected: User unknown", ""));
        CliProcess.Run r = bouncelens(null, "diagnose", "--lang", "zh-CN", eml.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\n  对方回复: 550 5.1.1 <bob@remote.example>: Recipient address rejected: User unknown\n");

        JsonNode json = bouncelens(null, "diagnose", "--format", "jsonl", eml.toString()).jsonLines().get(0);
        assertThat(json.get("diagnosticCode").asText()).as("the JSON's diagnostic code runs from the line quoting the reply")
                .isEqualTo("Remote server replied: 550 5.1.1 <bob@remote.example>: Recipient address rejected: User unknown");
        assertThat(json.get("command").asText()).as("named by the lines above it").isEqualTo("RCPT");
    }

    @Test
    void textNamesTheProviderInTheReadersLanguageWhileJsonKeepsItsId(@TempDir Path dir) throws Exception {
        Path eml = dir.resolve("qq.eml");
        Files.writeString(eml, bounce("friend@qq.com", "5.0.0", "550 Ip frequency limited"));

        CliProcess.Run traditional = bouncelens(null, "diagnose", "--lang", "zh-TW", eml.toString());
        CliProcess.Run english = bouncelens(null, "diagnose", eml.toString());
        CliProcess.Run json = bouncelens(null, "diagnose", "--format", "jsonl", eml.toString());

        // the name a reader knows, the id scripts match beside it, then the provider's own code
        assertThat(traditional.out()).containsPattern("服務商: 騰訊[^\n]* \\(tencent\\) · 122/172\n");
        assertThat(english.out()).containsPattern("Provider: Tencent[^\n]* \\(tencent\\) · 122/172\n");
        assertThat(json.jsonLines()).singleElement().satisfies(n -> {
            assertThat(n.get("provider").asText()).isEqualTo("tencent");
            assertThat(n.get("providerCode").asText()).isEqualTo("122/172");
        });
    }

    @Test
    void unreadableInputIsOneLineOnStderrExitOneAndTheRunGoesOn(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.eml");
        Files.writeString(good, bounce("gone@receiver.example", "5.1.1", "550 5.1.1 User unknown"));
        Path empty = Files.createFile(dir.resolve("empty.eml"));
        Path junk = dir.resolve("junk.bin");
        byte[] bytes = new byte[4096];
        new java.util.Random(3).nextBytes(bytes);
        Files.write(junk, bytes);

        CliProcess.Run r = bouncelens(null, "diagnose", "--format", "jsonl", dir.resolve("missing.eml").toString(),
                empty.toString(), junk.toString(), good.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.jsonLines()).extracting(n -> n.get("recipient").asText()).containsExactly("gone@receiver.example");
        assertThat(r.err()).contains("missing.eml: no such file or directory")
                .contains("empty.eml: empty file")
                .contains("junk.bin: ")
                .doesNotContain("Exception").doesNotContain("\tat ");
        // the missing and the empty file are errors, not messages; the junk was read (as no bounce)
        assertThat(r.err()).contains("bouncelens: 2 messages read, 1 bounce, 1 record, 1 not-bounce, 3 errors");

        CliProcess.Run all = bouncelens(null, "diagnose", "--all", "--format", "jsonl", dir.resolve("missing.eml").toString(),
                good.toString());
        assertThat(all.jsonLines()).extracting(n -> n.get("file").asText()).containsExactly(good.toString());
        assertThat(all.err()).contains("bouncelens: 1 message read, 1 bounce, 1 record, 1 error");
    }

    @Test
    void usageErrorsExitTwoWithOneLine() throws Exception {
        CliProcess.Run badFormat = bouncelens(null, "diagnose", "--format", "xml", "x.eml");
        CliProcess.Run noPath = bouncelens(null, "diagnose");

        assertThat(badFormat.exit()).isEqualTo(2);
        assertThat(badFormat.err().lines().toList()).hasSize(1);
        assertThat(badFormat.err()).contains("unknown format 'xml'");
        assertThat(noPath.exit()).isEqualTo(2);
    }

    @Test
    void evalScoresTheUsersOwnLabels(@TempDir Path dir) throws Exception {
        Path md = maildir(dir);
        Path labels = dir.resolve("labels.tsv");
        Files.writeString(labels, "file\tindex\trecipient\treason\tstatus\treplycode\thardbounce\n"
                + "cur/1.host:2,S\t1\tgone@receiver.example\tuserunknown\t5.1.1\t550\t1\n"
                + "new/3.host\t1\tfull@receiver.example\tsuspend\t4.2.2\t452\t0\n");

        CliProcess.Run r = bouncelens(null, "eval", labels.toString(), md.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("recipients found: 2/2 (100.0%)")
                .contains("suspend -> mailboxfull")
                .endsWith("reason accuracy: 1/2 (50.0%)\n");
        CliProcess.Run strict = bouncelens(null, "eval", "--min-accuracy", "90", labels.toString(), md.toString());
        assertThat(strict.exit()).isEqualTo(1);
    }

    @Test
    void evalWithCasesScoresReplyLinesAndListsTheOnesItGetsWrong(@TempDir Path dir) throws Exception {
        Path cases = Files.writeString(dir.resolve("my-cases.tsv"), "id\tprobe\treasons\tbounce\tfix_en\n"
                + "gone\t550 5.1.1 <a@example.com>: User unknown\tuserunknown\thard\taddress\n"
                + "full\t552 5.2.2 Mailbox full\tmailboxfull\tsoft\t\n"
                + "wrong\t554 5.7.1 Message rejected as spam\tvirusdetected\teither\t\n");
        CliProcess.Run r = bouncelens(null, "eval", "--cases", cases.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).containsExactly("  wrong: 554 5.7.1 Message rejected as spam: reason spamdetected, want virusdetected",
                "cases right: 2/3 (66.7%)");
        assertThat(bouncelens(null, "eval", "--min-accuracy", "90", "--cases", cases.toString()).exit()).isEqualTo(1);
        CliProcess.Run both = bouncelens(null, "eval", "--cases", cases.toString(), "labels.tsv", "dir");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--cases scores reply lines; it takes no LABELS.tsv or PATH");

        // saved by a spreadsheet on a Chinese Windows: GBK, its Chinese probes read as such
        Path gbk = Files.write(dir.resolve("cases-gbk.tsv"), ("id\tprobe\treasons\tbounce\tfix_en\n"
                + "qq\t550 该用户不存在\tuserunknown\thard\t\n"
                + "full\t550 收件人邮箱已满\tmailboxfull\tsoft\t\n").getBytes("GBK"));
        assertThat(bouncelens(null, "eval", "--cases", gbk.toString()).out().lines()).containsExactly("cases right: 2/2 (100.0%)");
    }

    @Test
    void eventsReadSendingServicesWebhooksFromFilesAndStdin(@TempDir Path dir) throws Exception {
        Path ses = Files.writeString(dir.resolve("ses.jsonl"), String.join("\n",
                "{\"eventType\":\"Bounce\",\"mail\":{\"source\":\"shop@sender.example\",\"destination\":[\"gone@example.net\"]},"
                        + "\"bounce\":{\"bounceType\":\"Permanent\",\"bounceSubType\":\"General\",\"bouncedRecipients\":"
                        + "[{\"emailAddress\":\"gone@example.net\",\"status\":\"5.1.1\",\"diagnosticCode\":\"smtp; 550 5.1.1 User unknown\"}]}}",
                "{\"eventType\":\"Open\",\"mail\":{\"source\":\"shop@sender.example\"},\"open\":{}}", ""));
        Path sendgrid = Files.writeString(dir.resolve("sendgrid.json"), "[{\"email\":\"slow@example.org\",\"event\":\"deferred\","
                + "\"response\":\"451 4.7.1 Greylisted, please try again later\",\"sg_event_id\":\"a\"},"
                + "{\"email\":\"ok@example.org\",\"event\":\"delivered\",\"response\":\"250 OK\",\"sg_event_id\":\"b\"}]");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"email\": ");

        CliProcess.Run r = bouncelens(sendgrid, "events", "--format", "jsonl", ses.toString(), "-", broken.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.jsonLines()).extracting(n -> n.get("file").asText() + "#" + n.get("message").asInt() + " "
                        + n.get("recipient").asText() + " " + n.get("action").asText() + " " + n.get("reason").asText())
                .containsExactly(ses + "#1 gone@example.net failed userunknown", "-#1 slow@example.org delayed blocked");
        assertThat(r.err()).contains(broken + "#1: not valid JSON at line 1")
                .contains("4 events read, 1 failed, 1 deferred, 1 delivered, 1 error").doesNotContain("\tat ");

        CliProcess.Run text = bouncelens(null, "events", "--lang", "zh-CN", ses.toString());
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("== " + ses + " #1").contains("gone@example.net");
    }

    @Test
    void aLogOrJsonGivenToDiagnoseIsNamedWithTheCommandThatReadsIt(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("maillog"), MAIL_LOG);
        Path json = Files.writeString(dir.resolve("hook.txt"), "\n  [{\"email\":\"a@example.net\",\"event\":\"bounce\","
                + "\"sg_event_id\":\"1\"}]");
        Path text = Files.writeString(dir.resolve("notes.txt"), "Just some words.\nNothing else.\n");
        // a tracking log's head reads like header fields ("#Software: ...")
        Path exchange = Files.writeString(dir.resolve("MSGTRK20261206-1.LOG"), String.join("\r\n",
                "#Software: Microsoft Exchange Server", "#Version: 15.02.1544.009",
                "#Fields: date-time,source,event-id,message-id,recipient-address,recipient-status,sender-address",
                "2026-12-06T08:00:03.000Z,SMTP,FAIL,<m1@contoso.example>,gone@example.com,550 5.1.1 unknown,"
                        + "billing@contoso.example", ""));

        CliProcess.Run r = bouncelens(null, "diagnose", log.toString(), json.toString(), text.toString(), exchange.toString());

        assertThat(r.err()).contains(log + ": no header fields: read as the text of a message without them; "
                        + "it looks like a mail server's log: 'bouncelens logs' reads those")
                .contains(json + ": no header fields: read as the text of a message without them; "
                        + "it looks like JSON events of a sending service: 'bouncelens events' reads those")
                .contains(text + ": no header fields: read as the text of a message without them\n")
                .containsPattern(java.util.regex.Pattern.quote(exchange.toString())
                        + ": [^\n]+; it looks like a mail server's log: 'bouncelens logs' reads those");
    }
}
