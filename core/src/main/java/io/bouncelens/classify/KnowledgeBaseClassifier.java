package io.bouncelens.classify;

import io.bouncelens.Actor;
import io.bouncelens.Reason;
import io.bouncelens.Retry;

import com.google.re2j.Pattern;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classifies a reply with the knowledge base (docs/knowledge-base.md, "How a verdict is reached"):
 * read codes and wrappers out of the text, detect the provider, find every entry whose conditions
 * hold in one pass of the literal automaton, and let the strongest win. Thread-safe: all state is
 * per call, the knowledge base is immutable.
 */
public final class KnowledgeBaseClassifier implements ReplyClassifier {

    /** Replies longer than this are classified on their first part; no reply needs more. */
    public static final int MAX_TEXT_CHARS = 64 * 1024;

    /** Reasons that describe a symptom of a delay; a report that says the message expired is the verdict. */
    private static final java.util.Set<Reason> SYMPTOMS_OF_DELAY = java.util.EnumSet.of(
            Reason.NETWORKERROR, Reason.SYSTEMERROR, Reason.ONHOLD, Reason.UNDEFINED);

    /** Verdicts that, given at the wrong stage, must be about someone else than the recipient. */
    private static final java.util.Set<Reason> ANSWERS_ABOUT_AN_ADDRESS = java.util.EnumSet.of(
            Reason.USERUNKNOWN, Reason.HOSTUNKNOWN, Reason.SECURITYERROR, Reason.UNDEFINED, Reason.ONHOLD,
            Reason.FILTERED, Reason.SUSPEND);
    private static final java.util.Set<String> STAGES_BEFORE_THE_ENVELOPE = java.util.Set.of("CONN", "HELO", "EHLO");

    private final KnowledgeBase kb;
    private final KbEntry[] entries;
    /** Per entry: the index of its provider, or -1 for a generic entry. */
    private final int[] providerOf;
    /** Per entry: its tier's rank (0 strongest), read for every entry the text or code reaches. */
    private final int[] tierOf;
    private final ThreadLocal<Workspace> workspace;
    /**
     * Provider domain (a {@code hosts:} suffix) -> the providers it belongs to: a host is looked
     * up by itself and by each domain above it ({@code mx1.mail.qq.com}, {@code mail.qq.com},
     * {@code qq.com}, {@code com}), a few look-ups instead of a comparison with every suffix.
     */
    private final Map<String, int[]> providersByDomain = new java.util.HashMap<>();

    public KnowledgeBaseClassifier(KnowledgeBase kb) {
        this.kb = kb;
        Map<KbProvider, Integer> providerIndex = new IdentityHashMap<>();
        List<KbProvider> providers = kb.providers();
        for (int i = 0; i < providers.size(); i++) providerIndex.put(providers.get(i), i);
        entries = kb.entries().toArray(new KbEntry[0]);
        providerOf = new int[entries.length];
        tierOf = new int[entries.length];
        for (int e = 0; e < entries.length; e++) {
            providerOf[e] = entries[e].provider() == null ? -1 : providerIndex.get(entries[e].provider());
            tierOf[e] = entries[e].tier().ordinal();
        }
        workspace = ThreadLocal.withInitial(() -> new Workspace(kb));
        for (int p = 0; p < providers.size(); p++) {
            for (String domain : providers.get(p).hosts()) {
                int[] owners = providersByDomain.getOrDefault(domain, new int[0]);
                owners = java.util.Arrays.copyOf(owners, owners.length + 1);
                owners[owners.length - 1] = p;
                providersByDomain.put(domain, owners);
            }
        }
    }

