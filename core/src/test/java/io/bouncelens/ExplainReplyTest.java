package io.bouncelens;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The library call behind {@code bouncelens explain}: any text, any size, any thread. */
class ExplainReplyTest {

    @Test
    void aMegabyteReplyIsAnsweredQuicklyFromItsStart() {
        String huge = "552 5.2.2 Mailbox full " + "a".repeat(1 << 20);
        long start = System.nanoTime();
        BounceRecord r = Bouncelens.explain(huge);
        assertThat(System.nanoTime() - start).isLessThan(3_000_000_000L);
        assertThat(r.reason()).isEqualTo(Reason.MAILBOXFULL);
        assertThat(r.status()).isEqualTo("5.2.2");
    }

    @Test
    void binaryGarbageNullAndEmptyAreUndefinedNotErrors() {
        StringBuilder garbage = new StringBuilder();
        for (int i = 0; i < 70_000; i++) garbage.append((char) ((i * 7919) % 0xD800));
        assertThat(Bouncelens.explain(garbage.toString()).reason()).isNotNull();
        assertThat(Bouncelens.explain(null).reason()).isEqualTo(Reason.UNDEFINED);
        assertThat(Bouncelens.explain("").reason()).isEqualTo(Reason.UNDEFINED);
        assertThat(Bouncelens.explain("\u0000\uFFFD\uD800").reason()).isEqualTo(Reason.UNDEFINED);
    }

    @Test
    void aReplyCopiedFromQmailsLogIsExplainedAsTheReplyItSpells() {
        BounceRecord r = Bouncelens.explain("Remote_host_said:_550_No_such_user/Giving_up_on_192.0.2.1./");
        assertThat(r.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(r.replyCode()).isEqualTo(550);
        assertThat(r.hardBounce()).isTrue();
    }

    @Test
    void concurrentCallsGiveTheSameAnswersAsSequentialOnes() throws Exception {
        List<String> replies = List.of("550 5.1.1 User unknown", "552 5.2.2 Quota exceeded", "554 DT:SPM 163 mx14",
                "the mta server of mx.example.net(192.0.2.1) reply: 550 No such user", "421 4.7.0 try later");
        List<Reason> expected = replies.stream().map(r -> Bouncelens.explain(r).reason()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = IntStream.range(0, 2000).mapToObj(i -> pool.submit(() ->
                    Bouncelens.explain(replies.get(i % replies.size())).reason() == expected.get(i % replies.size())))
                    .toList();
            for (Future<Boolean> f : runs) assertThat(f.get()).isTrue();
        } finally {
            pool.shutdown();
        }
        assertThat(expected).contains(Reason.USERUNKNOWN, Reason.MAILBOXFULL, Reason.SPAMDETECTED);
    }

    @Test
    void aDomainWithNoMailHostIsUnknownThoughTheNoticeSaysItFailedToConnect() {
        // no server was ever reached, so "connect" (read as the stage, as a notice's decoder reads it)
        // is no stage at which a server refused the sending host
        String notice = "Failed to connect to the recipients mail server. No MX records were found for the 'example.org' domain.";
        assertThat(Bouncelens.standard().classifier().classify(
                new io.bouncelens.classify.ReplyEvidence(notice, null, null, null, "CONN", null, true)).reason())
                .isEqualTo(Reason.HOSTUNKNOWN);
        assertThat(Bouncelens.explain(notice).hardBounce()).isTrue();
    }

    @Test
    void anAddressOrDomainUnknownOnlyForNowIsASoftBounceToRetry() {
        BounceRecord verifying = Bouncelens.explain(
                "450 4.1.1 <ann@receiver.example>: Recipient address rejected: unverified address: Address verification in progress");
        assertThat(verifying.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(verifying.hardBounce()).as("a 4xx answer asks to be asked again").isFalse();
        assertThat(verifying.retry()).isEqualTo(Retry.LATER);
        assertThat(verifying.actor()).isEqualTo(Actor.NONE);
        assertThat(verifying.fix()).contains("5xx").doesNotContain("because sending again will bounce");

        BounceRecord dnsFailing = Bouncelens.explain(
                "450 4.1.2 <bob@flaky.example>: Recipient address rejected: Domain not found", Lang.ZH_CN);
        assertThat(dnsFailing.reason()).isEqualTo(Reason.HOSTUNKNOWN);
        assertThat(dnsFailing.hardBounce()).isFalse();
        assertThat(dnsFailing.retry()).isEqualTo(Retry.LATER);
        assertThat(dnsFailing.actor()).isEqualTo(Actor.NETWORK);
        assertThat(dnsFailing.explanation()).contains("暂时");

        // said for good, the same words stay a hard bounce never to retry
        BounceRecord gone = Bouncelens.explain("550 5.1.1 <ann@receiver.example>: Recipient address rejected: User unknown");
        assertThat(gone.hardBounce()).isTrue();
        assertThat(gone.retry()).isEqualTo(Retry.NEVER);
        assertThat(gone.fix()).isNotEqualTo(verifying.fix());
        assertThat(Bouncelens.explain("550 5.1.2 Host unknown").hardBounce()).isTrue();
    }
}
