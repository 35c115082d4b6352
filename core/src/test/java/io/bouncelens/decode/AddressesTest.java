package io.bouncelens.decode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressesTest {

    @Test
    void keepsAQuotedLocalPartWithItsQuotes() {
        assertThat(Addresses.clean("rfc822; \"john..doe\"@receiver.example")).isEqualTo("\"john..doe\"@receiver.example");
        assertThat(Addresses.first("550 5.1.1 <\"a b\"@receiver.example>... User Unknown")).isEqualTo("\"a b\"@receiver.example");
    }

    @Test
    void aQuoteThatOpensNoLocalPartIsNotOne() {
        // the quote closes a display name, the address follows it
        assertThat(Addresses.first("\"Ann\" <ann@receiver.example>")).isEqualTo("ann@receiver.example");
        // an empty quoted string, or one broken by an angle bracket, is no local part
        assertThat(Addresses.first("said \"\"@receiver.example")).isNull();
        assertThat(Addresses.first("<x\"@receiver.example")).isNull();
    }

    @Test
    void leavesOutApostrophesAroundAnAddressAndAnX400Prefix() {
        assertThat(Addresses.first("The message addressed to 'ann@receiver.example', could not")).isEqualTo("ann@receiver.example");
        assertThat(Addresses.first("o'brien@receiver.example")).isEqualTo("o'brien@receiver.example");
        assertThat(Addresses.first("c=US;a= ;p=ACME;dda:SMTP=bob@receiver.example;")).isEqualTo("bob@receiver.example");
    }

    @Test
    void findsPlainAddressesInOrderOnce() {
        assertThat(Addresses.find("to a@x.example, B@y.example and a@x.example", 10))
                .containsExactly("a@x.example", "B@y.example");
    }

    @Test
    void chineseAndJapaneseWordsRunningIntoAnAddressAreNotPartOfIt() {
        assertThat(Addresses.first("无法发送到admin@receiver.example")).isEqualTo("admin@receiver.example");
        assertThat(Addresses.first("邮件发送到admin@receiver.example失败")).isEqualTo("admin@receiver.example");
        assertThat(Addresses.first("宛先kijitora@receiver.example.jpは存在しません")).isEqualTo("kijitora@receiver.example.jp");
        assertThat(Addresses.first("받는사람user@receiver.example")).isEqualTo("user@receiver.example");
        // an address written in those scripts, or with accented Latin letters, stays whole
        assertThat(Addresses.first("收件人 用户@例子.中国 不存在")).isEqualTo("用户@例子.中国");
        assertThat(Addresses.first("发给 用户@公司.cn 的邮件")).isEqualTo("用户@公司.cn");
        assertThat(Addresses.first("to jürgen@bücher.example failed")).isEqualTo("jürgen@bücher.example");
    }

    @Test
    void aTopLevelNameIsLettersOrAnIdnsAsciiForm() {
        assertThat(Addresses.hasNameTopLevel("ana@example.org")).isTrue();
        assertThat(Addresses.hasNameTopLevel("ana@example.xn--fiqs8s")).isTrue();
        assertThat(Addresses.hasNameTopLevel("ana@例子.中国")).isTrue();
        assertThat(Addresses.hasNameTopLevel("root@localhost")).isTrue();
        // a chat link's thread id, a host numbered like a version, an IP address
        assertThat(Addresses.hasNameTopLevel("4f1c2e8a@thread.tacv2")).isFalse();
        assertThat(Addresses.hasNameTopLevel("part1.2@host.x3")).isFalse();
        assertThat(Addresses.hasNameTopLevel("ana@192.0.2.1")).isFalse();
    }
}
