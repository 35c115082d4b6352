package io.bouncelens.fuzz;

import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.classify.KbEntry;
import io.bouncelens.classify.KnowledgeBase;
import io.bouncelens.classify.MatchingEngineProbe;
import io.bouncelens.classify.ReplyEvidence;
import io.bouncelens.decode.DeliveryStatus;
import io.bouncelens.decode.DeliveryStatusReader;
import io.bouncelens.decode.Header;
import io.bouncelens.decode.HeaderBlock;
import io.bouncelens.decode.Headers;
import io.bouncelens.decode.Limits;
import io.bouncelens.decode.ParsedMessage;
import io.bouncelens.decode.log.LogReader;
import io.bouncelens.decode.vendor.VendorFormat;
import io.bouncelens.decode.vendor.VendorFormats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Shows that every matcher run on outside text takes time linear in its input: each
 * knowledge-base entry and each format decoder is fed adversarial strings (long runs of what its
 * literals and patterns repeat, near-misses of its markers) of 10 KiB and 1 MiB, and the growth of
 * the time is printed as a Markdown table for docs/security.md.
 *
 * <p>Growth is {@code (t(1 MiB) / t(10 KiB)) / 102.4}: about 1 for linear time (less when a cap
 * stops the work early or fixed costs dominate the small input), about 100 for quadratic. A run
 * over 30 s is reported as a hang. Not a unit test: timings need a quiet machine.
 *
 * <pre>./mvnw -q -B package -pl fuzz -am -DskipTests
 * java -cp 'fuzz/target/classes:fuzz/target/lib/*' io.bouncelens.fuzz.LinearTimeBenchmark [kb|vendor|dsn|message|log ...]</pre>
 */
public final class LinearTimeBenchmark {

    static final int SMALL = 10 * 1024;
    static final int LARGE = 1024 * 1024;
    static final double SIZE_RATIO = (double) LARGE / SMALL;
    /** Growth above this is not linear (quadratic would be about 100). */
    static final double SUPERLINEAR = 4.0;
    private static final long HANG_SECONDS = 30;

    /** One adversarial input family: a name and a way to build it at a given size. */
    record Case(String component, String input, java.util.function.IntFunction<String> make,
                Consumer<String> work) {
    }

    /** What one case measured. */
    record Result(Case c, double smallMicros, double largeMicros, boolean hung) {
        double growth() {
            return hung ? Double.POSITIVE_INFINITY : (largeMicros / smallMicros) / SIZE_RATIO;
        }
    }

