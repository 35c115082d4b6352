package io.bouncelens.cli;

import java.io.Flushable;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Applies a pure function to a sequence of inputs on several threads and hands the results to a
 * sink in input order, so the output of N threads is the output of one. The caller's thread reads
 * the inputs and feeds the sink; the workers only compute. Inputs travel in batches of about
 * {@link #BATCH_BYTES} (a hand-off per message would cost more than a small message's work), and
 * at most two batches per worker, {@link #MAX_BYTES_IN_FLIGHT} in all, wait or run at any time,
 * and once half of that is in flight (one very large message) nothing more is read until it is
 * done: memory stays bounded whatever the length of the input and the size of its messages. With
 * one thread nothing is handed off.
 *
 * <p>Input from a live pipe arrives when it arrives: before the reading thread waits for more
 * (the input's reader calls {@link #inputWaits()}), everything read so far is finished and handed
 * to the sink and the output flushed, so what came in is answered now rather than when the pipe
 * closes or a batch fills.
 */
final class InputOrderPipeline<I, O> {

    /** Receives the results, in input order, on the caller's thread. */
    interface Sink<O> {
        void accept(O result) throws IOException;
    }

    static final long BATCH_BYTES = 256 << 10;
    static final int MAX_BATCH_INPUTS = 256;
    static final long MAX_BYTES_IN_FLIGHT = 32 << 20;

    private final int threads;
    private final Function<I, O> work;
    private final ToLongFunction<I> size;

    // the run's state, on the caller's thread (inputWaits() is called on it too, from inside a read)
    private ExecutorService workers;
    private Sink<O> sink;
    private Flushable output;
    private final Deque<Batch<O>> inFlight = new ArrayDeque<>();
    private long bytesInFlight;
    private List<I> batch = new ArrayList<>();
    private long batchBytes;

    /**
     * @param threads how many threads compute (1: all on the caller's thread)
     * @param work    the function; must be safe to call from several threads at once
     * @param size    an input's size in bytes, to bound batches and memory
     */
    InputOrderPipeline(int threads, Function<I, O> work, ToLongFunction<I> size) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        this.threads = threads;
        this.work = work;
        this.size = size;
    }

    void run(Iterator<I> inputs, Sink<O> sink) throws IOException {
        run(inputs, sink, () -> { });
    }

    /** Runs, with {@code output} flushed whenever the input waits (see {@link #inputWaits()}). */
    void run(Iterator<I> inputs, Sink<O> sink, Flushable output) throws IOException {
        this.sink = sink;
        this.output = output;
        try {
            if (threads == 1) {
                while (inputs.hasNext()) sink.accept(work.apply(inputs.next()));
                return;
            }
            workers = Executors.newFixedThreadPool(threads, task -> {
                Thread t = new Thread(task, "bouncelens-worker");
                t.setDaemon(true); // a failing run must not hang on its workers
                return t;
            });
            while (inputs.hasNext()) {
                // A large message in flight (a hostile 40 MB one, say) is let finish before the
                // next input is even read: reading it would hold both in memory at once.
                while (!inFlight.isEmpty() && bytesInFlight >= MAX_BYTES_IN_FLIGHT / 2) emitOldest();
                while (inputs.hasNext() && batch.size() < MAX_BATCH_INPUTS && batchBytes < BATCH_BYTES) {
                    I input = inputs.next();
                    batch.add(input);
                    batchBytes += size.applyAsLong(input);
                }
                submitBatch();
            }
            while (!inFlight.isEmpty()) emitOldest();
        } catch (OutputFailed e) {
            throw e.getCause();
        } finally {
            if (workers != null) workers.shutdownNow();
        }
    }

    /**
     * The input has nothing more to give right now and its reader is about to wait: finish what
     * was read (the batch being gathered included), hand it to the sink and flush the output.
     * Called on the caller's thread, from inside the input iterator's {@code hasNext()}.
     */
    void inputWaits() {
        try {
            if (workers != null) {
                submitBatch();
                while (!inFlight.isEmpty()) emitOldest();
            }
            if (output != null) output.flush();
        } catch (IOException e) {
            throw new OutputFailed(e); // out through the reader, which must not take it for a read error
        }
    }

    private void submitBatch() throws IOException {
        if (batch.isEmpty()) return;
        List<I> full = batch;
        long bytes = batchBytes;
        batch = new ArrayList<>();
        batchBytes = 0;
        while (!inFlight.isEmpty() && (inFlight.size() >= 2 * threads || bytesInFlight + bytes > MAX_BYTES_IN_FLIGHT)) {
            emitOldest();
        }
        inFlight.addLast(new Batch<>(workers.submit(() -> applyAll(full)), bytes));
        bytesInFlight += bytes;
    }

    private void emitOldest() throws IOException {
        Batch<O> done = inFlight.removeFirst();
        bytesInFlight -= done.bytes();
        for (O result : done.results()) sink.accept(result);
    }

    private List<O> applyAll(List<I> batch) {
        List<O> results = new ArrayList<>(batch.size());
        for (I input : batch) results.add(work.apply(input));
        return results;
    }

    /** Writing the output failed while the input was being read. */
    private static final class OutputFailed extends RuntimeException {
        OutputFailed(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** A batch handed to a worker, and its size in bytes. */
    private record Batch<O>(Future<List<O>> future, long bytes) {
        List<O> results() {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a worker", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) throw r;
                if (cause instanceof Error err) throw err;
                throw new IllegalStateException(cause);
            }
        }
    }
}
