package io.bouncelens.classify;

import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.Reason;
import io.bouncelens.Retry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled providers' knowledge, seen the way a user sees it through {@link Bouncelens#explain}:
 * provider readings beat generic ones, each provider's code family is recognised with its own
 * code, and Chinese bounce texts are understood in both scripts. The replies here are written for
 * this test (other hosts, IPs, queue ids and wrappings than the knowledge base's own examples),
 * so they check that the entries generalise rather than repeat the examples.
 */
class ProviderKnowledgeTest {

    private static final KnowledgeBase KB = KnowledgeBase.bundled();

    private static BounceRecord explain(String reply) {
        return Bouncelens.explain(reply);
    }

    // ---- provider readings beat generic readings ----------------------------------------------

    @Test
    void microsoftsRecipientNotFoundIsAnUnknownUserWhereTheRegistrySaysNullMx() {
        BounceRecord r = explain("smtp; 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup");
        assertThat(r.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(r.hardBounce()).isTrue();
        assertThat(r.provider()).isEqualTo("microsoft");
        assertThat(r.providerCode()).isEqualTo("5.1.10");
        assertThat(r.status()).isEqualTo("5.1.10");
        // The same code from a server that is not Microsoft keeps its registry meaning.
        assertThat(explain("550 5.1.10 Recipient domain publishes a null MX").reason()).isNotEqualTo(Reason.USERUNKNOWN);
    }

    @Test
    void gmails4728IsARateLimitOnlyWhenGmailSaysIt() {
        BounceRecord r = explain("421-4.7.28 [198.51.100.23      19] Gmail has detected an unusual rate of mail originating "
                + "from your SPF domain [news.example.org]. To protect our users from spam, mail sent from your domain has "
                + "been temporarily rate limited. 421-4.7.28 For more information, go to "
                + "https://support.google.com/mail/?p=UnsolicitedRateLimitError 5a478bee46e88-2a1b3c4d5e6si998877abc.321 - gsmtp");
        assertThat(r.reason()).isEqualTo(Reason.RATELIMITED);
        assertThat(r.provider()).isEqualTo("google");
        assertThat(r.providerCode()).isEqualTo("4.7.28");
        assertThat(r.retry()).isEqualTo(Retry.LATER);

        // Known by its host alone, without Gmail's words in the text.
        Classification byHost = Bouncelens.standard().classifier().classify(
                new ReplyEvidence("421 4.7.28 slow down", null, null, "gmail-smtp-in.l.google.com", "RCPT", null));
        assertThat(byHost.reason()).isEqualTo(Reason.RATELIMITED);
        assertThat(byHost.provider()).isEqualTo("google");

        assertThat(explain("421 4.7.28 mail flood detected from your network").provider()).isNotEqualTo("google");
    }

    @Test
    void gmailsWrappedMultiLineRepliesAreStillRecognised() {
        // Gmail wraps long replies and repeats "550-5.7.1" at the start of every line; the
        // entries match on phrase pieces that survive the wrapping.
        BounceRecord policy = explain("550-5.7.1 The user or domain that you are sending to (or from) has a policy that "
                + "550-5.7.1 prohibited the mail that you sent. Please contact your domain administrator for further "
                + "550 5.7.1 details. a1si99887766qkb.12 - gsmtp");
        assertThat(policy.reason()).isEqualTo(Reason.POLICYVIOLATION);
        assertThat(policy.evidence()).startsWith("google.policy-prohibited");
        BounceRecord security = explain("552-5.7.0 This message was blocked because its content presents a potential "
                + "552-5.7.0 security issue. Please visit https://support.google.com/mail/?p=BlockedMessage to review "
                + "552 5.7.0 our message content and attachment content guidelines. - gsmtp");
        assertThat(security.evidence()).startsWith("google.security-issue");
        BounceRecord direct = explain("550-5.7.1 [198.51.100.14] The IP you're using to send mail is not authorized to "
                + "550-5.7.1 send email directly to our servers. Please use the SMTP relay at your service provider "
                + "550 5.7.1 instead. - gsmtp");
        assertThat(direct.reason()).isEqualTo(Reason.BLOCKED);
        assertThat(direct.provider()).isEqualTo("google");
    }

    @Test
    void neteaseDtSpmIsSpamWhateverTheEnhancedCodeSays() {
        for (String reply : List.of(
                "550 5.1.1 DT:SPM 126 mx33,kMCowAD3XkVwm2hnF1gAAA--.55120S2 1735559000 http://mail.163.com/help/help_spam_16.htm?ip=198.51.100.40&hostid=mx33&time=1735559000",
                "554 5.7.1 DT:SPM 163 smtp2,DsGowABHX7xsm2hnT2cBAA--.4412S2 1735559001",
                "host 163mx01.mxmail.netease.com[220.181.12.11] said: 554 DT:SPM 163 mx16,QsCowAC7HBzqm2hnSq5AAA--.11S2 (in reply to end of DATA command)")) {
            BounceRecord r = explain(reply);
            assertThat(r.reason()).as(reply).isEqualTo(Reason.SPAMDETECTED);
            assertThat(r.hardBounce()).as(reply).isFalse();
            assertThat(r.provider()).as(reply).isEqualTo("netease");
            assertThat(r.providerCode()).as(reply).isEqualTo("DT:SPM");
        }
        // The temporary form asks for a retry; the permanent one for a change first.
        assertThat(explain("451 DT:SPM 163 mx9,Q8CowAB7kTrYm2hnRkUAAA--.771S2 ,please try again").retry()).isEqualTo(Retry.LATER);
        assertThat(explain("554 DT:SPM 163 mx9,Q8CowAB7kTrYm2hnRkUAAA--.771S2").retry()).isEqualTo(Retry.AFTER_FIX);
    }

    @Test
    void qqFrequencyLinkIsARateLimitWithItsHelpId() {
        BounceRecord r = explain("550 Ip frequency limited. https://service.mail.qq.com/detail/122/172");
        assertThat(r.reason()).isEqualTo(Reason.RATELIMITED);
        assertThat(r.provider()).isEqualTo("tencent");
        assertThat(r.providerCode()).isEqualTo("122/172");

        // The older wording, without the new link, is the same code.
        BounceRecord old = explain("550 Ip frequency limited [V2VkIEFwciAgMyAxNjozNjo1OSBKU1QgMjAxOQo=/RkNGMjlFQTVEQ0E Blocked IP 198.51.100.77].");
        assertThat(old.providerCode()).isEqualTo("122/172");
        assertThat(old.reason()).isEqualTo(Reason.RATELIMITED);
    }

    @Test
    void aGenericTextMeansSomethingElseAtTheProviderThatSaysIt() {
        // "mail size limit exceeded" is 263's way of saying the mailbox is over quota.
        Classification at263 = Bouncelens.standard().classifier().classify(
                new ReplyEvidence("552 mail size limit exceeded", null, null, "mx3.263.net", "DATA", null));
        assertThat(at263.reason()).isEqualTo(Reason.MAILBOXFULL);
        assertThat(at263.provider()).isEqualTo("263");
        // Tencent's "Mailbox not found" needs Tencent: elsewhere the generic reading stands.
        assertThat(explain("550 Mailbox not found. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000728").provider())
                .isEqualTo("tencent");
    }

    @Test
    void japaneseCarriersSayUnknownUserWhenTheRecipientsFilterRefusedTheMail() {
        var classifier = Bouncelens.standard().classifier();
        // DOCOMO: the DSN's Status 5.2.0 beside "550 Unknown user" is the reception filter speaking.
        Classification filtered = classifier.classify(new ReplyEvidence("550 Unknown user someone@docomo.ne.jp",
                "5.2.0", 550, "mfsmax.docomo.ne.jp", "RCPT", null));
        assertThat(filtered.reason()).isEqualTo(Reason.FILTERED);
        assertThat(filtered.provider()).isEqualTo("nttdocomo");
        Classification unknown = classifier.classify(new ReplyEvidence("550 Unknown user someone@docomo.ne.jp",
                "5.1.1", 550, "mfsmax.docomo.ne.jp", "RCPT", null));
        assertThat(unknown.reason()).isEqualTo(Reason.USERUNKNOWN);
        // au: an address-less "User unknown" is the filter; with the address it is a real unknown user.
        assertThat(classifier.classify(new ReplyEvidence("550 : User unknown", null, null, "lsean.ezweb.ne.jp", "RCPT", null))
                .reason()).isEqualTo(Reason.FILTERED);
        assertThat(classifier.classify(new ReplyEvidence("550 <someone@ezweb.ne.jp>: User unknown", null, null,
                "lsean.ezweb.ne.jp", "RCPT", null)).reason()).isEqualTo(Reason.USERUNKNOWN);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            535 Incorrect authentication data | mimecast
            550 5.2.0 Message Filtered | messagelabs
            550 Suspected spam | tencent
            552 Message too large | tencent
            550 Mailbox not found | tencent
            550 User not found: someone@example.org | netease
            550 5.7.1 This message is not RFC 5322 compliant | google
            550 5.1.1 User unknown | yahoo
            421 Open relay not allowed | mimecast
            """)
    void aProviderDoesNotClaimWordingThatEveryServerUses(String reply, String provider) {
        assertThat(explain(reply).provider()).as(reply).isNotEqualTo(provider);
    }

    // ---- every provider's code family --------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            421 HL:REP 163 mx44,L8CowACXn3Rgn2hnG7oBAA--.901S2 1735560000 http://mail.163.com/help/help_spam_16.htm?ip=198.51.100.5 | netease | HL:REP | badreputation
            421 4.4.5 HL:ICC 126 mx7,JMCowAD7pHxgn2hnyR0CAA--.3S2 1735560001 | netease | HL:ICC | ratelimited
            550 MI:SPF 163 mx9,C8CowAA7b2Vgn2hnpfIAAA--.6S2 1735560002 | netease | MI:SPF | authfailure
            550 MI:DMA 126 mx1,A8CowAA7b2Vgn2hnpfIAAA--.7S2 1735560003 | netease | MI:DMA | authfailure
            554 5.5.3 RP:TRC 163 mx26,EcCowAB3n2Vgn2hnvqkCAA--.2S2 1735560004 | netease | RP:TRC | ratelimited
            550 RP:FRL 163 mx2,IMCowAD7n2Vgn2hnzLoDAA--.1S2 | netease | RP:FRL | norelaying
            450 DT:RBL 163 mx5,AMCowAC7n2Vgn2hn0r0EAA--.8S2 http://mail.163.com/help/help_spam_16.htm?ip=198.51.100.5 | netease | DT:RBL | blocked
            554 DT:SUM 126 mx12,BMCowAB7n2Vgn2hnAsEFAA--.4S2 | netease | DT:SUM | authfailure
            450 WM:BLU 163 mx8,DMCowAA7n2Vgn2hnBsEGAA--.5S2 | netease | WM:BLU | rejected
            550 Mailbox not found. https://service.mail.qq.com/detail/122/169 | tencent | 122/169 | userunknown
            550 Mail content denied. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000726 | tencent | 122/171 | spamdetected
            550 Connection frequency limited. https://service.mail.qq.com/detail/122/175 | tencent | 122/175 | ratelimited
            550 Mail is rejected by recipients. https://service.mail.qq.com/detail/122/92 | tencent | 122/92 | filtered
            550 Domain frequency limited. https://service.mail.qq.com/detail/122/173 | tencent | 122/173 | ratelimited
            421 4.7.0 [TSS04] Messages from 198.51.100.61 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes | yahoo | TSS04 | badreputation
            554 Message not allowed - [PH01] Email not accepted for policy reasons. Please visit https://postmaster.yahooinc.com/error-codes [120] | yahoo | PH01 | policyviolation
            553 5.7.1 [BL21] Connections will not be accepted from 198.51.100.61, because the ip is in Spamhaus's list; see https://postmaster.yahooinc.com/error-codes | yahoo | BL21 | blocked
            421 4.7.1 : (RTR:RD) https://postmaster.aol.com/error-codes#421rtrrd | yahoo | RTR:RD | requireptr
            554 5.7.1 : (HVU:B1) https://postmaster.aol.com/error-codes#554hvub1 | yahoo | HVU:B1 | spamdetected
            550 5.7.606 Access denied, banned sending IP [198.51.100.90]. To request removal from this list please visit https://sender.office.com/ and follow the directions. AS(1430) [SA2NAM12FT004.eop-nam12.prod.protection.outlook.com] | microsoft | 5.7.606-649 | blocked
            550 5.7.509 Access denied, sending domain [EXAMPLE.ORG] does not pass DMARC verification and has a DMARC policy of reject. [CY4PEPF0000EE3A.namprd03.prod.outlook.com] | microsoft | 5.7.509 | authfailure
            550 5.7.1 Unfortunately, messages from [198.51.100.90] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. [AM2PEPF0001C70A.eurprd05.prod.outlook.com] | microsoft | S3150 | blocked
            451 4.7.500 Server busy. Please try again later from [198.51.100.90]. (AS761) [BL02EPF0001A0FB.namprd09.prod.outlook.com] | microsoft | 4.7.500 | systemerror
            451 4.7.612 Access denied, please try again later. (AS850) [CH2PEPF0000009A.namprd02.prod.outlook.com] | microsoft | 4.7.5xx | blocked
            550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. AS(7232) [MW2NAM12FT077.eop-nam12.prod.protection.outlook.com] | microsoft | 5.7.708 | blocked
            550-5.7.26 Unauthenticated email from example.org is not accepted due to domain's DMARC policy. Please contact the administrator of example.org domain if this was a legitimate mail. - gsmtp | google | 5.7.26 | authfailure
            550-5.7.25 [198.51.100.90] The IP address sending this message does not have a PTR record setup - gsmtp | google | 5.7.25 | requireptr
            421-4.7.29 Your email has been rate limited because this message wasn't sent over a TLS connection. - gsmtp | google | 4.7.29 | failedstarttls
            550-5.7.1 [198.51.100.90 12] Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked. - gsmtp | google | 5.7.1 | spamdetected
            452-4.2.2 The recipient's inbox is out of storage space. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp - gsmtp | google | 4.2.2 | mailboxfull
            561 Honeypot rcptto [@out060104] | aliyun-directmail | 561 | suppressed
            552 Daily sending quota exceeded | aliyun-directmail | 552 | ratelimited
            554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/102322 | apple | CS01 | policyviolation
            550 5.1.6 recipient no longer on server: someone@me.com | apple | 5.1.6 | hasmoved
            554 5.7.7 Email policy violation detected (zoho.eu) | zoho | 5.7.7 | policyviolation
            550 5.7.1 cox.net 198.51.100.3 sender rejected. AUP#IPBL1010 | cox | IPBL | blocked
            421 4.7.0 Too many connections. Please see https://www.spectrum.net/support/internet/understanding-email-error-codes AUP#I-1330 | spectrum | AUP#1300 | ratelimited
            550 5.1.0 Sender address rejected. See https://www.spectrum.net/support/internet/understanding-email-error-codes AUP#O-1020 | spectrum | AUP#1010 | rejected
            550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. LPN416 | orange | 416 | userunknown
            421 mwinf5c40 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_201 [201] | orange | 107 | blocked
            553 Sorry, your domain has been blacklisted. Please visit www.symanteccloud.com/troubleshooting (#5.7.1) | messagelabs | - | rejected
            550 Mailbox is frozen. See http://mail.i.ua/err/3/ | iua | err/3 | suspend
            550 DMARC Sender Invalid - envelope rejected - https://community.mimecast.com/docs/DOC-1369#550 [Ab1Cd2Ef3Gh4.eu203] | mimecast | - | authfailure
            """)
    void eachProviderCodeFamilyIsReadWithItsProviderAndCode(String reply, String provider, String code, String reason) {
        BounceRecord r = explain(reply);
        assertThat(r.reason()).as(reply + " -> " + r.evidence()).isEqualTo(Reason.fromLabel(reason));
        assertThat(r.provider()).as(reply).isEqualTo(provider);
        assertThat(r.providerCode()).as(reply).isEqualTo(code);
        for (Lang lang : Lang.values()) {
            BounceRecord inLang = Bouncelens.explain(reply, lang);
            assertThat(inLang.explanation()).as(lang + " explanation").isNotBlank();
            assertThat(inLang.fix()).as(lang + " fix").isNotBlank();
        }
    }

    // ---- Chinese bounce texts in both scripts ---------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            550 收件人(nobody@example.cn)该用户不存在 | userunknown
            550 收件人(nobody@example.com.tw)該用戶不存在 | userunknown
            552 投递失败：收件人空间不足 | mailboxfull
            552 投遞失敗：收件人空間不足 | mailboxfull
            552 对方邮箱已满，请稍后再试 | mailboxfull
            552 對方信箱已滿，請稍後再試 | mailboxfull
            554 您发送的邮件被判定为垃圾邮件 | spamdetected
            554 您寄送的郵件被判定為垃圾郵件 | spamdetected
            554 发件IP 198.51.100.8 已被列入黑名单 | blocked
            554 寄件IP 198.51.100.8 已被列入黑名單 | blocked
            550 收件人域名不存在 | hostunknown
            550 收件網域不存在 | hostunknown
            552 收件人邮箱空间已满 | mailboxfull
            552 收件者信箱空間已滿 | mailboxfull
            552 附件类型被禁止 | policyviolation
            552 附件類型不允許 | policyviolation
            """)
    void chineseTextsAreUnderstoodInSimplifiedAndTraditional(String reply, String reason) {
        BounceRecord r = explain(reply);
        assertThat(r.reason()).as(reply + " -> " + r.evidence()).isEqualTo(Reason.fromLabel(reason));

        BounceRecord tw = Bouncelens.explain(reply, Lang.ZH_TW);
        String twText = tw.explanation() + tw.fix();
        assertThat(TraditionalChinese.firstSimplified(twText)).as("zh-TW advice is Traditional: " + twText).isEqualTo(-1);
        BounceRecord cn = Bouncelens.explain(reply, Lang.ZH_CN);
        assertThat(TraditionalChinese.hasChinese(cn.explanation() + cn.fix())).isTrue();
    }

    @Test
    void tencentsOwnChineseNoticeIsTencents() {
        BounceRecord r = explain("退信原因：该用户未开通QQ邮箱 (10001@qq.com)");
        assertThat(r.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(r.provider()).isEqualTo("tencent");
    }

    // ---- the wording of the advice -----------------------------------------------------------

    /** Mainland terms written in Traditional characters, and the Taiwan words zh-TW uses instead. */
    private static final List<String> MAINLAND_TERMS = List.of(
            "信息", "默認", "質量", "登錄", "賬號", "設置", "郵箱", "短信", "鏈接", "網絡", "服務器", "數據",
            "端口", "激活", "屏蔽", "文件夾", "軟件", "視頻", "域名", "帳戶名");

    private static final Set<String> OUR_FILES = Set.of("provider/netease.kb", "provider/tencent.kb",
            "provider/microsoft.kb", "provider/google.kb", "provider/yahoo.kb", "provider/aliyun-directmail.kb",
            "provider/263.kb", "provider/apple.kb", "provider/zoho.kb", "provider/mimecast.kb", "provider/messagelabs.kb", "provider/cox.kb", "provider/spectrum.kb",
            "provider/orange.kb", "provider/iua.kb", "provider/nttdocomo.kb", "provider/kddi.kb", "provider/facebook.kb", "provider/t-online.kb",
            "provider/godaddy.kb", "provider/comcast.kb", "provider/vade.kb", "provider/sophos.kb", "provider/trendmicro.kb",
            "provider/mailchannels.kb", "provider/earthlink.kb", "provider/daum.kb", "language/chinese.kb");

    @Test
    void zhTwAdviceUsesTaiwanTermsNotMainlandOnesInTraditionalCharacters() {
        int checked = 0;
        for (KbEntry entry : KB.entries()) {
            if (!OUR_FILES.contains(entry.file())) continue;
            var advice = entry.advice().get(Lang.ZH_TW);
            assertThat(advice).as(entry.id() + " has zh-TW advice").isNotNull();
            String text = advice.explanation() + " " + advice.fix();
            for (String term : MAINLAND_TERMS) {
                assertThat(text).as(entry.id() + " zh-TW uses the Mainland term " + term).doesNotContain(term);
            }
            checked++;
        }
        assertThat(checked).as("provider and language entries checked").isGreaterThan(200);
    }

    @Test
    void everyProviderEntryCarriesItsOwnAdviceAndACodeWhereTheProviderHasOne() {
        for (KbEntry entry : KB.entries()) {
            if (!OUR_FILES.contains(entry.file())) continue;
            assertThat(entry.advice().keySet()).as(entry.id()).containsExactlyInAnyOrder(Lang.values());
            if (entry.file().startsWith("provider/") && entry.match().stream().flatMap(List::stream)
                    .anyMatch(l -> l.startsWith("detail/122/") || l.contains(":") && l.length() <= 7)) {
                assertThat(entry.code()).as(entry.id() + " matches on a provider code, so it reports one").isNotNull();
            }
        }
    }
}
