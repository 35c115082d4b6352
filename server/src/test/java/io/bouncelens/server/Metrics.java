package io.bouncelens.server;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Reading a running server's /metrics, and waiting for what a background intake does. */
final class Metrics {

    private Metrics() {
    }

    /** The value of an unlabelled sample, or the sum of a family's labelled ones (the IMAP ones are per mailbox). */
    static long value(ApiClient api, String name) {
        return samples(api, name).stream().mapToLong(Long::longValue).sum();
    }

    /** The least of a family's samples: for the IMAP gauge, the mailbox read least recently. */
    static long min(ApiClient api, String name) {
        return samples(api, name).stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    /** The sample {@code name{labels}}, as written: {@code value(api, "x", "mailbox=\"...\"")}. */
    static long value(ApiClient api, String name, String labels) {
        String series = name + "{" + labels + "} ";
        for (String line : api.get("/metrics").body().split("\n")) {
            if (line.startsWith(series)) return Math.round(Double.parseDouble(line.substring(series.length())));
        }
        throw new AssertionError("no sample " + series);
    }

    private static java.util.List<Long> samples(ApiClient api, String name) {
        java.util.List<Long> values = new java.util.ArrayList<>();
        for (String line : api.get("/metrics").body().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                values.add(Math.round(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))));
            }
        }
        if (values.isEmpty()) throw new AssertionError("no metric " + name);
        return values;
    }

    static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return;
            Thread.sleep(50);
        }
        throw new AssertionError("not within 20 s");
    }
}