    private ExecutorService worker = newWorker();
    private final List<String> hung = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        LinearTimeBenchmark bench = new LinearTimeBenchmark();
        long started = System.nanoTime();
        List<Case> cases = new ArrayList<>();
        cases.addAll(knowledgeBaseCases());
        cases.addAll(vendorCases());
        cases.addAll(dsnCases());
        cases.addAll(messageCases());
        cases.addAll(logCases());
        if (args.length > 0) { // e.g. "vendor" or "kb": only the components whose name starts so
            cases = cases.stream().filter(c -> java.util.Arrays.stream(args).anyMatch(c.component()::startsWith)).toList();
        }
        List<Result> results = new ArrayList<>();
        System.err.println(cases.size() + " cases");
        for (Case c : cases) {
            results.add(bench.measure(c));
            if (results.size() % 100 == 0) System.err.println(results.size() + " measured");
        }
        bench.worker.shutdownNow();
        printReport(results);
        System.out.printf(Locale.ROOT, "%nMeasured in %d s.%n", (System.nanoTime() - started) / 1_000_000_000L);
        System.exit(results.stream().anyMatch(r -> r.growth() > SUPERLINEAR) ? 1 : 0);
    }

    // ---- the cases ----

    static List<Case> knowledgeBaseCases() {
        KnowledgeBase kb = KnowledgeBase.bundled();
        MatchingEngineProbe engine = new MatchingEngineProbe(kb);
        List<Case> cases = new ArrayList<>();
        for (KbEntry entry : kb.entries()) {
            Set<String> runs = new LinkedHashSet<>();
            int literals = 0;
            for (List<String> all : entry.match()) {
                for (String literal : all) {
                    if (literals++ >= 1 || literal.isEmpty()) continue; // one automaton serves all: the first literal stands for the entry
                    runs.add(literal.length() > 1 ? literal.substring(0, literal.length() - 1) : literal); // near miss
                    runs.add(literal.substring(0, 1));
                }
            }
            String prefix = entry.match().isEmpty() || entry.match().get(0).isEmpty() ? "" : String.join(" ", entry.match().get(0)) + " ";
            if (entry.pattern() != null) {
                for (char c : repeatedCharacters(entry.pattern().pattern())) runs.add(prefix + c);
            }
            if (runs.isEmpty()) runs.add("5.5.5 550 "); // code-only entries: runs of what the code reader scans
            for (String run : runs) {
                String component = "kb " + entry.id();
                Consumer<String> work = entry.pattern() == null ? engine::foldAndScan : text -> {
                    engine.foldAndScan(text);
                    engine.readReply(text);
                    entry.pattern().matcher(engine.fold(text)).find();
                };
                if (entry.pattern() == null) work = work.andThen(engine::readReply);
                String base = run.startsWith(prefix) && !prefix.isEmpty() ? prefix : "";
                String unit = base.isEmpty() ? run : run.substring(base.length());
                cases.add(new Case(component, describe(base, unit), size -> base + repeat(unit, size - base.length()), work));
            }
        }
        // The public path, cap included: the whole classifier on the worst-looking run of each kind.
        for (String unit : List.of("a", " ", "5.", "550 ", "the mta server of ", "said:", "5.1.1 ")) {
            cases.add(new Case("classifier (public, 64 KiB cap)", describe("", unit), size -> repeat(unit, size),
                    text -> Bouncelens.standard().classifier().classify(ReplyEvidence.ofText(text))));
        }
        return cases;
    }

    /** The characters a pattern repeats: those under {@code * + {n,}} and a sample of classes. */
    static Set<Character> repeatedCharacters(String pattern) {
        Set<Character> out = new LinkedHashSet<>();
        for (int i = 1; i < pattern.length(); i++) {
            char q = pattern.charAt(i);
            if (q != '*' && q != '+' && q != '{') continue;
            char atom = pattern.charAt(i - 1);
            if (atom == ']') out.addAll(List.of('a', '0', ' ', '.', '-'));
            else if (atom == 's' && i >= 2 && pattern.charAt(i - 2) == '\\') out.add(' ');
            else if (atom == 'd' && i >= 2 && pattern.charAt(i - 2) == '\\') out.add('5');
            else if (atom == 'w' && i >= 2 && pattern.charAt(i - 2) == '\\') out.add('a');
            else if (atom == '.') out.addAll(List.of('a', ' '));
            else if (atom == ')') out.addAll(List.of('a', ' ', '5'));
            else out.add(atom);
        }
        if (out.isEmpty()) out.add('a');
        return out;
    }

    static List<Case> vendorCases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (VendorFormat format : VendorFormats.all()) {
            List<String> markers = markersOf(format);
            String preamble = String.join("\n", markers) + "\n";
            Headers headers = new Headers(List.of(
                    new Header("From", "Mail Delivery System <MAILER-DAEMON@mx.example.net> " + String.join(" ", markers)),
                    new Header("Subject", "Undelivered Mail Returned to Sender " + String.join(" ", markers)),
                    new Header("X-Failed-Recipients", "a@example.org")));
            boolean recognised = format.recognises(message(headers, preamble));
            Set<String> units = new LinkedHashSet<>();
            for (String m : markers.subList(0, Math.min(markers.size(), 8))) units.add(m + "\n");
            units.addAll(List.of("\n", " ", "<", "@", ":", "-", "a@b.c ", "550 5.1.1 ", "  a@example.org\n"));
            for (String unit : units) {
                String component = "vendor " + format.name() + (recognised ? "" : " (not recognised)");
                cases.add(new Case(component, describe("markers + ", unit), size -> preamble + repeat(unit, size - preamble.length()),
                        text -> {
                            ParsedMessage m = message(headers, text);
                            format.recognises(m);
                            format.read(m);
                        }));
            }
        }
        return cases;
    }

    /** The string literals in a format's class: its markers and phrases. */
    static List<String> markersOf(VendorFormat format) throws IOException {
        String resource = format.getClass().getName().replace('.', '/') + ".class";
        try (InputStream in = format.getClass().getClassLoader().getResourceAsStream(resource)) {
            if (in == null) return List.of();
            List<String> out = new ArrayList<>();
            for (String s : ClassFileReferences.read(in.readAllBytes()).literals()) {
                if (s.length() >= 3 && s.length() <= 120 && s.indexOf('\u0001') < 0) out.add(s);
            }
            return out;
        }
    }

    private static ParsedMessage message(Headers headers, String text) {
        return new ParsedMessage(headers, "text/plain", text, null, null, null, List.of("text/plain"), false, List.of());
    }

    static List<Case> dsnCases() {
        List<Case> cases = new ArrayList<>();
        Consumer<String> dsn = text -> {
            List<Headers> groups = HeaderBlock.groups(text, 1_000, 100_001);
            if (!groups.isEmpty()) {
                DeliveryStatusReader.read(new DeliveryStatus(groups.get(0), groups.subList(1, groups.size()), false));
            }
        };
        String head = "Reporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550";
        for (String unit : List.of(" x", "\n x", ";", "<", "@", "5.", ":", "\n")) {
            cases.add(new Case("dsn fields (one long field)", describe("a group + ", unit),
                    size -> head + repeat(unit, size - head.length()), dsn));
        }
        String group = "\n\nFinal-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1";
        cases.add(new Case("dsn fields (many groups)", describe("", group), size -> "Reporting-MTA: dns; x" + repeat(group, size - 21), dsn));
        return cases;
    }

    static List<Case> messageCases() {
        Limits roomy = Limits.DEFAULT.withMaxTextBytesPerPart(4 << 20).withMaxRecipients(1_000_000);
        Bouncelens lens = Bouncelens.standard().withLimits(roomy);
        Consumer<String> diagnose = text -> lens.diagnoseMessage(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Lang.EN, null, 1);
        String top = "From: MAILER-DAEMON@mx.example.net\r\nSubject: Undelivered Mail Returned to Sender\r\n";
        String report = top + "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\n";
        String dsnPart = top + "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; x\r\n";
        List<Case> cases = new ArrayList<>();
        cases.add(messageCase("message: plain-text bounce body", top + "\r\n", "<a@example.org>: 550 5.1.1 user unknown\r\n", diagnose));
        cases.add(messageCase("message: plain-text bounce body", top + "\r\n", "a@", diagnose));
        cases.add(messageCase("message: plain-text bounce body", top + "\r\n", "5.", diagnose));
        cases.add(messageCase("message: report text part", report, "said: ", diagnose));
        cases.add(messageCase("message: report text part", report, "\r\n", diagnose));
        cases.add(messageCase("message: delivery-status part", dsnPart, "\r\nFinal-Recipient: rfc822; a@example.org\r\nStatus: 5.1.1\r\n", diagnose));
        cases.add(messageCase("message: folded header", top + "X-Long: a", "\r\n a", diagnose));
        cases.add(messageCase("message: encoded words", top.replace("Subject: ", "Subject: "), "=?utf-8?q?a?= ", diagnose));
        cases.add(messageCase("message: encoded words", top, "=?", diagnose));
        cases.add(messageCase("message: html part", top + "Content-Type: text/html\r\n\r\n", "<", diagnose));
        cases.add(messageCase("message: html part", top + "Content-Type: text/html\r\n\r\n", "<b>&amp;", diagnose));
        cases.add(messageCase("message: boundaries", report, "--b\r\n\r\n", diagnose));
        cases.add(messageCase("message: quoted-printable", top + "Content-Transfer-Encoding: quoted-printable\r\n\r\n", "=\r\n", diagnose));
        cases.add(messageCase("message: base64 attachment", report + "x\r\n--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n", "QUFB", diagnose));
        return cases;
    }

    /** One line of a mail server's log, as long as the input: the readers' fields and the text they hand on. */
    static List<Case> logCases() {
        Consumer<String> explain = text -> Bouncelens.standard().explainLogLine(text, Lang.EN, "mail.log", 1);
        List<Case> cases = new ArrayList<>();
        addLogCases(cases, "log postfix", "a delivery line's start + ",
                "Dec  6 10:00:00 mx postfix/smtp[1]: 4A: to=<a@b.example>, relay=mx.b.example[192.0.2.1]:25, ",
                "dsn=5.1.1, status=bounced (550 5.1.1 x)",
                List.of("to=", ", ", "dsn=5.1.1, ", "status=", "(", ")", "relay=", "postfix", "a"), explain);
        addLogCases(cases, "log sendmail", "a delivery line's start + ", "Dec  6 10:00:00 mx sendmail[1]: 4A: to=",
                ", dsn=5.1.1, stat=User unknown", List.of("a@b.example,", "<", ",", ", stat=", "dsn="), explain);
        addLogCases(cases, "log exim", "a failure line's start + ", "2026-12-06 10:00:00 1vQmZc-0003Ab-7x ** a@b.example", "",
                List.of(" ", ": ", " H=", "[", "550 5.1.1 ", "a"), explain);
        addLogCases(cases, "log opensmtpd", "a delivery line's start + ",
                "Dec  6 10:00:09 mx smtpd[3]: 5df8 mta delivery evpid=3d4c from=<n@x.example> to=<a@b.example> ",
                "result=\"PermFail\" stat=\"550 5.1.1 x\"",
                List.of("\"", " result=\"", " stat=\"", " relay=\"(", " to=", "("), explain);
        // qmail's result line, after the start line that names its recipient
        addLogCases(cases, "log qmail", "a result line's start + ", "@4000000065700a3c00000000 delivery 77: failure: ", "",
                List.of("_", "/", "Remote_host_said:_550_5.1.1_", ": ", "delivery 77: "),
                readAfter("@4000000065700a3b2c3d4e61 starting delivery 77: msg 1 to remote a@b.example"));
        // a PowerMTA accounting record after its header: the CSV splitter on quotes and commas
        addLogCases(cases, "log powermta", "a bounce record's start + ",
                "b,1765015202,news@example.org,gone@example.com,failed,5.1.1,\"smtp;550 ", "",
                List.of("\"\"", ",", "a", "\",\""),
                readAfter("type,timeLogged,orig,rcpt,dsnAction,dsnStatus,dsnDiag,dsnMta,bounceCat"));
        // an Exchange tracking log event after its #Fields line: recipients and results split on semicolons
        String exchangeFields = "#Fields: date-time,client-ip,source,event-id,message-id,recipient-address,"
                + "recipient-status,sender-address";
        addLogCases(cases, "log exchange", "a failure event's start + ",
                "2026-12-06T08:00:02.200Z,192.0.2.10,SMTP,FAIL,<m@x.example>,\"a@b.example;", "",
                List.of(";", "a@b.example;", "\"\""), readAfter(exchangeFields));
        addLogCases(cases, "log exchange", "a failure event's result + ",
                "2026-12-06T08:00:02.200Z,192.0.2.10,SMTP,FAIL,<m@x.example>,a@b.example,\"", "",
                List.of("550 5.1.1 x;", "; ", "[{LED=", "};{", "{FQDN="), readAfter(exchangeFields));
        return cases;
    }

    /** A case per unit: {@code start}, the unit repeated to the input's size, {@code end}. */
    private static void addLogCases(List<Case> cases, String component, String what, String start, String end,
                                    List<String> units, Consumer<String> work) {
        for (String unit : units) {
            cases.add(new Case(component, describe(what, unit),
                    size -> start + repeat(unit, size - start.length() - end.length()) + end, work));
        }
    }

    /** The input read by a log reader that has read {@code earlier} first, as the line after it. */
    private static Consumer<String> readAfter(String earlier) {
        return text -> {
            LogReader reader = new LogReader();
            reader.read(earlier);
            Bouncelens.standard().logRecords(reader.read(text), Lang.EN, "mail.log", 2);
        };
    }

    private static Case messageCase(String component, String head, String unit, Consumer<String> work) {
        return new Case(component, describe("headers + ", unit), size -> head + repeat(unit, size - head.length()), work);
    }

    // ---- measuring ----

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "benchmark");
            t.setDaemon(true);
            return t;
        });
    }

    Result measure(Case c) throws InterruptedException {
        if (hung.contains(c.component())) return new Result(c, 0, 0, true);
        String small = c.make().apply(SMALL);
        String large = c.make().apply(LARGE);
        try {
            double smallMicros = time(c.work(), small, 20, 5);
            double largeMicros = time(c.work(), large, 1, 0);
            return new Result(c, smallMicros, largeMicros, false);
        } catch (TimeoutException e) {
            hung.add(c.component());
            return new Result(c, 0, 0, true);
        }
    }

    /**
     * The best of {@code reps} runs (at least {@code minMillis} of runs), in microseconds of the
     * worker thread's CPU time: on a shared machine wall time would charge a long run for the
     * time slices other processes took, and make linear code look superlinear.
     */
    private double time(Consumer<String> work, String input, int reps, long minMillis)
            throws InterruptedException, TimeoutException {
        Future<Double> f = worker.submit(() -> {
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            work.accept(input); // warm-up
            long best = Long.MAX_VALUE;
            long until = System.nanoTime() + minMillis * 1_000_000;
            for (int i = 0; i < reps || System.nanoTime() < until; i++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                work.accept(input);
                best = Math.min(best, cpu.getCurrentThreadCpuTime() - t0);
                if (i > 10_000) break;
            }
            return best / 1000.0;
        });
        try {
            return f.get(HANG_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the benchmarked code threw: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            // the stuck run cannot be stopped; leave it to its daemon thread and go on with a new one
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            throw e;
        }
    }

    // ---- reporting ----

    static void printReport(List<Result> results) {
        System.out.printf(Locale.ROOT, "%d adversarial inputs, each at %d B and %d B (x%.1f).%n%n",
                results.size(), SMALL, LARGE, SIZE_RATIO);
        System.out.println("| component | inputs | worst growth | worst input | t(10 KiB) | t(1 MiB) |");
        System.out.println("|---|---|---|---|---|---|");
        List<String> components = results.stream().map(r -> group(r.c().component())).distinct().toList();
        for (String component : components) {
            List<Result> mine = results.stream().filter(r -> group(r.c().component()).equals(component)).toList();
            Result worst = mine.stream().max(Comparator.comparingDouble(Result::growth)).orElseThrow();
            System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", component, mine.size(),
                    worst.hung() ? "hang (> 30 s)" : String.format(Locale.ROOT, "%.2f", worst.growth()),
                    worst.c().component().equals(component) ? worst.c().input() : worst.c().component() + ": " + worst.c().input(),
                    micros(worst.smallMicros()), micros(worst.largeMicros()));
        }
        List<Result> bad = results.stream().filter(r -> r.growth() > SUPERLINEAR).toList();
        System.out.println();
        System.out.println(bad.isEmpty() ? "No input grew faster than linearly (growth <= " + SUPERLINEAR + ")."
                : bad.size() + " inputs grew faster than linearly:");
        for (Result r : bad) System.out.println("- " + r.c().component() + ": " + r.c().input()
                + (r.hung() ? " (hang)" : String.format(Locale.ROOT, " (growth %.1f)", r.growth())));
    }

    /** Knowledge-base entries are summarised per file, formats per format. */
    private static String group(String component) {
        if (component.startsWith("kb ")) {
            String id = component.substring(3);
            int dot = id.indexOf('.');
            return "kb entries " + (dot > 0 ? id.substring(0, dot) + ".*" : id);
        }
        return component;
    }

    private static String micros(double us) {
        return us >= 1000 ? String.format(Locale.ROOT, "%.1f ms", us / 1000) : String.format(Locale.ROOT, "%.0f µs", us);
    }

    static String describe(String base, String unit) {
        String shown = unit.replace("\r", "\\r").replace("\n", "\\n");
        if (shown.length() > 40) shown = shown.substring(0, 37) + "...";
        return base + "`" + shown + "` repeated";
    }

    static String repeat(String unit, int length) {
        if (length <= 0) return "";
        StringBuilder b = new StringBuilder(length + unit.length());
        while (b.length() < length) b.append(unit);
        b.setLength(length);
        return b.toString();
    }
}
