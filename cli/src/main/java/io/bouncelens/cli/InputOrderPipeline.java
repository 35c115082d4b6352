package io.bouncelens.cli;

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
        if (threads == 1) {
            while (inputs.hasNext()) sink.accept(work.apply(inputs.next()));
            return;
        }
        ExecutorService workers = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "bouncelens-worker");
            t.setDaemon(true); // a failing run must not hang on its workers
            return t;
        });
        try {
            Deque<Batch<O>> inFlight = new ArrayDeque<>();
            long bytesInFlight = 0;
            while (inputs.hasNext()) {
                // A large message in flight (a hostile 40 MB one, say) is let finish before the
                // next input is even read: reading it would hold both in memory at once.
                while (!inFlight.isEmpty() && bytesInFlight >= MAX_BYTES_IN_FLIGHT / 2) {
                    Batch<O> done = inFlight.removeFirst();
                    bytesInFlight -= done.bytes();
                    emit(done, sink);
                }
                List<I> batch = new ArrayList<>();
                long bytes = 0;
                while (inputs.hasNext() && batch.size() < MAX_BATCH_INPUTS && bytes < BATCH_BYTES) {
                    I input = inputs.next();
                    batch.add(input);
                    bytes += size.applyAsLong(input);
                }
                while (!inFlight.isEmpty()
                        && (inFlight.size() >= 2 * threads || bytesInFlight + bytes > MAX_BYTES_IN_FLIGHT)) {
                    Batch<O> done = inFlight.removeFirst();
                    bytesInFlight -= done.bytes();
                    emit(done, sink);
                }
                inFlight.addLast(new Batch<>(workers.submit(() -> applyAll(batch)), bytes));
                bytesInFlight += bytes;
            }
            while (!inFlight.isEmpty()) emit(inFlight.removeFirst(), sink);
        } finally {
            workers.shutdownNow();
        }
    }

    private List<O> applyAll(List<I> batch) {
        List<O> results = new ArrayList<>(batch.size());
        for (I input : batch) results.add(work.apply(input));
        return results;
    }

    private static <O> void emit(Batch<O> batch, Sink<O> sink) throws IOException {
        for (O result : batch.results()) sink.accept(result);
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
