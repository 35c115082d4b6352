package io.bouncelens;

import io.bouncelens.advise.Advice;
import io.bouncelens.advise.AdviceBook;
import io.bouncelens.classify.Classification;
import io.bouncelens.classify.KnowledgeBaseClassifier;
import io.bouncelens.classify.ReplyClassifier;
import io.bouncelens.classify.ReplyEvidence;
import io.bouncelens.decode.DecodedReport;
import io.bouncelens.decode.Limits;
import io.bouncelens.decode.MessageKind;
import io.bouncelens.decode.MessageParser;
import io.bouncelens.decode.ParsedMessage;
import io.bouncelens.decode.ReportDecoder;
import io.bouncelens.decode.log.LogDelivery;
import io.bouncelens.decode.log.LogReader;
import io.bouncelens.decode.log.MtaLogLine;
import io.bouncelens.read.InputMessage;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The library's front door: {@link #explain(String)} for one SMTP reply or diagnostic line,
 * {@link #diagnose(InputStream)} for a whole bounce message, {@link #logRecords} for what a
 * {@link LogReader} reads from a mail server's log. Thread-safe; the knowledge base is compiled
 * once, on first use.
 */
public final class Bouncelens {

    private static final class Default {
        static final Bouncelens INSTANCE = new Bouncelens(StandardParts.classifier(), StandardParts.adviceBook());
    }

    private final ReplyClassifier classifier;
    private final AdviceBook adviceBook;
    private final Limits limits;
    private final MessageParser parser;
    private final ReportDecoder decoder;

    public Bouncelens(ReplyClassifier classifier, AdviceBook adviceBook) {
        this(classifier, adviceBook, Limits.DEFAULT);
    }

    public Bouncelens(ReplyClassifier classifier, AdviceBook adviceBook, Limits limits) {
        this.classifier = classifier;
        this.adviceBook = adviceBook;
        this.limits = limits;
        this.parser = new MessageParser(limits);
        this.decoder = ReportDecoder.standard(limits);
    }

    /** The same knowledge with other bounds on what one message may cost. */
    public Bouncelens withLimits(Limits other) {
        return new Bouncelens(classifier, adviceBook, other);
    }

    public Limits limits() {
        return limits;
    }

    /** The instance built on the bundled knowledge base. */
    public static Bouncelens standard() {
        return Default.INSTANCE;
    }

    /** Diagnoses one reply line in English. */
    public static BounceRecord explain(String reply) {
        return standard().explainReply(reply, Lang.EN);
    }

    /** Diagnoses one reply line, explained in {@code lang}. */
    public static BounceRecord explain(String reply, Lang lang) {
        return standard().explainReply(reply, lang);
    }

    /** Diagnoses one bounce message: one record per recipient it reports. */
    public static List<BounceRecord> diagnose(InputStream message) {
        return diagnose(message, Lang.EN);
    }

    /** Diagnoses one bounce message, explained in {@code lang}. */
    public static List<BounceRecord> diagnose(InputStream message, Lang lang) {
        return standard().diagnoseMessage(message, lang, null, 1).records();
    }

    /**
     * Reads one message from {@code message} (to its end, or to the size limit) and diagnoses it.
     * Never throws on content: what could not be read is listed in the result's problems. A pure
     * function of its input, safe to call from several threads at once.
     *
     * @param file  the path reported in the records (null for a stream)
     * @param index the 1-based number of the message in its file
     */
    public MessageDiagnosis diagnoseMessage(InputStream message, Lang lang, String file, int index) {
        return diagnose(parser.parse(message), lang, file, index);
    }

    /**
     * Diagnoses one message a {@link io.bouncelens.read.MessageSource} read. A pure function of
     * its input: callers may run it on several threads and emit the results in input order.
     */
    public MessageDiagnosis diagnose(InputMessage input, Lang lang) {
        if (input.error() != null) return MessageDiagnosis.unreadable(input.file(), input.index(), input.error());
        ParsedMessage parsed = parser.parse(input.bytes(), input.lfOnly());
        if (input.truncated()) {
            parsed = parsed.cutAt("message larger than " + limits.maxMessageBytes() + " bytes; read the first "
                    + limits.maxMessageBytes());
        }
        return diagnose(parsed, lang, input.file(), input.index());
    }

    private MessageDiagnosis diagnose(ParsedMessage parsed, Lang lang, String file, int index) {
        DecodedReport report = decoder.decode(parsed);
        List<BounceRecord> records = new ReportRecords(this).records(report, lang, file, index);
        return new MessageDiagnosis(file, index, report.kind(), report.subject(), records,
                report.truncated(), report.problems(), report.decodedBy());
    }

    /**
     * Diagnoses one line of a mail server's log (Postfix, Sendmail, Exim) on its own: a record for
     * each recipient whose delivery the line reports, delivered ones included (action
     * {@code delivered}); none for a line about anything else. Never throws on any text. A whole
     * log reads better through a {@link LogReader} and {@link #logRecords}: the records then get
     * their message's sender and Message-ID from earlier lines, and qmail's two-line deliveries
     * are read too.
     *
     * @param file the log's path, reported in the records
     * @param line the line's 1-based number in the log, reported as the record's {@code message}
     */
    public List<BounceRecord> explainLogLine(String text, Lang lang, String file, int line) {
        return logRecords(MtaLogLine.read(text), lang, file, line);
    }

    /** The records of a delivery a {@link LogReader} read from line {@code line} of {@code file}; none for null. */
    public List<BounceRecord> logRecords(LogDelivery delivery, Lang lang, String file, int line) {
        if (delivery == null) return List.of();
        DecodedReport report = new DecodedReport(MessageKind.BOUNCE, delivery.format(), delivery.recipients(),
                delivery.addresser(), delivery.messageId(), null, delivery.timestamp(), false, List.of());
        return new ReportRecords(this).records(report, lang, file, line);
    }

    /**
     * The records of one event of a sending service's webhook or notification (Amazon SES,
     * SendGrid, Mailgun, Postmark, SparkPost, Mandrill, Tencent Cloud SES) as
     * {@link io.bouncelens.decode.event.EventSource} read it, numbered {@code number} in
     * {@code file}; none for null.
     */
    public List<BounceRecord> eventRecords(DecodedReport event, Lang lang, String file, int number) {
        if (event == null) return List.of();
        return new ReportRecords(this).records(event, lang, file, number);
    }

    public ReplyClassifier classifier() {
        return classifier;
    }

    /** The reference of each language, built on first use (some 600 replies explained). */
    private final Map<Lang, List<ReplyReference.Section>> references = new ConcurrentHashMap<>();

    /**
     * Every reply the knowledge base knows, by provider and then by language, reason and status
     * code, each with the record explaining it gives ({@link ReplyReference}); empty for a
     * classifier that is not the knowledge base's.
     */
    public List<ReplyReference.Section> replyReference(Lang lang) {
        if (!(classifier instanceof KnowledgeBaseClassifier kb)) return List.of();
        return references.computeIfAbsent(lang, l -> ReplyReference.of(kb.knowledgeBase(), this, l));
    }

    public AdviceBook adviceBook() {
        return adviceBook;
    }

    /**
     * The name a reader of {@code lang} knows provider {@code id} by (网易邮箱... for {@code netease}),
     * as its knowledge-base file gives it; null for an id it does not know, or a classifier that is
     * not the knowledge base's. Records carry the id; the text for a terminal shows this beside it.
     */
    public String providerName(String id, Lang lang) {
        if (id == null || !(classifier instanceof KnowledgeBaseClassifier kb)) return null;
        return kb.knowledgeBase().providerName(id, lang);
    }

    /** Classifies one reply and attaches advice; never throws on any text, null included. */
    public BounceRecord explainReply(String reply, Lang lang) {
        String text = reply == null ? "" : reply;
        Classification verdict = classifier.classify(ReplyEvidence.ofText(text));
        return withPseudoStatus(describe(verdict, lang, BounceRecord.builder().diagnosticCode(text.isBlank() ? null : text)))
                .build();
    }

    /**
     * A record that has no enhanced status (the report and the reply gave none) takes its reason's
     * pseudo status ({@code kb/advice/reasons.kb}), such as Sisimai's 5.0.911 for userunknown, and
     * says so in its evidence: whoever compares records with Sisimai's finds the same code, and
     * whoever reads the evidence knows the server wrote none. Its class is 4 when the failure is
     * temporary: a delay report's recipient, a 4xx reply code, or, without a reply code, a text
     * that calls itself temporary or persistent.
     */
    BounceRecord.Builder withPseudoStatus(BounceRecord.Builder record) {
        if (record.status() != null || record.reason() == null) return record;
        String pseudo = adviceBook.pseudoStatus(record.reason(), isTemporary(record));
        if (pseudo == null) return record;
        String said = record.evidence();
        return record.status(pseudo)
                .evidence((said == null ? "" : said + "; ") + "status " + pseudo + ": none given, the pseudo code for "
                        + record.reason().label());
    }

    private static boolean isTemporary(BounceRecord.Builder record) {
        if ("delayed".equalsIgnoreCase(record.action())) return true;
        if (record.replyCode() != null) return record.replyCode() / 100 == 4;
        String text = record.diagnosticCode();
        if (text == null) return false;
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("temporar") || lower.contains("persistent");
    }

    /** Copies a verdict and its advice into a record under assembly. */
    public BounceRecord.Builder describe(Classification verdict, Lang lang, BounceRecord.Builder record) {
        Advice advice = adviceBook.adviceFor(verdict, lang);
        return record.reason(verdict.reason())
                .status(verdict.status())
                .replyCode(verdict.replyCode())
                .remoteHost(verdict.remoteHost() != null ? verdict.remoteHost() : null)
                .provider(verdict.provider())
                .providerCode(verdict.providerCode())
                .actor(verdict.actor())
                .retry(verdict.retry())
                .explanation(advice == null ? null : advice.explanation())
                .fix(advice == null ? null : advice.fix())
                .evidence(verdict.evidence());
    }
}
