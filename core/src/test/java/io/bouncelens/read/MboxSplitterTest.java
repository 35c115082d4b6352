package io.bouncelens.read;

import io.bouncelens.decode.LineEndingInputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The splitter reads lines in place from a buffer it refills, grows and compacts; these cases put
 * lines across the refills, beyond the buffer and beyond the line limit.
 */
class MboxSplitterTest {

    @Test
    void linesLongerThanTheReadBufferAndSplitAcrossReadsArriveWhole() {
        String longLine = "x".repeat(200_000);
        String mbox = "From a\nSubject: one\n\n" + longLine + "\n\nFrom b\nSubject: two\n\nbody\n";
        List<InputMessage> messages = split(new TrickleInputStream(bytes(mbox), 7_001), Long.MAX_VALUE);
        assertThat(messages).hasSize(2);
        assertThat(text(messages.get(0))).isEqualTo("Subject: one\n\n" + longLine + "\n");
        assertThat(text(messages.get(1))).isEqualTo("Subject: two\n\nbody\n");
        assertThat(messages).noneMatch(InputMessage::truncated);
    }

    @Test
    void aLineBeyondTheLineLimitIsKeptInPiecesAndMarksTheMessage() {
        String huge = "y".repeat((1 << 20) + 5_000);
        String mbox = "From a\nSubject: one\n\n" + huge + "\n\nFrom b\n\nnext\n";
        List<InputMessage> messages = split(new ByteArrayInputStream(bytes(mbox)), Long.MAX_VALUE);
        assertThat(messages).hasSize(2);
        assertThat(text(messages.get(0))).isEqualTo("Subject: one\n\n" + huge + "\n");
        assertThat(messages.get(0).truncated()).isTrue();
        assertThat(messages.get(1).truncated()).isFalse();
        assertThat(text(messages.get(1))).isEqualTo("\nnext\n");
    }

    @Test
    void theLastLineWithoutALineEndIsKept() {
        List<InputMessage> messages = split(new ByteArrayInputStream(bytes("From a\r\nA: 1\r\n\r\nlast")), 1 << 20);
        assertThat(messages).singleElement().satisfies(m -> assertThat(text(m)).isEqualTo("A: 1\n\nlast"));
    }

    /** CRLF and old Mac mailboxes split as LF ones do, their messages with LF line ends, even when a CRLF is split between reads. */
    @Test
    void crlfAndCrOnlyMailboxesSplitWithLfLineEnds() {
        String lf = "From a\nSubject: one\n\nbody\n>From quoted\n\nFrom b\nSubject: two\n\nend\n";
        for (String ending : List.of("\r\n", "\r")) {
            for (int step : new int[] {1, 2, 3, 1 << 20}) {
                List<InputMessage> messages = split(new TrickleInputStream(bytes(lf.replace("\n", ending)), step), 1 << 20);
                assertThat(messages).as("%s in reads of %d", ending.length() == 2 ? "CRLF" : "CR", step)
                        .extracting(MboxSplitterTest::text)
                        .containsExactly("Subject: one\n\nbody\nFrom quoted\n", "Subject: two\n\nend\n");
                assertThat(messages).allMatch(InputMessage::lfOnly);
            }
        }
    }

    @Test
    void aFromLineInsideAParagraphDoesNotSplitAndQuotedOnesLoseOneMark() {
        String mbox = "From a\n\ntext\nFrom here on\n>From quoted\n>>From twice\n\nFrom b\n\nsecond\n";
        List<InputMessage> messages = split(new TrickleInputStream(bytes(mbox), 3), 1 << 20);
        assertThat(messages).extracting(MboxSplitterTest::text)
                .containsExactly("\ntext\nFrom here on\nFrom quoted\n>From twice\n", "\nsecond\n");
        assertThat(messages).extracting(InputMessage::index).containsExactly(1, 2);
    }

    @Test
    void aMessageOverItsLimitKeepsItsStartAndTheNextOneIsWhole() {
        String mbox = "From a\n\n" + "z".repeat(100) + "\n" + "w".repeat(100) + "\n\nFrom b\n\nok\n";
        List<InputMessage> messages = split(new ByteArrayInputStream(bytes(mbox)), 150);
        assertThat(text(messages.get(0))).isEqualTo("\n" + "z".repeat(100) + "\n");
        assertThat(messages.get(0).truncated()).isTrue();
        assertThat(text(messages.get(1))).isEqualTo("\nok\n");
        assertThat(messages.get(1).truncated()).isFalse();
    }

