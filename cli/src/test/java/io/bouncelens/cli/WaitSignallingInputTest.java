package io.bouncelens.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class WaitSignallingInputTest {

    @Test
    void saysSoOnlyWhenNothingHasComeForAMoment() throws Exception {
        AtomicInteger signals = new AtomicInteger();
        LivePipe pipe = new LivePipe();
        WaitSignallingInput in = new WaitSignallingInput(pipe, signals::incrementAndGet);
        byte[] buf = new byte[100];

        pipe.write("abc".getBytes());
        assertThat(in.read(buf, 0, 100)).isEqualTo(3);
        assertThat(signals).as("bytes were there").hasValue(0);

        // bytes that come within the quiet period are no pause
        Thread late = new Thread(() -> {
            try {
                Thread.sleep(1);
                pipe.write('d');
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        late.start();
        assertThat(in.read()).isEqualTo('d');
        late.join();
        assertThat(signals).hasValue(0);

        // nothing for longer: the signal comes before the read waits, then the read gets what comes
        Thread later = new Thread(() -> {
            try {
                while (signals.get() == 0) Thread.sleep(5);
                pipe.write('e');
                pipe.end();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        later.start();
        assertThat(in.read(buf, 0, 100)).isEqualTo(1);
        assertThat(buf[0]).isEqualTo((byte) 'e');
        assertThat(signals).hasValue(1);
        later.join();
    }

    /** A pipe as standard input is one: what was written is available, a read waits for more. */
    private static final class LivePipe extends InputStream {
        private static final int END = -1;
        private final LinkedBlockingQueue<Integer> bytes = new LinkedBlockingQueue<>();

        void write(byte[] b) {
            for (byte x : b) bytes.add(x & 0xff);
        }

        void write(int b) {
            bytes.add(b & 0xff);
        }

        void end() {
            bytes.add(END);
        }

        @Override
        public int available() {
            return (int) bytes.stream().filter(b -> b != END).count();
        }

        @Override
        public int read() throws java.io.IOException {
            try {
                int b = bytes.take();
                if (b == END) bytes.add(END);
                return b;
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException();
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            int first = read();
            if (first == END) return -1;
            b[off] = (byte) first;
            int n = 1;
            while (n < len && available() > 0) b[off + n++] = (byte) read();
            return n;
        }
    }

    @Test
    void aFileNeverWaits() throws Exception {
        AtomicInteger signals = new AtomicInteger();
        WaitSignallingInput in = new WaitSignallingInput(new ByteArrayInputStream(new byte[100_000]), signals::incrementAndGet);
        byte[] buf = new byte[4096];
        long total = 0;
        for (int n; (n = in.read(buf, 0, buf.length)) > 0; ) {
            total += n;
            if (total == 100_000) break;
        }
        assertThat(total).isEqualTo(100_000);
        assertThat(signals).hasValue(0);
    }
}
