package io.bouncelens.bench;

import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.Reason;
import io.bouncelens.classify.Classification;
import io.bouncelens.classify.KbEntry;
import io.bouncelens.classify.KnowledgeBaseClassifier;
import io.bouncelens.classify.ReplyClassifier;
import io.bouncelens.classify.ReplyEvidence;
import io.bouncelens.read.InputMessage;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints every decision the classifier takes on real input, one line each, so that a change made
 * for speed can be checked to leave the output byte-identical: run it before and after and compare
 * ({@code scripts/classifier-decisions.sh}). The input: the seed probes, every distinct
 * Diagnostic-Code of the corpus, every knowledge-base example, each also with structured fields
 * beside it (a placeholder status and a command, an expiry hint), and every classifier call that
 * diagnosing the corpus messages makes, with the fields the decoder read.
 */
public final class ClassifierDecisions {

    private static final String[] MAILDIRS = {"bsd", "dos", "mac", "err", "not"};

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        SharedCorpus corpus = SharedCorpus.locate();
        KnowledgeBaseClassifier classifier = (KnowledgeBaseClassifier) Bouncelens.standard().classifier();

        List<String> replies = new ArrayList<>(corpus.seedProbes());
        for (String dir : MAILDIRS) replies.addAll(corpus.diagnosticCodes(dir));
        for (KbEntry e : classifier.knowledgeBase().entries()) replies.addAll(e.examples());
        for (String reply : replies) {
            print(out, classifier, ReplyEvidence.ofText(reply));
            print(out, classifier, new ReplyEvidence(reply, "5.0.0", 550, null, "DATA", null));
            print(out, classifier, new ReplyEvidence(reply, "4.4.7", null, "mx.example.net", "MAIL", Reason.EXPIRED));
        }

        // Diagnosing the corpus: the classifier as the pipeline calls it, fields from the reports.
        ReplyClassifier recording = evidence -> {
            Classification c = classifier.classify(evidence);
            out.println(line(evidence, c));
            return c;
        };
        Bouncelens diagnosing = new Bouncelens(recording, Bouncelens.standard().adviceBook());
        List<byte[]> messages = corpus.messages(MAILDIRS);
        for (int i = 0; i < messages.size(); i++) {
            diagnosing.diagnose(new InputMessage("corpus-" + i + ".eml", 1, messages.get(i), false, null), Lang.EN);
        }
        out.flush();
    }

    private static void print(PrintStream out, ReplyClassifier classifier, ReplyEvidence evidence) {
        out.println(line(evidence, classifier.classify(evidence)));
    }

    private static String line(ReplyEvidence e, Classification c) {
        return String.join("\t", String.valueOf(e.text()).replace('\n', ' ').replace('\t', ' '),
                String.valueOf(e.status()), String.valueOf(e.replyCode()), String.valueOf(e.remoteHost()),
                String.valueOf(e.command()), String.valueOf(e.hint()), "=>",
                String.valueOf(c.reason()), String.valueOf(c.status()), String.valueOf(c.replyCode()),
                String.valueOf(c.remoteHost()), String.valueOf(c.provider()), String.valueOf(c.providerCode()),
                String.valueOf(c.actor()), String.valueOf(c.retry()), String.valueOf(c.entryId()),
                String.valueOf(c.matched()));
    }
}
