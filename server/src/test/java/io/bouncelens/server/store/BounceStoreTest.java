package io.bouncelens.server.store;

import io.bouncelens.Actor;
import io.bouncelens.BounceRecord;
import io.bouncelens.Reason;
import io.bouncelens.server.policy.SuppressionPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The store and the suppression policy on a real SQLite file, with records built by hand. */
class BounceStoreTest {

    /** A clock the test moves, so the soft-bounce window can be crossed without waiting days. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-20T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    Path dir;
    Database database;
    BounceStore store;
    MovableClock clock = new MovableClock();

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("bouncelens-store");
        database = Database.embedded(dir);
        store = new BounceStore(database, new SuppressionPolicy(3, Duration.ofDays(7)), clock);
    }

    @AfterEach
    void close() throws Exception {
        database.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static BounceRecord failed(String recipient, Reason reason, Integer replyCode) {
        return BounceRecord.builder().recipient(recipient).action("failed").reason(reason).replyCode(replyCode).build();
    }

    StoreOutcome arrive(BounceRecord... records) {
        return store.store(new IncomingMessage("smtp", "", List.of("bounces@sender.example"),
                "Subject: test\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII)), List.of(records), null);
    }

    @Test
    void aHardBounceSuppressesAtOnceAndNamesTheBounce() {
        StoreOutcome outcome = arrive(failed("Gone@Example.ORG", Reason.USERUNKNOWN, 550));
        assertThat(outcome.suppressed()).containsExactly("gone@example.org");
        Suppression s = store.suppression("gone@example.org").orElseThrow();
        assertThat(s.reason()).isEqualTo("userunknown");
        assertThat(s.source()).isEqualTo("bounce");
        assertThat(s.bounceId()).isEqualTo(outcome.bounceIds().get(0));
        assertThat(s.since()).isEqualTo(clock.millis());
    }

    @Test
    void senderSideReasonsNeverSuppressAndBecomeAlerts() {
        arrive(failed("a@example.org", Reason.BLOCKED, 554));
        arrive(failed("b@example.org", Reason.RATELIMITED, 421));
        arrive(BounceRecord.builder().recipient("c@example.org").action("failed").reason(Reason.UNDEFINED)
                .actor(Actor.SENDER_INFRASTRUCTURE).build());
        assertThat(store.suppressionCount()).isZero();
        List<SenderAlert> alerts = store.senderAlerts(0);
        assertThat(alerts).extracting(SenderAlert::reason).containsExactlyInAnyOrder("blocked", "ratelimited", "undefined");
        assertThat(alerts).allMatch(a -> a.latest().recordJson().contains("\"recipient\""));
    }

    @Test
    void softBouncesSuppressOnlyWhenEnoughFallInsideTheWindow() {
        arrive(failed("full@example.org", Reason.MAILBOXFULL, 452));
        arrive(failed("full@example.org", Reason.MAILBOXFULL, 452));
        clock.now = clock.now.plus(Duration.ofDays(8)); // the first two fall out of the 7-day window
        arrive(failed("full@example.org", Reason.MAILBOXFULL, 452));
        assertThat(store.suppression("full@example.org")).isEmpty();
        arrive(failed("full@example.org", Reason.SYSTEMERROR, 451));
        assertThat(store.suppression("full@example.org")).isEmpty();
        StoreOutcome third = arrive(failed("full@example.org", Reason.MAILBOXFULL, 452));
        assertThat(third.suppressed()).containsExactly("full@example.org");
        Suppression s = store.suppression("full@example.org").orElseThrow();
        assertThat(s.source()).isEqualTo("soft-bounces");
        assertThat(s.note()).contains("3 soft bounces within 7 days");
    }

    @Test
    void delaysDeliveriesAndAutoRepliesChangeNothing() {
        arrive(BounceRecord.builder().recipient("slow@example.org").action("delayed").reason(Reason.EXPIRED).build(),
                BounceRecord.builder().recipient("away@example.org").action("failed").reason(Reason.VACATION).build());
        assertThat(store.suppressionCount()).isZero();
        assertThat(store.bounces(new BounceQuery(null, null, null, null, null, null, 10)).items())
                .extracting(StoredBounce::effect).containsOnly("none");
    }

    @Test
    void aComplaintSuppresses() {
        arrive(BounceRecord.builder().recipient("angry@example.org").action("feedback").reason(Reason.FEEDBACK)
                .feedbackType("abuse").build());
        assertThat(store.suppression("angry@example.org")).get().extracting(Suppression::reason).isEqualTo("feedback");
    }

    @Test
    void replacingRecordsLiftsWhatTheOldOnesCausedButKeepsManualEntries() {
        StoreOutcome first = arrive(failed("x@example.org", Reason.USERUNKNOWN, 550));
        store.addManual("kept@example.org", "asked us");
        assertThat(store.suppression("x@example.org")).isPresent();

        store.replaceRecords(first.messageId(), List.of(failed("x@example.org", Reason.BLOCKED, 554)), null);

        assertThat(store.suppression("x@example.org")).isEmpty();
        assertThat(store.suppression("kept@example.org")).isPresent();
        assertThat(store.bounces(new BounceQuery("x@example.org", null, null, null, null, null, 10)).items())
                .singleElement().extracting(StoredBounce::effect).isEqualTo("sender");
    }

    @Test
    void aManualAddKeepsTheOriginalEntryOfAnAlreadySuppressedAddress() {
        arrive(failed("gone@example.org", Reason.USERUNKNOWN, 550));
        Suppression s = store.addManual("gone@example.org", "again");
        assertThat(s.source()).isEqualTo("bounce");
        assertThat(s.note()).isNull();
    }

    @Test
    void filtersAndPagesStoredRecordsNewestFirst() {
        for (int i = 0; i < 5; i++) arrive(failed("p" + i + "@example.org", Reason.USERUNKNOWN, 550));
        arrive(failed("q@example.org", Reason.MAILBOXFULL, 452));
        Page<StoredBounce> first = store.bounces(new BounceQuery(null, "userunknown", null, null, null, null, 3));
        assertThat(first.items()).hasSize(3);
        assertThat(first.items().get(0).recordJson()).contains("p4@example.org");
        Page<StoredBounce> second = store.bounces(new BounceQuery(null, "userunknown", null, null, null,
                Long.parseLong(first.nextCursor()), 3));
        assertThat(second.items()).hasSize(2);
        assertThat(second.items().get(1).recordJson()).contains("p0@example.org");
        assertThat(store.counts("reason", 0, null, 10)).containsExactly(new Count("userunknown", 5), new Count("mailboxfull", 1));
    }

    @Test
    void recordsAreStoredWithLabelsAsTheApiWritesThem() {
        arrive(BounceRecord.builder().recipient("r@example.org").action("failed").reason(Reason.AUTHFAILURE)
                .actor(Actor.SENDER_INFRASTRUCTURE).retry(io.bouncelens.Retry.AFTER_FIX).build());
        String json = store.bounces(new BounceQuery(null, null, null, null, null, null, 1)).items().get(0).recordJson();
        assertThat(json).contains("\"reason\":\"authfailure\"", "\"actor\":\"sender-infrastructure\"", "\"retry\":\"after-fix\"")
                .doesNotContain("\"explanation\":null");
    }

    @Test
    void pruningTheJournalKeepsEveryChangeAfterSomeNumberAndMarksWhereItCut() {
        store.addManual("first@example.org", null);
        store.addManual("second@example.org", null);
        clock.now = clock.now.plus(Duration.ofDays(40));
        store.remove("first@example.org");
        long cutoff = clock.now.minus(Duration.ofDays(30)).toEpochMilli();
        assertThat(store.suppressionChangesPrunedThrough()).isZero();

        assertThat(store.pruneBefore(cutoff).changes()).isEqualTo(2);
        List<SuppressionChange> left = store.suppressionChanges(0, 10);
        assertThat(left).extracting(c -> c.change() + " " + c.address()).containsExactly("removed first@example.org");
        assertThat(store.suppressionChangesPrunedThrough()).isEqualTo(left.get(0).id() - 1);
        assertThat(store.pruneBefore(cutoff).changes()).isZero(); // nothing older is left
        assertThat(store.suppressionCount()).isEqualTo(1); // the list itself is untouched

        // A change logged later but dated earlier (an addition keeps its suppression's own time)
        // is not taken for an old one: the journal is cut by when changes were written.
        clock.now = clock.now.plus(Duration.ofDays(1));
        store.addManual("third@example.org", null);
        assertThat(store.pruneBefore(cutoff).changes()).isZero();
        assertThat(store.pruneBefore(clock.now.toEpochMilli() + 1).changes()).isEqualTo(2);
        assertThat(store.suppressionChangesPrunedThrough()).isEqualTo(store.lastSuppressionChange());
    }
}
