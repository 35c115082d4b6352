package io.bouncelens.decode.vendor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyPartsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            550 5.1.1 <a@b.example>: User unknown                      | 550 | 5.1.1
            host mx.b.example [192.0.2.20]: 554 5.7.0 Header error     | 554 | 5.7.0
            550-5.7.26 Unauthenticated email                           | 550 | 5.7.26
            550: 5.2.2 <a@b.example>... Mailbox Full                   | 550 | 5.2.2
            Sorry, I couldn't find any host named b.example. (#5.1.2)  | -   | 5.1.2
            temporarily deferred - 4.16.55.1; see the error codes      | -   | -
            sent at 2010 from 192.0.2.1 after 24 hours                 | -   | -
            after MAIL FROM:<a@b.example> SIZE=222: host mx [192.0.2.22]: 550 NN | 550 | -
            """)
    void readsCodesThatStandAloneAndNothingElse(String text, Integer reply, String status) {
        ReplyParts parts = ReplyParts.of(text);

        assertThat(parts.replyCode()).isEqualTo(reply);
        assertThat(parts.status()).isEqualTo(status);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            SMTP error from remote mail server after RCPT TO:<a@b.example>: | RCPT
            SMTP error from remote mail server after MAIL FROM:<a@b.example> SIZE=1: | MAIL
            SMTP error from remote mail server after end of data:           | DATA
            SMTP error from remote mail server after initial connection:   | CONN
            after rcpt to:<a@b.example>, in the end of data:                | RCPT
            host said after END OF DATA; RCPT TO was accepted               | DATA
            retry timeout exceeded                                          | -
            """)
    void namesTheSmtpStepAReportDescribes(String text, String command) {
        assertThat(ReplyParts.command(text)).isEqualTo(command);
    }

    @Test
    void aTrailingQmailStyleStatusDoesNotStartTheAnswer() {
        assertThat(ReplyParts.replyStart("Sorry, I couldn't find any host named b.example. (#5.1.2)")).isEqualTo(-1);
        assertThat(ReplyParts.replyStart("host: mx.b.example 5.2.2 <a@b.example>... Mailbox Full")).isEqualTo(19);
    }

    @Test
    void staysLinearOnLongRunsOfDigitsAndDots() {
        String hostile = "2.".repeat(200_000) + "9".repeat(200_000);
        long start = System.nanoTime();
        ReplyParts.of(hostile);
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }
}
