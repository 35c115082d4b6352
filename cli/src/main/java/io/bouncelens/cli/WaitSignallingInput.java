package io.bouncelens.cli;

import io.bouncelens.read.InputQuiet;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Standard input that says when a read is about to wait: when nothing has come for a moment (a
 * live pipe gone quiet, or the end), it runs {@code beforeWait} before it waits, so what was read
 * so far can be answered and flushed instead of sitting in buffers until the pipe closes.
 *
 * <p>A pipe is often empty for an instant while its writer catches up ({@code cat} behind a busy
 * reader on two cores): taking each such instant for a pause would make the reader wait for its
 * workers again and again (a fifth slower on the benchmark mailbox). So only {@link #QUIET_NANOS}
 * without a byte counts as a pause ({@link InputQuiet}).
 * The readers above take input in large pieces, so this is one {@code available()} per 64 KB.
 */
final class WaitSignallingInput extends FilterInputStream {

    /** How long the input must stay empty before it counts as waiting. */
    static final long QUIET_NANOS = 10_000_000;

    private final Runnable beforeWait;

    WaitSignallingInput(InputStream in, Runnable beforeWait) {
        super(in);
        this.beforeWait = beforeWait;
    }

    @Override
    public int read() throws IOException {
        signalIfWaiting();
        return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len > 0) signalIfWaiting();
        return in.read(b, off, len);
    }

    private void signalIfWaiting() throws IOException {
        if (InputQuiet.staysQuiet(in, QUIET_NANOS)) beforeWait.run();
    }
}
