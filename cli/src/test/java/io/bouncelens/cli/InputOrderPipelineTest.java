package io.bouncelens.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputOrderPipelineTest {

    /** Work whose duration varies, so later inputs often finish before earlier ones. */
    private static String slowSquare(int i) {
        long until = System.nanoTime() + (i % 7) * 20_000L;
        while (System.nanoTime() < until) Thread.onSpinWait();
        return i + "^2=" + (i * i);
    }

    @Test
    void resultsComeInInputOrderWhateverTheThreads() throws Exception {
        List<Integer> inputs = IntStream.range(0, 5_000).boxed().toList();
        List<String> expected = inputs.stream().map(InputOrderPipelineTest::slowSquare).toList();
        for (int threads : new int[] {1, 2, 4}) {
            List<String> got = new ArrayList<>();
            new InputOrderPipeline<Integer, String>(threads, InputOrderPipelineTest::slowSquare, i -> 1_000)
                    .run(inputs.iterator(), got::add);
            assertThat(got).as("%d threads", threads).isEqualTo(expected);
        }
    }

    @Test
    void whenTheInputWaitsEverythingReadSoFarIsWrittenAndFlushed() throws Exception {
        for (int threads : new int[] {1, 2}) {
            List<Integer> written = new ArrayList<>();
            int[] flushedAt = {-1};
            List<String> seenWhenWaiting = new ArrayList<>();
            InputOrderPipeline<Integer, Integer>[] pipeline = new InputOrderPipeline[1];
            // ten small inputs, then a pause (the reader is about to wait), then ten more: the
            // first ten fit in one batch, so without the pause's hand-over none would be out yet
            Iterator<Integer> live = new Iterator<>() {
                int next;

                @Override
                public boolean hasNext() {
                    if (next == 10) {
                        pipeline[0].inputWaits();
                        seenWhenWaiting.add(written + " flushed after " + flushedAt[0]);
                    }
                    return next < 20;
                }

                @Override
                public Integer next() {
                    return next++;
                }
            };
            pipeline[0] = new InputOrderPipeline<>(threads, i -> i * 10, i -> 100);
            pipeline[0].run(live, written::add, () -> flushedAt[0] = written.size());
            assertThat(seenWhenWaiting).as("%d threads", threads)
                    .containsOnly("[0, 10, 20, 30, 40, 50, 60, 70, 80, 90] flushed after 10");
            assertThat(written).as("%d threads", threads).hasSize(20).isSorted();
        }
    }

    @Test
    void readsOnlyABoundedDistanceAheadOfTheOutput() throws Exception {
        AtomicInteger read = new AtomicInteger();
        Iterator<Integer> endless = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return read.get() < 200_000;
            }

            @Override
            public Integer next() {
                return read.getAndIncrement();
            }
        };
        int[] written = {0};
        int[] furthestAhead = {0};
        new InputOrderPipeline<Integer, Integer>(2, i -> i, i -> 4_096).run(endless, i -> {
            assertThat(i).isEqualTo(written[0]);
            written[0]++;
            furthestAhead[0] = Math.max(furthestAhead[0], read.get() - written[0]);
        });
        assertThat(written[0]).isEqualTo(200_000);
        // two batches per worker in flight and one being filled, each at most MAX_BATCH_INPUTS
        assertThat(furthestAhead[0]).isLessThanOrEqualTo(5 * InputOrderPipeline.MAX_BATCH_INPUTS);
    }

    @Test
    void aLargeInputIsFinishedBeforeTheNextOneIsRead() throws Exception {
        // inputs 3 and 7 are "large" (half the bytes allowed in flight): while one is in a worker,
        // nothing after it may be read, so two of them are never in memory together
        long large = InputOrderPipeline.MAX_BYTES_IN_FLIGHT / 2;
        AtomicInteger read = new AtomicInteger();
        AtomicInteger largeRunning = new AtomicInteger(-1);
        List<String> readWhileLargeRan = java.util.Collections.synchronizedList(new ArrayList<>());
        Iterator<Integer> inputs = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return read.get() < 10;
            }

            @Override
            public Integer next() {
                int i = read.getAndIncrement();
                if (largeRunning.get() >= 0) readWhileLargeRan.add(i + " while " + largeRunning.get());
                return i;
            }
        };
        List<Integer> got = new ArrayList<>();
        new InputOrderPipeline<Integer, Integer>(2, i -> {
            if (i == 3 || i == 7) {
                largeRunning.set(i);
                long until = System.nanoTime() + 50_000_000L; // 50 ms: time for the reader to run ahead if it may
                while (System.nanoTime() < until) Thread.onSpinWait();
                largeRunning.set(-1);
            }
            return i;
        }, i -> i == 3 || i == 7 ? large : 100).run(inputs, got::add);
        assertThat(got).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(readWhileLargeRan).isEmpty();
    }

    @Test
    void aFailingWorkerFailsTheRunWithItsOwnException() {
        InputOrderPipeline<Integer, Integer> pipeline = new InputOrderPipeline<>(2, i -> {
            if (i == 777) throw new IllegalArgumentException("bad input 777");
            return i;
        }, i -> 10);
        assertThatThrownBy(() -> pipeline.run(IntStream.range(0, 2_000).iterator(), i -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bad input 777");
    }
}