    /**
     * Random mboxes, read in random pieces, split as the line-by-line splitter split them after a
     * stream had made their line ends LF.
     */
    @Test
    void randomMboxesSplitAsLineByLine() {
        java.util.Random random = new java.util.Random(12);
        String[] lines = {"From a@b Mon Jan 1\n", "From here\n", ">From x\n", ">>From y\n", ">Fro\n", "\n", "\r\n", "\r\n\r\n",
                "Subject: s\n", "body text\r\n", "x".repeat(70_000) + "\n", "no end", "\r", "From\n", " From z\n"};
        for (int round = 0; round < 400; round++) {
            StringBuilder mbox = new StringBuilder(random.nextBoolean() ? "From first\n" : "\nFrom first\n");
            for (int k = random.nextInt(60); k > 0; k--) mbox.append(lines[random.nextInt(lines.length)]);
            byte[] in = bytes(mbox.toString());
            int step = 1 + random.nextInt(random.nextBoolean() ? 20 : 100_000);
            List<InputMessage> expected = new ArrayList<>();
            new LineByLineMboxSplitter(new LineEndingInputStream(new TrickleInputStream(in, step)), "box", Long.MAX_VALUE)
                    .forEachRemaining(expected::add);
            List<InputMessage> got = split(new TrickleInputStream(in, step), Long.MAX_VALUE);
            assertThat(got).as("round %d, step %d", round, step).hasSameSizeAs(expected);
            for (int i = 0; i < got.size(); i++) {
                assertThat(got.get(i).bytes()).as("round %d, message %d", round, i).isEqualTo(expected.get(i).bytes());
                assertThat(got.get(i).truncated()).isEqualTo(expected.get(i).truncated());
                assertThat(got.get(i).index()).isEqualTo(expected.get(i).index());
            }
            // with a limit: each message's longest start of whole lines that fits, marked when shorter
            int max = 1 + random.nextInt(150_000);
            List<InputMessage> capped = split(new TrickleInputStream(in, step), max);
            assertThat(capped).hasSameSizeAs(expected);
            for (int i = 0; i < capped.size(); i++) {
                byte[] whole = expected.get(i).bytes();
                int fits = whole.length;
                if (whole.length > max) {
                    fits = max;
                    while (fits > 0 && whole[fits - 1] != '\n') fits--;
                }
                assertThat(capped.get(i).bytes()).as("round %d, message %d, limit %d", round, i, max)
                        .isEqualTo(java.util.Arrays.copyOf(whole, fits));
                assertThat(capped.get(i).truncated()).isEqualTo(whole.length > max);
            }
        }
    }

    @Test
    void aMessageOverItsLimitKeepsWholeLinesAndNothingAfterTheFirstThatDidNotFit() {
        String mbox = "From a\n\nshort\n" + "w".repeat(100) + "\nok\n\nFrom b\n\nnext\n";
        List<InputMessage> messages = split(new TrickleInputStream(bytes(mbox), 5), 50);
        assertThat(text(messages.get(0))).isEqualTo("\nshort\n");
        assertThat(messages.get(0).truncated()).isTrue();
        assertThat(text(messages.get(1))).isEqualTo("\nnext\n");
    }

