package io.bouncelens;

import io.bouncelens.decode.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record whose report and reply gave no enhanced status carries the pseudo code of its reason
 * (Sisimai's X.0.9nn), says so in its evidence, and keeps any code the server did write.
 */
class PseudoStatusTest {

    @Test
    void aPermanentReplyWithoutStatusCarriesTheReasonsPermanentPseudoCode() {
        BounceRecord r = Bouncelens.explain("550 Mailbox not found");
        assertThat(r.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(r.status()).isEqualTo("5.0.911");
        assertThat(r.hasPseudoStatus()).isTrue();
        assertThat(r.evidence()).endsWith("status 5.0.911: none given, the pseudo code for userunknown");
    }

    @Test
    void aTemporaryReplyCodeOrTextMakesItClassFour() {
        assertThat(Bouncelens.explain("421 Ip frequency limited").status()).isEqualTo("4.0.945");
        assertThat(Bouncelens.explain("Mailbox quota exceeded, temporarily deferred").status())
                .as("no reply code, the text says temporary").isEqualTo("4.0.922");
        assertThat(Bouncelens.explain("Mailbox quota exceeded").status()).isEqualTo("5.0.922");
    }

    @Test
    void reasonsPermanentByNatureHaveNoTransientPseudoCode() {
        BounceRecord r = Bouncelens.explain("450 no such user here");
        assertThat(r.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(r.status()).isEqualTo("5.0.911");
    }

    @Test
    void aCodeTheServerWroteIsKept() {
        BounceRecord r = Bouncelens.explain("550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown");
        assertThat(r.status()).isEqualTo("5.1.1");
        assertThat(r.hasPseudoStatus()).isFalse();
        assertThat(r.evidence()).doesNotContain("pseudo");
    }

    @Test
    void aBounceWithoutStatusGetsOneAndComplaintsAndAutoRepliesDoNot() {
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("plain-no-such-user.eml"))))
                .singleElement().satisfies(r -> {
                    assertThat(r.reason()).isEqualTo(Reason.USERUNKNOWN);
                    assertThat(r.status()).isEqualTo("5.0.911");
                });
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("delay-notice-plain.eml"))))
                .as("a delay report's failure is temporary by what the report is")
                .singleElement().satisfies(r -> {
                    assertThat(r.action()).isEqualTo("delayed");
                    assertThat(r.status()).isEqualTo("4.0.922");
                });
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("arf-abuse.eml"))))
                .singleElement().satisfies(r -> assertThat(r.status()).isNull());
        assertThat(Bouncelens.diagnose(new ByteArrayInputStream(Fixtures.bytes("auto-reply-zh.eml"))))
                .singleElement().satisfies(r -> assertThat(r.status()).isNull());
    }
}
