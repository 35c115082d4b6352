package io.bouncelens.decode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class SmtpTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            550 5.1.1 User unknown (in reply to RCPT TO command)              | RCPT
            550 5.7.1 rejected (in reply to end of DATA command)              | DATA
            rcpt to:<a@b.example> refused after data command                  | DATA
            550 sender rejected (in reply to mail from command)               | MAIL
            554 5.7.1 rejected after BDAT command                             | BDAT
            530 Must issue a STARTTLS command first                           | STARTTLS
            501 Invalid EHLO hostname                                          | HELO
            Connection timed out                                              | CONN
            550 5.1.1 User unknown                                            | -
            -                                                                 | -
            """)
    void namesTheCommandAReplyAnswered(String text, String command) {
        assertThat(SmtpText.command(text)).isEqualTo(command);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            host mx.b.example[192.0.2.1] said: 550 No such user                | mx.b.example
            delivery temporarily suspended: host mx.b.example[192.0.2.1] refused | mx.b.example
            connect to mx.b.example.[192.0.2.1]:25: Connection refused         | mx.b.example
            lost connection with mx.b.example[192.0.2.1] while sending RCPT TO | mx.b.example
            conversation with mx.b.example[192.0.2.1] timed out                | mx.b.example
            message size 3000 exceeds size limit 1024 of server mx.b.example[192.0.2.1] | mx.b.example
            550 ghost mx.b.example[192.0.2.1] is no lead                       | -
            554 5.7.1 Client host mta.a.example[192.0.2.2] blocked             | -
            host mx.b.example said: 550 no bracket, no host                    | -
            host localhost[127.0.0.1] said: a name without a dot               | -
            connect to a.example[1]; later host b.example[2] said: no          | a.example
            -                                                                  | -
            """)
    void findsTheHostASentenceNamesBesideItsAddress(String text, String host) {
        assertThat(SmtpText.bracketedHost(text)).isEqualTo(host);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            smtp; 550 5.1.1 <a@b.example>: User unknown                                        | 550 5.1.1 <a@b.example>: User unknown
            a@b.example Error Type: SMTP Remote server replied: 550 5.1.1 No such user          | 550 5.1.1 No such user
            <-- 250 2.1.0 Ok <-- 552 5.2.2 <a@b.example>: Mailbox full                         | 552 5.2.2 <a@b.example>: Mailbox full
            Remote Server returned '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception'        | 554 5.2.2 mailbox full; STOREDRV.Deliver.Exception
            rejected address (550 5.7.1 content (policy) restrictions) and more words           | 550 5.7.1 content (policy) restrictions
            收件人：a@b.example 服务器返回：552 5.2.2 Mailbox quota exceeded                       | 552 5.2.2 Mailbox quota exceeded
            原因：用户不存在（550 User not found）原邮件主题：报告                                   | 550 User not found
            Remote host said: '550 doesn't exist'                                              | 550 doesn't exist
            the server has a limit of 500 recipients per message                               | the server has a limit of 500 recipients per message
            Mailbox full                                                                       | Mailbox full
            -                                                                                  | -
            """)
    void quotesTheServersOwnReplyWithoutTheReportsWordsAroundIt(String text, String reply) {
        assertThat(SmtpText.quotedReply(text)).isEqualTo(reply);
    }

    @Test
    void theFirstFailureInATranscriptIsFoundPastTheAnswersThatSucceeded() {
        String transcript = "Out: 220 mx ESMTP\\nOut: 250 2.1.0 Ok\\nIn: RCPT TO:<a@b.example>\\nOut: 550 5.1.1 User unknown";

        assertThat(SmtpText.firstFailureReplyCode(transcript)).isEqualTo(550);
        assertThat(SmtpText.firstFailureStatus(transcript)).isEqualTo("5.1.1");
        assertThat(SmtpText.firstReplyCode(transcript)).isEqualTo(220);
        assertThat(SmtpText.firstStatus(transcript)).isEqualTo("2.1.0");
    }

    @Test
    void codesInsideWordsOrNumbersAreNotCodes() {
        assertThat(SmtpText.firstFailureReplyCode("id x550 and 4500 and 5.1 and 250")).isNull();
        assertThat(SmtpText.firstFailureStatus("version 15.1.1 and 2.0.0")).isNull();
    }

    @Test
    void aLongRunOfSuccessesIsReadInOnePass() {
        // each 2xx before the failure was once followed by a copy of the rest of the text; now one pass
        String successes = "250 2.0.0 ok ".repeat(40_000) + "451 4.3.0 try later";

        String[] found = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new String[] {
                String.valueOf(SmtpText.firstFailureReplyCode(successes)), SmtpText.firstFailureStatus(successes)});

        assertThat(found).containsExactly("451", "4.3.0");
    }
}
