package io.bouncelens.classify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyReaderTest {

    @Test
    void readsReplyCodeAndEnhancedStatusInTheirUsualSpellings() {
        assertThat(codes("550-5.7.1 [192.0.2.1] Our system has detected")).isEqualTo("550 5.7.1");
        assertThat(codes("552 5.2.2 Quota exceeded")).isEqualTo("552 5.2.2");
        assertThat(codes("553 sorry, invalid address (#5.5.0)")).isEqualTo("553 5.5.0");
        assertThat(codes("550 #5.1.0 Address rejected.")).isEqualTo("550 5.1.0");
        assertThat(codes("Sorry, I couldn't find any host named example.invalid. (#5.1.2)")).isEqualTo("null 5.1.2");
        assertThat(codes("smtp; 550 5.1.1 <a@example.org>... User Unknown")).isEqualTo("550 5.1.1");
        assertThat(codes("5.1.0 - Unknown address error 550-'5.2.2 <a@example.jp>... Mailbox Full'")).isEqualTo("550 5.2.2");
    }

    @Test
    void ipAddressesVersionsAndShortNumbersAreNotCodes() {
        assertThat(codes("Connection timed out while connecting to mx.example.net[198.51.100.9]:25")).isEqualTo("null null");
        assertThat(codes("421 4.7.0 [TSS04] Messages from 192.0.2.192 deferred - 4.16.55.1; see")).isEqualTo("421 4.7.0");
        assertThat(codes("57 This email is rejected")).isEqualTo("null null");
        assertThat(codes("5500 something 5.1.1a")).isEqualTo("null null");
    }

    @Test
    void aStatusWithoutAReplyCodeIsTheFirstFailureAfterAnyDotsOfAddressesAndAcceptedSteps() {
        assertThat(codes("Mail from 192.0.2.4 v2.5.1 accepted 2.1.0 ok, then refused: 5.7.26 unauthenticated")).isEqualTo("null 5.7.26");
        assertThat(codes("delivered... 2.0.0 ok")).isEqualTo("null 2.0.0");
        assertThat(codes("v1.2 ... (4.4.1)")).isEqualTo("null 4.4.1");
    }

    @Test
    void unwrapsTheRelayWrapperAndReportsTheRemoteHost() {
        ReadReply r = ReplyReader.read("the mta server of mx1.example.net(198.51.100.20) reply: 550 5.1.1 <a@example.net>: User unknown");
        assertThat(r.remoteHost()).isEqualTo("mx1.example.net");
        assertThat(r.replyCode()).isEqualTo(550);
        assertThat(r.status()).hasToString("5.1.1");
        assertThat(r.text()).startsWith("550 5.1.1");
    }

    @Test
    void readsPostfixHostSaidAndTheCommand() {
        ReadReply r = ReplyReader.read("host mx.example.org[192.0.2.1] said: 550 5.1.1 <a@example.org>: Recipient address "
                + "rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)");
        assertThat(r.remoteHost()).isEqualTo("mx.example.org");
        assertThat(r.replyCode()).isEqualTo(550);
        assertThat(r.status()).hasToString("5.1.1");
        assertThat(r.command()).isEqualTo("RCPT");
    }

    @Test
    void aQmailLogResultWithUnderscoresForBlanksIsReadAsTheReplyItSpells() {
        ReadReply r = ReplyReader.read("192.0.2.1_does_not_like_recipient./Remote_host_said:_550_5.1.1_<a@example.org>:"
                + "_Recipient_address_rejected:_User_unknown/Giving_up_on_192.0.2.1./");
        assertThat(r.replyCode()).isEqualTo(550);
        assertThat(r.status()).hasToString("5.1.1");
        assertThat(r.text()).contains("Recipient address rejected: User unknown");
        assertThat(codes("Remote_host_said:_552_sorry,_mailbox_full")).isEqualTo("552 null");
    }

    @Test
    void underscoresInAnOrdinaryReplyOrASingleNameStay() {
        assertThat(ReplyReader.read("550 unknown user some_local_part@example.org").text())
                .isEqualTo("550 unknown user some_local_part@example.org");
        assertThat(ReplyReader.read("RESOLVER.ADR.Recip_NotFound").text()).isEqualTo("RESOLVER.ADR.Recip_NotFound");
        assertThat(ReplyReader.read("PREVIOUSLY_UNSUBSCRIBED_PORTAL").text()).isEqualTo("PREVIOUSLY_UNSUBSCRIBED_PORTAL");
    }

    @Test
    void javaMailsExceptionMessageInFrontOfTheReplyIsLeftOut() {
        ReadReply r = ReplyReader.read("javax.mail.SendFailedException: Invalid Addresses; nested exception is: "
                + "com.sun.mail.smtp.SMTPAddressFailedException: 452 4.2.2 <a@example.org>: Mailbox full");
        assertThat(r.text()).isEqualTo("452 4.2.2 <a@example.org>: Mailbox full");
        assertThat(r.replyCode()).isEqualTo(452);
        assertThat(ReplyReader.read("'Invalid Addresses' (3x caused by later): 554 5.7.1 Client host rejected").text())
                .isEqualTo("554 5.7.1 Client host rejected");
        // Without a reply behind it, the words are all there is to read.
        assertThat(ReplyReader.read("SendFailedException: Invalid Addresses").text())
                .isEqualTo("SendFailedException: Invalid Addresses");
        assertThat(ReplyReader.read("550 invalid addresses in the To: header").text())
                .isEqualTo("550 invalid addresses in the To: header");
    }

    private static String codes(String text) {
        ReadReply r = ReplyReader.read(text);
        return r.replyCode() + " " + r.status();
    }
}
