package io.bouncelens.bench;

import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.MessageDiagnosis;
import io.bouncelens.classify.Classification;
import io.bouncelens.classify.ReplyEvidence;
import io.bouncelens.decode.DecodedReport;
import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.MessageParser;
import io.bouncelens.decode.ReportDecoder;
import io.bouncelens.emit.DiagnosisWriter;
import io.bouncelens.read.InputMessage;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The per-message path on one thread, over the corpus mix held in memory: every message of
 * {@code corpus/emails/maildir} (bounces of many MTAs in LF, CRLF and CR copies, broken ones, and
 * messages that are no bounce). Each invocation handles the next message; the score is messages/s.
 * <ul>
 * <li>{@code decodeClassifyJson}: what {@code diagnose --format jsonl} does per message;</li>
 * <li>{@code decode}: MIME parse and report decoding only (bytes to failed recipients);</li>
 * <li>{@code classify}: each decoded recipient through the classifier and the advice, as
 *     {@code diagnose} does for failures (reports decoded in set-up);</li>
 * <li>{@code json}: writing the finished diagnoses as JSON Lines (diagnosed in set-up).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = LauncherJvm.GC)
public class PipelineBenchmark {

    private static final String[] MIX = {"bsd", "dos", "mac", "err", "not"};

    private Bouncelens bouncelens;
    private MessageParser parser;
    private ReportDecoder decoder;
    private InputMessage[] inputs;
    private DecodedReport[] decoded;
    private MessageDiagnosis[] diagnosed;
    private DiagnosisWriter jsonLines;
    private int next;

    @Setup(Level.Trial)
    public void loadCorpus() {
        bouncelens = Bouncelens.standard();
        parser = new MessageParser(bouncelens.limits());
        decoder = ReportDecoder.standard(bouncelens.limits());
        List<byte[]> messages = SharedCorpus.locate().messages(MIX);
        inputs = new InputMessage[messages.size()];
        decoded = new DecodedReport[messages.size()];
        diagnosed = new MessageDiagnosis[messages.size()];
        long bytes = 0;
        int records = 0;
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = new InputMessage("corpus-" + i + ".eml", 1, messages.get(i), false, null);
            decoded[i] = decoder.decode(parser.parse(new ByteArrayInputStream(messages.get(i))));
            diagnosed[i] = bouncelens.diagnose(inputs[i], Lang.EN);
            bytes += messages.get(i).length;
            records += diagnosed[i].records().size();
        }
        jsonLines = DiagnosisWriter.create(DiagnosisWriter.Format.JSONL, OutputStream.nullOutputStream(), Lang.EN, false);
        System.out.printf("%n# %d messages (%d KB, maildir/%s), %d records%n", inputs.length, bytes >> 10,
                String.join(",", MIX), records);
    }

    @TearDown(Level.Trial)
    public void closeWriter() throws IOException {
        jsonLines.close();
    }

    private int nextIndex() {
        int i = next;
        next = i + 1 == inputs.length ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public void decodeClassifyJson() throws IOException {
        jsonLines.write(bouncelens.diagnose(inputs[nextIndex()], Lang.EN));
    }

    @Benchmark
    public DecodedReport decode() {
        return decoder.decode(parser.parse(new ByteArrayInputStream(inputs[nextIndex()].bytes())));
    }

    @Benchmark
    public void classify(Blackhole sink) {
        for (FailedRecipient r : decoded[nextIndex()].recipients()) {
            ReplyEvidence evidence = new ReplyEvidence(r.diagnosticCode() == null ? "" : r.diagnosticCode(),
                    r.status(), r.replyCode(), r.remoteHost(), r.command(), r.reasonHint(), true);
            Classification verdict = bouncelens.classifier().classify(evidence);
            BounceRecord.Builder record = BounceRecord.builder().recipient(r.recipient());
            sink.consume(bouncelens.describe(verdict, Lang.EN, record).build());
        }
    }

    @Benchmark
    public void json() throws IOException {
        jsonLines.write(diagnosed[nextIndex()]);
    }
}
