package io.bouncelens.server;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Reading a running server's /metrics, and waiting for what a background intake does. */
final class Metrics {

    private Metrics() {
    }

    /** The value of an unlabelled sample. */
    static long value(ApiClient api, String name) {
        for (String line : api.get("/metrics").body().split("\n")) {
            if (line.startsWith(name + " ")) return Math.round(Double.parseDouble(line.substring(name.length() + 1)));
        }
        throw new AssertionError("no metric " + name);
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
