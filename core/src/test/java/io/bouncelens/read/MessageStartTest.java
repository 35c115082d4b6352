package io.bouncelens.read;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MessageStartTest {

    private static boolean message(String head) {
        byte[] b = head.getBytes(StandardCharsets.UTF_8);
        return MessageStart.looksLikeMessage(b, b.length);
    }

    @Test
    void aMessagesOpeningFieldOrAnMboxLineBeforeOneStartsAMessage() {
        assertThat(message("Return-Path: <>\r\nReceived: from x\r\n")).isTrue();
        assertThat(message("Received: from mx.example.org by mx.example.com")).isTrue();
        assertThat(message("X-Failed-Recipients: a@b.example\n")).isTrue();
        assertThat(message("From MAILER-DAEMON Thu Jan  1 00:00:00 2026\r\nFrom: postmaster@example.org\r\n")).isTrue();
        assertThat(message("From MAILER-DAEMON Thu Jan  1 00:00:00 2026\nDelivered-To: a@b.example\n")).isTrue();
    }

    @Test
    void repliesLogLinesAndAReportsOwnFieldsDoNot() {
        assertThat(message("550 5.1.1 <a@b.example>: Recipient address rejected: User unknown\n")).isFalse();
        assertThat(message("Final-Recipient: rfc822; a@b.example\n")).isFalse();
        assertThat(message("Diagnostic-Code: smtp; 550 5.1.1 user unknown\n")).isFalse();
        assertThat(message("Dec  6 10:00:01 mx postfix/smtp[123]: 4AB: to=<a@b.example>, status=bounced\n")).isFalse();
        assertThat(message("From MAILER-DAEMON Thu Jan  1 00:00:00 2026")).as("an mbox line alone").isFalse();
        assertThat(message("From: ")).isTrue();
        assertThat(message("X-: y")).isFalse();
        assertThat(message("")).isFalse();
    }
}
