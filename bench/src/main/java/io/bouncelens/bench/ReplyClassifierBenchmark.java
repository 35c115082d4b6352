package io.bouncelens.bench;

import io.bouncelens.Bouncelens;
import io.bouncelens.classify.ReplyClassifier;
import io.bouncelens.classify.ReplyEvidence;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reply classifier on one thread, over real replies: the seed cases' probes and every distinct
 * Diagnostic-Code of the corpus. Each invocation classifies one reply; the score is replies/s.
 * {@code classify} is the classifier alone (knowledge-base match); {@code explain} is the public
 * {@link Bouncelens#explain(String)}, which adds the advice and builds the record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = LauncherJvm.GC)
public class ReplyClassifierBenchmark {

    private String[] replies;
    private ReplyEvidence[] evidence;
    private ReplyClassifier classifier;
    private int next;

    @Setup(Level.Trial)
    public void loadReplies() {
        SharedCorpus corpus = SharedCorpus.locate();
        List<String> all = new ArrayList<>(corpus.seedProbes());
        all.addAll(corpus.diagnosticCodes("bsd"));
        replies = all.toArray(String[]::new);
        evidence = all.stream().map(ReplyEvidence::ofText).toArray(ReplyEvidence[]::new);
        classifier = Bouncelens.standard().classifier();
        System.out.println("\n# " + replies.length + " replies (seed probes + distinct Diagnostic-Codes of maildir/bsd)");
    }

    private int nextIndex() {
        int i = next;
        next = i + 1 == replies.length ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public Object classify() {
        return classifier.classify(evidence[nextIndex()]);
    }

    @Benchmark
    public Object explain() {
        return Bouncelens.explain(replies[nextIndex()]);
    }
}
