package io.bouncelens.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The JMH benchmarks' operations, scored per second of this thread's CPU time instead of wall
 * time. On a machine shared with other work, JMH's wall-clock scores fall with the load (the
 * thread waits for a core); CPU time measures the work itself. Not a substitute for JMH on a quiet
 * machine, a complement on a busy one: {@code scripts/bench-cpu.sh}.
 */
public final class CpuTimeThroughput {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** One operation of a benchmark; returns something so the JIT cannot drop it. */
    private interface Operation {
        Object run() throws IOException;
    }

    private static String only = "";

    /** {@code [SECONDS [NAME-PART]]}: seconds per round (2), and only the benchmarks whose name contains NAME-PART. */
    public static void main(String[] args) throws IOException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
        only = args.length > 1 ? args[1] : "";
        PipelineBenchmark pipeline = new PipelineBenchmark();
        pipeline.loadCorpus();
        ReplyClassifierBenchmark replies = new ReplyClassifierBenchmark();
        replies.loadReplies();
        org.openjdk.jmh.infra.Blackhole sink = new org.openjdk.jmh.infra.Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        report("PipelineBenchmark.decodeClassifyJson", seconds, () -> {
            pipeline.decodeClassifyJson();
            return null;
        });
        report("PipelineBenchmark.decode", seconds, pipeline::decode);
        report("PipelineBenchmark.classify", seconds, () -> {
            pipeline.classify(sink);
            return null;
        });
        report("PipelineBenchmark.json", seconds, () -> {
            pipeline.json();
            return null;
        });
        report("ReplyClassifierBenchmark.classify", seconds, replies::classify);
        report("ReplyClassifierBenchmark.explain", seconds, replies::explain);
        pipeline.closeWriter();
    }

    /** Warms up for 4 rounds, then prints the median and range of 5 rounds of {@code seconds} CPU time each. */
    private static void report(String name, double seconds, Operation op) throws IOException {
        if (!name.contains(only)) return;
        List<Double> scores = new ArrayList<>();
        for (int round = 0; round < 9; round++) {
            long budget = (long) (seconds * 1e9);
            long start = THREADS.getCurrentThreadCpuTime();
            long used;
            long ops = 0;
            int hash = 0;
            do {
                for (int i = 0; i < 64; i++) {
                    Object result = op.run();
                    hash += result == null ? 0 : 1;
                }
                ops += 64;
                used = THREADS.getCurrentThreadCpuTime() - start;
            } while (used < budget);
            if (round >= 4) scores.add(ops / (used / 1e9));
            if (hash == 42) System.out.print("");
        }
        Collections.sort(scores);
        System.out.printf(Locale.ROOT, "%-40s %,12.0f ops per CPU-second (5 rounds: %,.0f .. %,.0f)%n", name,
                scores.get(2), scores.get(0), scores.get(4));
    }
}