    /** Marks the providers whose domains hold {@code host} (normalised: lower case, no final dot). */
    private void detectByHost(String host, boolean[] detected) {
        for (int from = 0; from >= 0; ) {
            int[] owners = providersByDomain.get(from == 0 ? host : host.substring(from));
            if (owners != null) for (int p : owners) detected[p] = true;
            int dot = host.indexOf('.', from);
            from = dot < 0 ? -1 : dot + 1;
        }
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    @Override
    public Classification classify(ReplyEvidence evidence) {
        String raw = evidence.text() == null ? "" : evidence.text();
        if (raw.length() > MAX_TEXT_CHARS) raw = raw.substring(0, MAX_TEXT_CHARS);
        ReadReply read = ReplyReader.read(raw);

        EnhancedStatus status = EnhancedStatus.parse(evidence.status());
        EnhancedStatus reported = status;
        // A report's placeholder (5.0.0, 4.0.0) says less than the code the server wrote itself; so
        // does the reporting MTA's own "delivery time expired" (X.4.7) beside the refusal it quotes
        // (StatusChoice has the whole order).
        Integer reply = evidence.replyCode() != null ? evidence.replyCode() : read.replyCode();
        status = StatusChoice.prefer(status, read.status(), reply);
        String host = evidence.remoteHost() != null ? evidence.remoteHost() : read.remoteHost();
        String command = evidence.command() != null ? evidence.command() : read.command();
        String statusText = status != null ? status.toString()
                : (evidence.status() == null || evidence.status().isBlank() ? null : evidence.status().strip());

        Workspace ws = workspace.get();
        ws.startReply(read.text());
        LiteralHits hits = ws.hits;
        kb.automaton().scan(read.text(), hits);

        boolean[] detected = ws.detected;
        for (int h = 0; h < hits.count(); h++) {
            for (int p : kb.providersDetectedBy(hits.id(h))) detected[p] = true;
        }
        if (host != null) {
            detectByHost(KbProvider.normalHost(host), detected);
        } else if (evidence.reportedBy() != null) {
            detectByHost(KbProvider.normalHost(evidence.reportedBy()), detected);
        }

        // Only the entries that can hold are looked at: those using a literal found in the text, and
        // the code-only entries indexed under this status. The winner does not depend on the order.
        // An entry of a weaker tier than the best so far cannot win and is not evaluated, unless it
        // says the message expired (see below).
        Candidate best = null;
        Candidate expired = null;
        for (int h = 0; h < hits.count(); h++) {
            for (int e : kb.entriesUsing(hits.id(h))) {
                if (!ws.visited.mark(e)) continue;
                KbEntry entry = entries[e];
                if (weakerThan(e, best) && entry.reason() != Reason.EXPIRED) continue;
                Candidate c = evaluate(e, hits, status, reply, detected);
                best = better(best, c, ws);
                if (c != null && entry.reason() == Reason.EXPIRED) expired = better(expired, c, ws);
            }
        }
        // "451 Could not load DRD" under Status 4.0.0: the placeholder says only "something failed",
        // the server's own reply code says what; the codes alone decide by the reply code then.
        EnhancedStatus codeStatus = status;
        if (status != null && status.subject() == 0 && status.detail() == 0 && kb.namesReplyCode(reply)) {
            codeStatus = null;
        }
        for (int e : kb.codeOnlyEntries(codeStatus)) {
            if (weakerThan(e, best)) continue;
            best = better(best, evaluate(e, hits, codeStatus, reply, detected), ws);
        }
        // "Message expired ... <421 Connection timed out>": the last attempt's error is a symptom;
        // the text itself says the sender gave up, which is the verdict.
        if (expired != null && best != null && best.entry.tier() != Tier.PROVIDER
                && SYMPTOMS_OF_DELAY.contains(best.entry.reason())) {
            best = expired;
        }
        // "Status: 5.4.7" (delivery time expired) beside the last attempt's "421 Service not
        // available": the report says the sender gave up; the reply is only what it last met
        if (best != null && best.entry.tier() != Tier.PROVIDER && SYMPTOMS_OF_DELAY.contains(best.entry.reason())
                && reported != null && reported.subject() == 4 && reported.detail() == 7) {
            for (int e : kb.codeOnlyEntries(reported)) {
                Candidate c = evaluate(e, hits, reported, reply, detected);
                if (c != null && c.entry.reason() == Reason.EXPIRED) {
                    best = c;
                    status = reported; // the code the verdict rests on is the record's
                    statusText = reported.toString();
                    break;
                }
            }
        }
        return verdict(best, evidence.hint(), command, statusText, reply, host, detected, status, evidence.reported());
    }

    private Classification verdict(Candidate best, Reason hint, String command, String status, Integer reply,
                                   String host, boolean[] detected, EnhancedStatus code, boolean reported) {
        String detectedProvider = null;
        for (int p = 0; p < detected.length; p++) {
            if (detected[p]) {
                detectedProvider = kb.providers().get(p).id();
                break;
            }
        }
        // A list's refusal of the poster (Google Groups, fml) is the notice itself, written in the
        // poster's language; words of that prose ("no exista") are not a server's reply.
        if (hint != null && (best == null || best.entry.tier().compareTo(Tier.GENERIC) >= 0
                || (hint == Reason.EXPIRED && SYMPTOMS_OF_DELAY.contains(best.entry.reason()))
                || (hint == Reason.REJECTED && best.entry.tier() != Tier.PROVIDER))) {
            return withDefaults(hint, null, null, "advice." + hint.label(), "the report's own format",
                    status, reply, host, detectedProvider, null);
        }
        if (best == null) {
            return withDefaults(Reason.UNDEFINED, null, null, null, null, status, reply, host, detectedProvider, null);
        }
        KbEntry e = best.entry;
        Reason reason = e.reason();
        Actor actor = e.actor();
        Retry retry = e.retry();
        // A "no such user" answered to the message body is a content filter speaking, not the
        // address book: the address may well exist (the rule Sisimai calls "filtered"). So is one
        // a bounce report quotes without saying it answered RCPT TO: nothing shows the address was
        // refused. Unless a provider, the report's own format or an address status (X.1.x) says
        // the mailbox is missing.
        String stage = command == null ? null : command.toUpperCase(java.util.Locale.ROOT);
        // a verdict read again from where the reply was given says so in the evidence: the entry
        // alone ("userunknown...: unknown user") would contradict the reason shown beside it
        String rereadBecause = null;
        if (reason == Reason.USERUNKNOWN && e.tier() != Tier.PROVIDER && hint != Reason.USERUNKNOWN
                && !(code != null && code.subject() == 1)
                && ("DATA".equals(stage) || (stage == null && reported))) {
            reason = Reason.FILTERED;
            actor = null;
            retry = null;
            rereadBecause = "DATA".equals(stage) ? "said after DATA, so a filter's answer, not a missing mailbox"
                    : "quoted without RCPT TO or an address status, so read as a filter's answer";
        }
        // What the server said in answer to MAIL FROM is about the sender, not the recipient; what it
        // said before any envelope (at connect or greeting) is about the sending host. A security
        // verdict stays one when its words say what was missing ("unauthenticated senders"), not
        // when they only say no ("access denied").
        boolean securityNamed = reason == Reason.SECURITYERROR && e.tier().compareTo(Tier.WEAK) < 0;
        if ("MAIL".equals(stage) && !securityNamed && ANSWERS_ABOUT_AN_ADDRESS.contains(reason)) {
            reason = Reason.REJECTED;
            actor = null;
            retry = null;
            rereadBecause = "said to MAIL FROM, so about the sender";
        } else if (stage == null && aboutTheSendersAddress(code) && !securityNamed && e.tier() != Tier.PROVIDER
                && (ANSWERS_ABOUT_AN_ADDRESS.contains(reason) || reason == Reason.SYNTAXERROR)) {
            // "no such user: sender@..." under X.1.7 or X.1.8 (RFC 3463: the sender's mailbox or
            // system) names the sender's address, though no command says so; so does a bad
            // address syntax under X.1.7 ("Bad sender's mailbox address syntax")
            reason = Reason.REJECTED;
            actor = null;
            retry = null;
            rereadBecause = "status " + code + " is about the sender's address";
        } else if (stage != null && STAGES_BEFORE_THE_ENVELOPE.contains(stage)
                && !("CONN".equals(stage) && reason == Reason.HOSTUNKNOWN)
                && (ANSWERS_ABOUT_AN_ADDRESS.contains(reason) || reason == Reason.SYNTAXERROR && saysOnlyByCode(e.tier()))) {
            // (a domain with no mail host was never connected to: "failed to connect ... no MX
            // records were found" is about that domain, whatever "connect" suggests)
            reason = Reason.BLOCKED;
            actor = null;
            retry = null;
            rereadBecause = ("CONN".equals(stage) ? "said at connection" : "said to " + stage) + ", so the sending host was refused";
        }
        String provider = e.provider() != null ? e.providerId() : detectedProvider;
        String matched = best.matched(kb, status, reply);
        if (rereadBecause != null) matched = matched == null || matched.isEmpty() ? rereadBecause : matched + "; " + rereadBecause;
        return withDefaults(reason, actor, retry, e.id(), matched, status, reply, host, provider, e.code());
    }

    /** RFC 3463's X.1.7 (bad sender's mailbox address syntax) and X.1.8 (bad sender's system address). */
    private static boolean aboutTheSendersAddress(EnhancedStatus code) {
        return code != null && code.subject() == 1 && (code.detail() == 7 || code.detail() == 8);
    }

    /**
     * A verdict read from a status or reply code alone. A syntax error so read (5.5.0) given
     * before the client sent any command cannot be about its syntax: the connecting host was
     * refused.
     */
    private static boolean saysOnlyByCode(Tier tier) {
        return tier == Tier.STATUS || tier == Tier.GENERIC || tier == Tier.REPLY;
    }

    private Classification withDefaults(Reason reason, Actor actor, Retry retry, String entryId, String matched,
                                        String status, Integer reply, String host, String provider, String code) {
        ReasonDefault d = kb.reasonDefault(reason);
        if (d != null && d.temporary() != null && Reason.isTemporary(reply, status)) {
            // a reason permanent by nature, said only for now: whatever the entry says of a
            // permanent failure (retry never) does not hold
            d = d.temporary();
            if (d.actor() != null) actor = d.actor();
            if (d.retry() != null) retry = d.retry();
        }
        if (actor == null && d != null) actor = d.actor();
        if (retry == null && d != null) retry = d.retry();
        return new Classification(reason, status, reply, host, provider, code, actor, retry, entryId, matched);
    }

    /** The entry as a candidate if its conditions hold, its pattern aside (see {@link #better}); else null. */
    private Candidate evaluate(int index, LiteralHits hits, EnhancedStatus status, Integer reply, boolean[] detected) {
        KbEntry e = entries[index];
        boolean providerSeen = providerOf[index] >= 0 && detected[providerOf[index]];
        if (e.onlyWhenProviderDetected() && !providerSeen) return null;
        int specificity = 0;
        if (e.status() != null) {
            if (!e.status().matches(status)) return null;
            specificity += exactStatus(e.status(), status) ? 3 : 2;
        }
        if (e.reply() != null) {
            if (!e.reply().matches(reply)) return null;
            specificity += e.reply().onlyClasses() ? 1 : 2;
        }
        int length = 0;
        int[] words = null;
        int[][] alts = kb.alternativesOf(index);
        if (alts.length > 0) {
            int bestAlt = -1;
            for (int a = 0; a < alts.length; a++) {
                int len = 0;
                boolean all = true;
                for (int lit : alts[a]) {
                    if (!hits.contains(lit)) {
                        all = false;
                        break;
                    }
                    len += kb.literal(lit).length();
                }
                if (all && len > length) {
                    length = len;
                    bestAlt = a;
                }
            }
            if (bestAlt < 0) return null;
            words = alts[bestAlt];
        }
        return new Candidate(index, e, providerSeen, length, specificity, words);
    }

    private static boolean exactStatus(StatusCondition condition, EnhancedStatus status) {
        for (StatusCondition.Range r : condition.ranges()) if (r.isExact() && r.contains(status)) return true;
        return false;
    }

    /**
     * The better of the best so far and a new candidate. The candidate's pattern, the dearest
     * condition, is run only when the candidate would otherwise win, and only when the literals it
     * cannot match without were found ({@link RequiredLiterals}): a pattern (with its gating
     * literal) belongs to entries that matched on words, never to code-only ones.
     */
    private Candidate better(Candidate best, Candidate candidate, Workspace ws) {
        if (candidate == null || (best != null && !candidate.beats(best))) return best;
        Pattern pattern = candidate.words() != null ? candidate.entry().pattern() : null;
        if (pattern != null && !(foundAll(kb.patternNeeds(candidate.index()), ws.hits)
                && finds(pattern, kb.patternStarts(candidate.index()), ws.folded()))) {
            return best;
        }
        return candidate;
    }

    /**
     * Whether the pattern matches the folded text. When all its matches start with one of known
     * strings, the search starts at the first of them (RE2/J still sees the text before it, for
     * {@code \b} and {@code ^}): a provider's code usually ends the reply.
     */
    private static boolean finds(Pattern pattern, String[] starts, String folded) {
        int from = starts.length == 0 ? 0 : -1;
        for (String start : starts) {
            int at = folded.indexOf(start);
            if (at >= 0 && (from < 0 || at < from)) from = at;
        }
        return from >= 0 && pattern.matcher(folded).find(from);
    }

    /** Whether one literal of each group was found (the automaton's answer on what a pattern needs). */
    private static boolean foundAll(int[][] groups, LiteralHits hits) {
        for (int[] group : groups) {
            boolean any = false;
            for (int literal : group) any |= hits.contains(literal);
            if (!any) return false;
        }
        return true;
    }

    /** True when the entry at {@code index} is of a weaker tier than {@code best}, so it cannot beat it. */
    private boolean weakerThan(int index, Candidate best) {
        return best != null && tierOf[index] > tierOf[best.index()];
    }

    /**
     * What classifying one reply needs besides the reply, kept per thread and reused: the sets of
     * literals found and entries visited (cleared in constant time), the providers detected, and the
     * folded text, made only when a pattern must run (the scan folds as it reads).
     */
    private static final class Workspace {
        final LiteralHits hits;
        final Marks visited;
        final boolean[] detected;
        private String text;
        private String folded;

        Workspace(KnowledgeBase kb) {
            hits = new LiteralHits(kb.automaton().literalCount());
            visited = new Marks(kb.entries().size());
            detected = new boolean[kb.providers().size()];
        }

        void startReply(String replyText) {
            hits.clear();
            visited.clear();
            java.util.Arrays.fill(detected, false);
            text = replyText;
            folded = null;
        }

        String folded() {
            if (folded == null) folded = FoldedText.fold(text);
            return folded;
        }
    }

    /**
     * An entry (at {@code index} in the knowledge base) whose conditions hold, with what ranks it
     * against the others; {@code words} are the literal ids of its best matching alternative (null
     * for a code-only entry).
     */
    private record Candidate(int index, KbEntry entry, boolean providerSeen, int literalLength, int specificity, int[] words) {

        /**
         * The words (or the code) it matched on, for the evidence field; built for the winner only.
         * Several words are quoted as a reader quotes with gaps ("connect to … server failed"), not
         * in the knowledge base's own syntax.
         */
        String matched(KnowledgeBase kb, String status, Integer reply) {
            if (words == null) {
                return status != null && entry.status() != null ? status : reply != null ? String.valueOf(reply) : null;
            }
            StringBuilder joined = new StringBuilder();
            for (int lit : words) {
                if (joined.length() > 0) joined.append(" … ");
                joined.append(kb.literal(lit));
            }
            return joined.toString();
        }

        boolean beats(Candidate o) {
            int c = Integer.compare(o.entry.tier().ordinal(), entry.tier().ordinal());
            if (c != 0) return c > 0;
            if (providerSeen != o.providerSeen) return providerSeen;
            if (literalLength != o.literalLength) return literalLength > o.literalLength;
            if (specificity != o.specificity) return specificity > o.specificity;
            return entry.order() < o.entry.order();
        }
    }
}