    /**
     * A big CRLF message arriving in small reads, as from a pipe: every line end shrinks the
     * message in place, and the buffer must not move the whole message on every read (that was
     * quadratic: over ten seconds here). Nor may a message over its limit be moved on every read while
     * the rest of it is skipped. Linear, both take a fraction of a second.
     */
    @Test
    void aBigCrlfMessageReadInSmallPiecesTakesLinearTime() {
        String line = "x".repeat(78) + "\r\n";
        byte[] mbox = bytes("From a\r\nSubject: big\r\n\r\n" + line.repeat(400_000) + "\r\nFrom b\r\n\r\nnext\r\n");
        List<InputMessage> whole = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> split(new TrickleInputStream(mbox, 1024), Long.MAX_VALUE));
        assertThat(whole).hasSize(2);
        assertThat(whole.get(0).bytes()).hasSize("Subject: big\n\n".length() + 79 * 400_000);
        assertThat(text(whole.get(1))).isEqualTo("\nnext\n");
        List<InputMessage> capped = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> split(new TrickleInputStream(mbox, 1024), 1 << 20));
        assertThat(capped.get(0).truncated()).isTrue();
        assertThat(capped.get(0).bytes().length).isLessThanOrEqualTo(1 << 20).isGreaterThan((1 << 20) - 80);
        assertThat(text(capped.get(1))).isEqualTo("\nnext\n");
    }

    /** What a live pipe ({@code tail -F} on a mailbox) gives: each message as its writer appends it. */
    @Test
    void onALiveInputAMessageEndsWhenTheInputStaysQuietAfterItsBlankLine() throws Exception {
        try (LivePipe pipe = new LivePipe()) {
            MboxSplitter splitter = new MboxSplitter(pipe.in, "-", 1 << 20, 50_000_000);
            pipe.write("From a Mon Jan  1 00:00:00 2024\nSubject: one\n\nbody\n\n");
            InputMessage first = pipe.within(10, splitter::next);
            assertThat(text(first)).isEqualTo("Subject: one\n\nbody\n");

            pipe.write("From b Mon Jan  1 00:01:00 2024\nSubject: two\n\nbody two\n\n");
            InputMessage second = pipe.within(10, splitter::next);
            assertThat(text(second)).isEqualTo("Subject: two\n\nbody two\n");
            assertThat(second.index()).isEqualTo(2);
            pipe.end();
            assertThat(pipe.within(10, splitter::hasNext)).isFalse();
        }
    }

    /** A writer that also puts a blank line before each From line, and one that ends the file with more. */
    @Test
    void blankLinesBetweenAPauseAndTheNextFromLineMakeNoMessage() throws Exception {
        try (LivePipe pipe = new LivePipe()) {
            MboxSplitter splitter = new MboxSplitter(pipe.in, "-", 1 << 20, 50_000_000);
            pipe.write("From a Mon Jan  1 00:00:00 2024\nSubject: one\n\nbody\n\n");
            assertThat(text(pipe.within(10, splitter::next))).isEqualTo("Subject: one\n\nbody\n");
            pipe.write("\n\nFrom b Mon Jan  1 00:01:00 2024\nSubject: two\n\nbody two\n\n");
            InputMessage second = pipe.within(10, splitter::next);
            assertThat(text(second)).isEqualTo("Subject: two\n\nbody two\n");
            assertThat(second.index()).isEqualTo(2);
            pipe.write("\n\n");
            pipe.end();
            assertThat(pipe.within(10, splitter::hasNext)).as("trailing blank lines are no message").isFalse();
        }
    }

    @Test
    void aPauseEndsNoMessageBeforeItsBlankLineNorOnAnInputThatIsNotLive() throws Exception {
        try (LivePipe pipe = new LivePipe()) {
            MboxSplitter live = new MboxSplitter(pipe.in, "-", 1 << 20, 50_000_000);
            pipe.write("From a Mon Jan  1 00:00:00 2024\nSubject: one\n\nbody\n");
            java.util.concurrent.Future<InputMessage> first = pipe.async(live::next);
            Thread.sleep(400);
            assertThat(first).as("no blank line yet: the writer may not be done").isNotDone();
            pipe.write("\nFrom b Mon Jan  1 00:01:00 2024\nSubject: two\n\n");
            assertThat(text(first.get(10, java.util.concurrent.TimeUnit.SECONDS))).isEqualTo("Subject: one\n\nbody\n");
        }
        try (LivePipe pipe = new LivePipe()) {
            MboxSplitter file = new MboxSplitter(pipe.in, "box", 1 << 20);
            pipe.write("From a Mon Jan  1 00:00:00 2024\nSubject: one\n\nbody\n\n");
            java.util.concurrent.Future<InputMessage> first = pipe.async(file::next);
            Thread.sleep(400);
            assertThat(first).as("a file's message ends at the next From line or the end").isNotDone();
            pipe.end();
            assertThat(text(first.get(10, java.util.concurrent.TimeUnit.SECONDS))).isEqualTo("Subject: one\n\nbody\n\n");
        }
    }

    /** A writer that stalls just after a blank line inside a message: what follows is read, as a message of its own. */
    @Test
    void whatFollowsAPauseWithoutAFromLineIsReadNotLost() throws Exception {
        try (LivePipe pipe = new LivePipe()) {
            MboxSplitter splitter = new MboxSplitter(pipe.in, "-", 1 << 20, 50_000_000);
            pipe.write("From a Mon Jan  1 00:00:00 2024\nSubject: one\n\npart one\n\n");
            assertThat(text(pipe.within(10, splitter::next))).isEqualTo("Subject: one\n\npart one\n");
            pipe.write("part two\n");
            pipe.end();
            assertThat(text(pipe.within(10, splitter::next))).isEqualTo("part two\n");
            assertThat(pipe.within(10, splitter::hasNext)).isFalse();
        }
    }

    /** A pipe written by the test, read by the splitter on another thread. */
    private static final class LivePipe implements AutoCloseable {
        final java.io.PipedOutputStream out = new java.io.PipedOutputStream();
        final java.io.PipedInputStream in;
        final java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor();
        private boolean closed;

        LivePipe() throws java.io.IOException {
            in = new java.io.PipedInputStream(out, 1 << 16);
        }

        void write(String s) throws java.io.IOException {
            out.write(bytes(s));
            out.flush();
        }

        <T> java.util.concurrent.Future<T> async(java.util.concurrent.Callable<T> call) {
            return reader.submit(call);
        }

        <T> T within(int seconds, java.util.concurrent.Callable<T> call) throws Exception {
            return async(call).get(seconds, java.util.concurrent.TimeUnit.SECONDS);
        }

        /** The writer closes its end: the reader meets the end of the input. */
        void end() throws java.io.IOException {
            if (!closed) out.close();
            closed = true;
        }

        @Override
        public void close() throws java.io.IOException {
            end();
            reader.shutdownNow();
        }
    }

    private static List<InputMessage> split(InputStream in, long max) {
        List<InputMessage> out = new ArrayList<>();
        new MboxSplitter(in, "box", max).forEachRemaining(out::add);
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(InputMessage m) {
        return new String(m.bytes(), StandardCharsets.UTF_8);
    }

    /** Hands out at most {@code step} bytes per read, as a pipe or a slow disk would. */
    private static final class TrickleInputStream extends ByteArrayInputStream {
        private final int step;

        TrickleInputStream(byte[] bytes, int step) {
            super(bytes);
            this.step = step;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, step));
        }
    }
}
