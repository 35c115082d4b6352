package io.bouncelens.classify;

import io.bouncelens.Reason;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verdict rules of docs/knowledge-base.md, on a small knowledge base written here. */
class KnowledgeBaseClassifierTest {

    private static final String ADVICE = """
            [advice.userunknown]
            reason: userunknown
            actor: recipient-address
            retry: never
            en.explanation: gone
            en.fix: check
            """;

    private static KnowledgeBaseClassifier classifier(String... pathsAndTexts) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) files.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
        files.put("advice/reasons.kb", ADVICE);
        return new KnowledgeBaseClassifier(KnowledgeBase.compile(files));
    }

    private static final String PROVIDER = """
            [provider]
            id: acme
            hosts: acme.example
            detect: acme mx

            [acme.spam]
            code: AC:SPM
            match: AC:SPM
            reason: spamdetected

            [acme.quota]
            when: provider
            status: 4.7.28
            reason: ratelimited
            """;
    private static final String REASONS = """
            [text.unknown]
            match: user unknown
            reason: userunknown

            [text.rejected]
            match: rejected
            tier: weak
            reason: rejected

            [text.both]
            match: mailbox && full
            reason: mailboxfull

            [text.gated]
            match: blocked
            pattern: blocked using [a-z]+\\.example
            reason: blocked
            """;
    private static final String STATUS = """
            [s.511]
            status: 5.1.1
            reason: userunknown
            [s.571]
            status: 5.7.1
            tier: generic
            reason: policyviolation
            [s.4728]
            status: X.7.28
            reason: spamdetected
            [r.5xx]
            reply: 5xx
            reason: undefined
            """;

    @Test
    void aReplyCodeOfItsOwnSaysMoreThanAReportsPlaceholderStatus() {
        KnowledgeBaseClassifier c = classifier("status/codes.kb", """
                [s.x00]
                status: X.0.0
                tier: generic
                reason: onhold
                [r.451]
                reply: 451
                reason: systemerror
                [r.4xx]
                reply: 4xx
                reason: undefined
                """);

        assertThat(c.classify(new ReplyEvidence("451 Could not load the domain", "4.0.0", 451, null, null, null)).reason())
                .isEqualTo(Reason.SYSTEMERROR);
        assertThat(c.classify(new ReplyEvidence("450 Temporary failure", "4.0.0", 450, null, null, null)).reason())
                .isEqualTo(Reason.ONHOLD);
        assertThat(c.classify(new ReplyEvidence("no reply code", "5.0.0", null, null, null, null)).reason())
                .isEqualTo(Reason.ONHOLD);
    }

    @Test
    void providerBeatsTextBeatsStatusBeatsWeakBeatsGenericBeatsReply() {
        KnowledgeBaseClassifier c = classifier("provider/acme.kb", PROVIDER, "reason/x.kb", REASONS, "status/s.kb", STATUS);
        assertThat(c.classify(ReplyEvidence.ofText("554 5.1.1 user unknown AC:SPM")).entryId()).isEqualTo("acme.spam");
        assertThat(c.classify(ReplyEvidence.ofText("554 5.1.1 user unknown")).entryId()).isEqualTo("text.unknown");
        assertThat(c.classify(ReplyEvidence.ofText("550 5.1.1 rejected")).entryId()).isEqualTo("s.511");
        assertThat(c.classify(ReplyEvidence.ofText("550 5.7.1 rejected")).entryId()).isEqualTo("text.rejected");
        assertThat(c.classify(ReplyEvidence.ofText("550 5.7.1 go away")).entryId()).isEqualTo("s.571");
        assertThat(c.classify(ReplyEvidence.ofText("550 go away")).entryId()).isEqualTo("r.5xx");
        assertThat(c.classify(ReplyEvidence.ofText("hello")).reason()).isEqualTo(Reason.UNDEFINED);
    }

    @Test
    void whenProviderEntriesNeedTheProviderDetectedByTextOrHost() {
        KnowledgeBaseClassifier c = classifier("provider/acme.kb", PROVIDER, "status/s.kb", STATUS);
        assertThat(c.classify(ReplyEvidence.ofText("421 4.7.28 slow down")).entryId()).isEqualTo("s.4728");
        Classification byText = c.classify(ReplyEvidence.ofText("421 4.7.28 slow down (acme mx)"));
        assertThat(byText.entryId()).isEqualTo("acme.quota");
        assertThat(byText.provider()).isEqualTo("acme");
        Classification byHost = c.classify(new ReplyEvidence("421 4.7.28 slow down", null, null, "mx2.acme.example", null, null));
        assertThat(byHost.entryId()).isEqualTo("acme.quota");
        assertThat(c.classify(ReplyEvidence.ofText("554 AC:SPM")).providerCode()).isEqualTo("AC:SPM");
    }

    /** A host is the provider's when it is one of its domains or under one, in any case, with or without a final dot. */
    @Test
    void aProviderOwnsItsDomainsAndTheHostsUnderThemOnly() {
        String twoDomains = PROVIDER.replace("hosts: acme.example", "hosts: acme.example mail.other.test");
        KnowledgeBaseClassifier c = classifier("provider/acme.kb", twoDomains, "status/s.kb", STATUS);
        for (String host : List.of("acme.example", "mx2.acme.example", "A.B.ACME.Example.", "mail.other.test", "x.mail.other.test")) {
            assertThat(c.classify(new ReplyEvidence("421 4.7.28 slow down", null, null, host, null, null)).provider())
                    .as(host).isEqualTo("acme");
        }
        for (String host : List.of("notacme.example", "acme.example.net", "other.test", "xmail.other.test", "example", "",
                "acme..example", ".")) {
            assertThat(c.classify(new ReplyEvidence("421 4.7.28 slow down", null, null, host, null, null)).provider())
                    .as(host).isNull();
        }
    }

    @Test
    void conjunctionsPatternsAndStructuredFieldsCount() {
        KnowledgeBaseClassifier c = classifier("reason/x.kb", REASONS, "status/s.kb", STATUS);
        assertThat(c.classify(ReplyEvidence.ofText("552 mailbox is full")).entryId()).isEqualTo("text.both");
        assertThat(c.classify(ReplyEvidence.ofText("552 mailbox")).entryId()).isEqualTo("r.5xx");
        assertThat(c.classify(ReplyEvidence.ofText("blocked using rbl.example")).entryId()).isEqualTo("text.gated");
        assertThat(c.classify(ReplyEvidence.ofText("blocked by policy")).entryId()).isNull();
        Classification structured = c.classify(new ReplyEvidence("go away", "5.1.1", 550, null, null, null));
        assertThat(structured.entryId()).isEqualTo("s.511");
        assertThat(structured.status()).isEqualTo("5.1.1");
        assertThat(structured.replyCode()).isEqualTo(550);
    }

    @Test
    void userUnknownAnsweredToDataIsAFilterAndAnExpiryHintBeatsSymptoms() {
        KnowledgeBaseClassifier c = classifier("reason/x.kb", REASONS, "status/s.kb", STATUS);
        assertThat(c.classify(ReplyEvidence.ofText("550 user unknown (in reply to end of DATA command)")).reason())
                .isEqualTo(Reason.FILTERED);
        assertThat(c.classify(new ReplyEvidence("550 user unknown", null, null, null, "DATA", null)).reason())
                .isEqualTo(Reason.FILTERED);
        assertThat(c.classify(new ReplyEvidence("550 go away", null, null, null, null, Reason.EXPIRED)).reason())
                .isEqualTo(Reason.EXPIRED);
        assertThat(c.classify(new ReplyEvidence("550 user unknown", null, null, null, null, Reason.EXPIRED)).reason())
                .isEqualTo(Reason.USERUNKNOWN);
        assertThat(c.classify(new ReplyEvidence("el grupo quizás no exista: user unknown", null, null, null, null,
                Reason.REJECTED, true)).reason())
                .as("a list's notice refusing the poster is its own verdict").isEqualTo(Reason.REJECTED);
    }

    @Test
    void aUserUnknownAReportQuotesWithoutItsStageIsAFilterUnlessSomethingSaysTheAddressIsMissing() {
        KnowledgeBaseClassifier c = classifier("reason/x.kb", REASONS, "status/s.kb", STATUS);
        assertThat(c.classify(new ReplyEvidence("550 user unknown", null, null, null, null, null, true)).reason())
                .as("a report that does not say RCPT TO was answered").isEqualTo(Reason.FILTERED);
        assertThat(c.classify(ReplyEvidence.ofText("550 user unknown")).reason())
                .as("a reply on its own (explain) is read as it says").isEqualTo(Reason.USERUNKNOWN);
        assertThat(c.classify(new ReplyEvidence("550 user unknown", null, null, null, "RCPT", null, true)).reason())
                .isEqualTo(Reason.USERUNKNOWN);
        assertThat(c.classify(new ReplyEvidence("550 user unknown", "5.1.1", null, null, null, null, true)).reason())
                .as("an address status says the mailbox is missing").isEqualTo(Reason.USERUNKNOWN);
        assertThat(c.classify(new ReplyEvidence("550 5.1.0 user unknown", "5.0.0", null, null, null, null, true)).reason())
                .isEqualTo(Reason.USERUNKNOWN);
        assertThat(c.classify(new ReplyEvidence("550 user unknown", "5.2.1", null, null, null, null, true)).reason())
                .isEqualTo(Reason.FILTERED);
        assertThat(c.classify(new ReplyEvidence("user unknown", null, null, null, null, Reason.USERUNKNOWN, true)).reason())
                .as("the report's format states it (the server's own directory)").isEqualTo(Reason.USERUNKNOWN);
    }

    @Test
    void theSmtpStageSaysWhoseAddressWasRefused() {
        KnowledgeBaseClassifier c = classifier("reason/x.kb", REASONS, "status/s.kb", STATUS);
        assertThat(c.classify(new ReplyEvidence("550 user unknown", null, null, null, "MAIL", null)).reason())
                .isEqualTo(Reason.REJECTED);
        assertThat(c.classify(new ReplyEvidence("550 go away", null, null, null, "EHLO", null)).reason())
                .isEqualTo(Reason.BLOCKED);
        assertThat(c.classify(new ReplyEvidence("550 user unknown", null, null, null, "RCPT", null)).reason())
                .isEqualTo(Reason.USERUNKNOWN);
        assertThat(c.classify(new ReplyEvidence("550 5.1.1 user unknown", null, null, null, "DATA", null)).reason())
                .as("a 5.1.1 keeps the mailbox missing even after DATA").isEqualTo(Reason.USERUNKNOWN);
    }

    @Test
    void aVerdictReadAgainFromItsStageSaysWhyInTheEvidence() {
        KnowledgeBaseClassifier c = classifier("reason/x.kb", REASONS, "status/s.kb", STATUS);
        // the entry that matched says "user unknown"; the evidence must not leave the reason shown unexplained
        assertThat(c.classify(new ReplyEvidence("550 user unknown", null, null, null, "DATA", null)).evidence())
                .endsWith("said after DATA, so a filter's answer, not a missing mailbox");
        assertThat(c.classify(new ReplyEvidence("550 user unknown", null, null, null, null, null, true)).evidence())
                .contains("read as a filter's answer");
        assertThat(c.classify(new ReplyEvidence("550 user unknown", null, null, null, "MAIL", null)).evidence())
                .endsWith("said to MAIL FROM, so about the sender");
        assertThat(c.classify(new ReplyEvidence("550 go away", null, null, null, "EHLO", null)).evidence())
                .endsWith("said to EHLO, so the sending host was refused");
        assertThat(c.classify(new ReplyEvidence("550 user unknown", null, null, null, "RCPT", null)).evidence())
                .doesNotContain("said");
    }

    @Test
    void aMissingUserUnderASendersAddressStatusIsTheSenderRefused() {
        KnowledgeBaseClassifier c = classifier("reason/x.kb", REASONS, "status/s.kb", STATUS);
        // RFC 3463's X.1.7 and X.1.8 are about the sender's address: "no such user" there names the sender
        Classification sender = c.classify(new ReplyEvidence("550 5.1.8 user unknown: sender@example.com", null, null, null, null, null));
        assertThat(sender.reason()).isEqualTo(Reason.REJECTED);
        assertThat(sender.evidence()).endsWith("status 5.1.8 is about the sender's address");
        assertThat(c.classify(new ReplyEvidence("553 5.1.7 user unknown", null, null, null, null, null)).reason())
                .isEqualTo(Reason.REJECTED);
        KnowledgeBaseClassifier withSyntax = classifier("reason/x.kb", REASONS + """

                [text.syntax]
                match: syntax error
                reason: syntaxerror
                """, "status/s.kb", STATUS);
        assertThat(withSyntax.classify(new ReplyEvidence("553 5.1.7 syntax error in the address", null, null, null, null, null))
                .reason()).as("the sender's address syntax").isEqualTo(Reason.REJECTED);
        assertThat(withSyntax.classify(new ReplyEvidence("501 5.5.2 syntax error in parameters", null, null, null, null, null))
                .reason()).isEqualTo(Reason.SYNTAXERROR);
        // the recipient's own address statuses keep the mailbox missing
        assertThat(c.classify(new ReplyEvidence("550 5.1.1 user unknown: nobody@example.net", null, null, null, null, null)).reason())
                .isEqualTo(Reason.USERUNKNOWN);
    }

    @Test
    void aProtocolStatusGivenAtTheGreetingIsARefusalOfTheHostNotASyntaxError() {
        KnowledgeBaseClassifier c = classifier("status/s.kb", """
                [proto.x50]
                status: X.5.0
                reason: syntaxerror
                """);
        assertThat(c.classify(new ReplyEvidence("554 IP=192.0.2.1 - A problem occurred.", "5.5.0", null, null, "CONN", null))
                .reason()).isEqualTo(Reason.BLOCKED);
        assertThat(c.classify(new ReplyEvidence("554 A problem occurred.", "5.5.0", null, null, "RCPT", null)).reason())
                .isEqualTo(Reason.SYNTAXERROR);
    }

    @Test
    void aBareRefusalOfTheSenderIsARejectionButAMissingAuthenticationStaysASecurityError() {
        KnowledgeBaseClassifier c = classifier("reason/x.kb", """
                [sec.denied]
                match: access denied
                tier: weak
                reason: securityerror
                [sec.auth]
                match: unauthenticated senders not allowed
                reason: securityerror
                """);
        assertThat(c.classify(new ReplyEvidence("550 5.7.1 <a@b.example>... Access denied", null, null, null, "MAIL", null))
                .reason()).isEqualTo(Reason.REJECTED);
        assertThat(c.classify(new ReplyEvidence("550 Unauthenticated senders not allowed", null, null, null, "MAIL", null))
                .reason()).isEqualTo(Reason.SECURITYERROR);
        assertThat(c.classify(new ReplyEvidence("550 5.7.1 Access denied", null, null, null, "RCPT", null)).reason())
                .isEqualTo(Reason.SECURITYERROR);
    }

    @Test
    void aPlaceholderStatusGivesWayToTheServersOwnAndSuccessStepsAreSkipped() {
        KnowledgeBaseClassifier c = classifier("status/s.kb", STATUS);
        Classification placeholder = c.classify(new ReplyEvidence("550 5.1.1 go away", "5.0.0", null, null, null, null));
        assertThat(placeholder.status()).isEqualTo("5.1.1");
        assertThat(placeholder.entryId()).isEqualTo("s.511");
        Classification expiry = c.classify(new ReplyEvidence("450 4.7.28 slow down", "4.4.7", null, null, null, null));
        assertThat(expiry.status()).as("the remote's code, not the reporter's expiry").isEqualTo("4.7.28");
        assertThat(expiry.entryId()).isEqualTo("s.4728");
        assertThat(c.classify(new ReplyEvidence("550 5.1.1 go away", "4.4.7", null, null, null, null)).status())
                .as("another class when the reply code is of that class").isEqualTo("5.1.1");
        assertThat(c.classify(new ReplyEvidence("5.1.1 go away", "4.4.7", null, null, null, null)).status())
                .as("else only a code of the same class").isEqualTo("4.4.7");
        Classification transcript = c.classify(ReplyEvidence.ofText("Out: 250 2.1.5 Ok In: DATA Out: 550 5.1.1 gone"));
        assertThat(transcript.status()).isEqualTo("5.1.1");
    }

    @Test
    void anExpiryTextBeatsTheLastAttemptsSymptom() {
        String texts = """
                [t.timeout]
                match: connection timed out
                reason: networkerror
                [t.expired]
                match: message expired
                reason: expired
                """;
        KnowledgeBaseClassifier c = classifier("reason/t.kb", texts);
        assertThat(c.classify(ReplyEvidence.ofText("554 4.4.7 Message expired: <421 4.4.2 Connection timed out>")).reason())
                .isEqualTo(Reason.EXPIRED);
        assertThat(c.classify(ReplyEvidence.ofText("Connection timed out")).reason()).isEqualTo(Reason.NETWORKERROR);
    }

    @Test
    void aReasonsPseudoStatusTakesItsClassFromTheRecordUnlessWrittenOut() {
        KnowledgeBase kb = KnowledgeBase.compile(Map.of("advice/reasons.kb", """
                [advice.mailboxfull]
                reason: mailboxfull
                pseudo-status: X.0.922

                [advice.userunknown]
                reason: userunknown
                pseudo-status: 5.0.911
                """));
        ReasonDefault full = kb.reasonDefault(Reason.MAILBOXFULL);
        assertThat(full.pseudoStatusFor(true)).isEqualTo("4.0.922");
        assertThat(full.pseudoStatusFor(false)).isEqualTo("5.0.922");
        assertThat(kb.reasonDefault(Reason.USERUNKNOWN).pseudoStatusFor(true)).isEqualTo("5.0.911");
        assertThatThrownBy(() -> KnowledgeBase.compile(Map.of("advice/reasons.kb",
                "[advice.userunknown]\nreason: userunknown\npseudo-status: 5.1.1\n")))
                .isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("pseudo-status '5.1.1'");
    }

    @Test
    void aReasonsTemporaryStanzaSpeaksForA4xxAnswerOnly() {
        String defaults = """
                [advice.userunknown]
                reason: userunknown
                retry: never
                en.fix: remove it

                [advice.userunknown.temporary]
                reason: userunknown
                when: temporary
                retry: later
                en.fix: wait
                """;
        KnowledgeBase kb = KnowledgeBase.compile(new java.util.LinkedHashMap<>(Map.of("advice/reasons.kb", defaults,
                "reason/u.kb", "[u]\nmatch: user unknown\nreason: userunknown\nretry: never\nen.fix: drop it\n")));
        KnowledgeBaseClassifier c = new KnowledgeBaseClassifier(kb);
        io.bouncelens.advise.KnowledgeBaseAdviceBook advice = new io.bouncelens.advise.KnowledgeBaseAdviceBook(kb);

        Classification forNow = c.classify(ReplyEvidence.ofText("450 4.1.1 User unknown"));
        assertThat(forNow.retry()).isEqualTo(io.bouncelens.Retry.LATER);
        assertThat(advice.adviceFor(forNow, io.bouncelens.Lang.EN).fix()).isEqualTo("wait");
        Classification forGood = c.classify(ReplyEvidence.ofText("550 5.1.1 User unknown"));
        assertThat(forGood.retry()).isEqualTo(io.bouncelens.Retry.NEVER);
        assertThat(advice.adviceFor(forGood, io.bouncelens.Lang.EN).fix()).isEqualTo("drop it");

        assertThatThrownBy(() -> KnowledgeBase.compile(Map.of("advice/reasons.kb",
                "[t]\nreason: userunknown\nwhen: temporary\nen.fix: wait\n")))
                .isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("after the reason's own stanza");
        assertThatThrownBy(() -> KnowledgeBase.compile(Map.of("advice/reasons.kb",
                "[a]\nreason: userunknown\n\n[t]\nreason: userunknown\nwhen: sometimes\n")))
                .isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("only 'when: temporary'");
    }

    @Test
    void badKnowledgeIsReportedWithFileAndLine() {
        assertThatThrownBy(() -> classifier("reason/x.kb", "[a]\nmatch: x\nreason: nonsense\n"))
                .isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("reason/x.kb:1").hasMessageContaining("nonsense");
        assertThatThrownBy(() -> classifier("reason/x.kb", "[a]\nmatch: x\nreason: blocked\nmatchh: y\n"))
                .hasMessageContaining("unknown key 'matchh'");
        assertThatThrownBy(() -> classifier("reason/x.kb", "[a]\nmatch: x\nreason: blocked\n[a]\nmatch: y\nreason: blocked\n"))
                .hasMessageContaining("id used twice");
        assertThatThrownBy(() -> classifier("reason/x.kb", "[a]\nreason: blocked\n"))
                .hasMessageContaining("needs match, status or reply");
        // a provider's name in another language is zh-CN.name / zh-TW.name; English is plain name:
        assertThatThrownBy(() -> classifier("provider/p.kb", "[provider]\nid: p\nname: P Mail\nen.name: P\n"))
                .hasMessageContaining("unknown key 'en.name'");
        assertThatThrownBy(() -> classifier("provider/p.kb", "[provider]\nid: p\nname: P Mail\nzh-HK.name: P\n"))
                .hasMessageContaining("unknown key 'zh-HK.name'");
    }
}
