package io.bouncelens.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.locks.LockSupport;

/**
 * Whether a live input (a pipe from {@code tail -F}, a socket) has gone quiet: nothing to read for
 * a while. It looks at {@link InputStream#available()} every half millisecond instead of reading,
 * so it never blocks longer than asked and takes nothing from the input.
 *
 * <p>A pipe is often empty for an instant while its writer catches up ({@code cat} behind a busy
 * reader), so an empty look is not enough: only a whole stretch without a byte counts.
 */
public final class InputQuiet {

    private static final long LOOK_AGAIN_NANOS = 500_000;

    private InputQuiet() {
    }

    /** True when {@code in} had nothing to read for {@code nanos} in a row; false as soon as it has. */
    public static boolean staysQuiet(InputStream in, long nanos) throws IOException {
        if (in.available() > 0) return false;
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < nanos) {
            LockSupport.parkNanos(LOOK_AGAIN_NANOS);
            if (in.available() > 0) return false;
        }
        return true;
    }
}
