package io.bouncelens.classify;

import io.bouncelens.Actor;
import io.bouncelens.Lang;
import io.bouncelens.Reason;
import io.bouncelens.Retry;
import io.bouncelens.advise.Advice;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compiled knowledge base: every entry of the {@code .kb} files listed in
 * {@code kb/index.txt}, one literal automaton over all their {@code match:} and {@code detect:}
 * literals, and the reasons' default advice. Immutable; compile once, share everywhere.
 */
public final class KnowledgeBase {

    /** Where the bundled files live on the class path. */
    public static final String ROOT = "io/bouncelens/kb/";
    /** The list of bundled files, one path relative to {@link #ROOT} per line. */
    public static final String INDEX = ROOT + "index.txt";

    private static final Set<String> ENTRY_KEYS = Set.of("match", "pattern", "status", "reply", "when", "code",
            "reason", "actor", "retry", "tier", "example");
    private static final Set<String> PROVIDER_KEYS = providerKeys();
    private static final Set<String> ADVICE_KEYS = Set.of("reason", "actor", "retry", "pseudo-status", "when");

    private static Set<String> providerKeys() {
        Set<String> keys = new java.util.HashSet<>(List.of("id", "name", "hosts", "detect"));
        for (Lang lang : Lang.values()) if (lang != Lang.EN) keys.add(lang.tag() + ".name");
        return Set.copyOf(keys);
    }

    private static final class Bundled {
        static final KnowledgeBase INSTANCE = loadBundled();
    }

    private final List<KbEntry> entries;
    private final Map<String, KbEntry> byId;
    private final List<KbProvider> providers;
    private final Map<Reason, ReasonDefault> reasonDefaults;
    private final KbTables tables;

    private KnowledgeBase(List<KbEntry> entries, List<KbProvider> providers, Map<Reason, ReasonDefault> defaults) {
        this(entries, providers, defaults, KbTables.of(entries, providers));
    }

    /** With tables already built (read from an image along with the entries they index). */
    KnowledgeBase(List<KbEntry> entries, List<KbProvider> providers, Map<Reason, ReasonDefault> defaults, KbTables tables) {
        this.entries = List.copyOf(entries);
        this.providers = List.copyOf(providers);
        this.reasonDefaults = Collections.unmodifiableMap(new EnumMap<>(defaults));
        Map<String, KbEntry> ids = new HashMap<>();
        for (KbEntry e : entries) ids.put(e.id(), e);
        this.byId = Collections.unmodifiableMap(ids);
        this.tables = tables;
    }

    /** The knowledge base bundled in the jar, compiled on first use. */
    public static KnowledgeBase bundled() {
        return Bundled.INSTANCE;
    }

    public List<KbEntry> entries() {
        return entries;
    }

    public KbEntry entry(String id) {
        return id == null ? null : byId.get(id);
    }

    public List<String> providerIds() {
        return providers.stream().map(KbProvider::id).toList();
    }

    /** Provider {@code id}'s name in {@code lang} (the English one where it has none there), or null for an unknown id. */
    public String providerName(String id, Lang lang) {
        for (KbProvider p : providers) if (p.id().equals(id)) return p.name(lang);
        return null;
    }

    public ReasonDefault reasonDefault(Reason reason) {
        return reasonDefaults.get(reason);
    }

    KbTables tables() {
        return tables;
    }

    Map<Reason, ReasonDefault> reasonDefaults() {
        return reasonDefaults;
    }

    LiteralAutomaton automaton() {
        return tables.automaton();
    }

    String literal(int id) {
        return tables.literals()[id];
    }

    int[] entriesUsing(int literalId) {
        return tables.entriesByLiteral()[literalId];
    }

    int[] providersDetectedBy(int literalId) {
        return tables.providersByLiteral()[literalId];
    }

    int[][] alternativesOf(int entry) {
        return tables.alternatives()[entry];
    }

    /** Strings one of which every match of the entry's pattern starts with; empty when unknown. */
    String[] patternStarts(int entry) {
        return tables.patternStarts()[entry];
    }

    /** Groups of literal ids the entry's pattern cannot match without (one of each group); empty when unknown. */
    int[][] patternNeeds(int entry) {
        return tables.patternNeeds()[entry];
    }

    /**
     * Whether a code-only entry names this reply code itself (451, 552), not only its class (4xx):
     * such a code says more than a report's placeholder status X.0.0.
     */
    boolean namesReplyCode(Integer reply) {
        if (reply == null) return false;
        for (int e : tables.codeOnlyWithoutStatus()) {
            ReplyCondition condition = entries.get(e).reply();
            if (condition != null && !condition.onlyClasses() && condition.matches(reply)) return true;
        }
        return false;
    }

    /**
     * The code-only entries whose status condition can hold for {@code status} (all others fail on
     * it anyway): the classifier looks at a dozen entries per reply instead of every code entry.
     */
    int[] codeOnlyEntries(EnhancedStatus status) {
        if (status == null) return tables.codeOnlyWithoutStatus();
        int cls = status.statusClass(), subject = status.subject();
        if (cls < 0 || cls >= 6 || subject < 0 || subject >= 8) return tables.codeOnly();
        return tables.codeOnlyByStatus()[KbTables.statusKey(cls, subject)];
    }

    List<KbProvider> providers() {
        return providers;
    }

    // ---------------------------------------------------------------- loading

    /**
     * The image the build compiled ({@link KnowledgeBaseImage}), or, where there is none (run from
     * the sources without Maven's process-classes phase), the text compiled now.
     */
    private static KnowledgeBase loadBundled() {
        try (InputStream image = KnowledgeBase.class.getClassLoader().getResourceAsStream(KnowledgeBaseImage.RESOURCE)) {
            if (image != null) return KnowledgeBaseImage.read(image.readAllBytes());
        } catch (IOException e) {
            throw new KnowledgeBaseException("cannot read the knowledge base image: " + e.getMessage());
        }
        return compileBundledText();
    }

    /** The {@code .kb} text on the class path, compiled. */
    static KnowledgeBase compileBundledText() {
        ClassLoader loader = KnowledgeBase.class.getClassLoader();
        try (InputStream index = loader.getResourceAsStream(INDEX)) {
            if (index == null) throw new KnowledgeBaseException("knowledge base index " + INDEX + " is missing");
            Map<String, String> files = new LinkedHashMap<>();
            for (String path : bundledPaths(index)) {
                try (InputStream in = loader.getResourceAsStream(ROOT + path)) {
                    if (in == null) throw new KnowledgeBaseException(INDEX + " lists " + path + ", which is missing");
                    files.put(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return compile(files);
        } catch (IOException e) {
            throw new KnowledgeBaseException("cannot read the knowledge base: " + e.getMessage());
        }
    }

    /** The paths an index lists: one per line, blank lines and {@code #} comments skipped. */
    public static List<String> bundledPaths(InputStream index) throws IOException {
        List<String> paths = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            String p = line.strip();
            if (!p.isEmpty() && !p.startsWith("#")) paths.add(p);
        }
        return paths;
    }

    /**
     * Compiles files given as path (relative to {@code kb/}, which decides their role:
     * {@code provider/}, {@code advice/}, anything else generic) to text, in order.
     */
    public static KnowledgeBase compile(Map<String, String> files) {
        List<KbEntry> entries = new ArrayList<>();
        List<KbProvider> providers = new ArrayList<>();
        Map<Reason, ReasonDefault> defaults = new EnumMap<>(Reason.class);
        Set<String> seen = new java.util.HashSet<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            String path = f.getKey();
            List<KbStanza> stanzas;
            try (Reader r = new StringReader(f.getValue())) {
                stanzas = KbParser.parse(path, r);
            } catch (IOException e) {
                throw new KnowledgeBaseException(path + ": " + e.getMessage());
            }
            KbProvider provider = null;
            boolean providerFile = path.startsWith("provider/");
            for (int i = 0; i < stanzas.size(); i++) {
                KbStanza s = stanzas.get(i);
                if (s.id().equals("provider")) {
                    if (!providerFile || i != 0) throw s.error("a [provider] stanza belongs first in a provider/ file");
                    provider = provider(s);
                    for (KbProvider other : providers) {
                        if (other.id().equals(provider.id())) throw s.error("provider '" + provider.id() + "' defined twice");
                    }
                    providers.add(provider);
                    continue;
                }
                if (providerFile && provider == null) throw s.error("a provider/ file starts with its [provider] stanza");
                if (!seen.add(s.id())) throw s.error("id used twice in the knowledge base");
                if (path.startsWith("advice/")) {
                    ReasonDefault d = reasonDefault(s);
                    if (isTemporaryVariant(s)) {
                        ReasonDefault main = defaults.get(d.reason());
                        if (main == null) throw s.error("'when: temporary' comes after the reason's own stanza");
                        if (main.temporary() != null) throw s.error("second temporary default for reason " + d.reason().label());
                        defaults.put(d.reason(), main.withTemporary(d));
                    } else if (defaults.put(d.reason(), d) != null) {
                        throw s.error("second default for reason " + d.reason().label());
                    }
                } else {
                    entries.add(entry(s, provider, entries.size()));
                }
            }
        }
        return new KnowledgeBase(entries, providers, defaults);
    }

    private static KbProvider provider(KbStanza s) {
        checkKeys(s, PROVIDER_KEYS, false);
        // a name in another language (zh-CN.name: 网易邮箱...) is what a reader there knows it by
        Map<Lang, String> names = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            String name = lang == Lang.EN ? null : s.one(lang.tag() + ".name");
            if (name != null && !name.isBlank()) names.put(lang, name.strip());
        }
        String id = s.one("id");
        if (id == null || id.isBlank()) throw s.error("provider needs an id");
        List<String> hosts = new ArrayList<>();
        for (String v : s.all("hosts")) {
            for (String h : KbStanza.words(v)) hosts.add(h.toLowerCase(java.util.Locale.ROOT));
        }
        List<String> detect = new ArrayList<>();
        for (String v : s.all("detect")) {
            for (String d : KbStanza.parts(v, "|")) {
                String folded = FoldedText.fold(d);
                if (!folded.isEmpty()) detect.add(folded);
            }
        }
        return new KbProvider(id.strip(), s.one("name"), names, List.copyOf(hosts), List.copyOf(detect));
    }

    private static ReasonDefault reasonDefault(KbStanza s) {
        checkKeys(s, ADVICE_KEYS, true);
        Reason reason = reason(s);
        String pseudo = s.one("pseudo-status");
        if (pseudo != null) {
            pseudo = pseudo.strip();
            if (!isPseudoStatus(pseudo)) {
                throw s.error("pseudo-status '" + pseudo + "' is not X.0.9nn, 4.0.9nn or 5.0.9nn");
            }
        }
        return new ReasonDefault(reason, actor(s), retry(s), pseudo, advice(s));
    }

    /** A reason's stanza for a failure the server called temporary ({@code when: temporary}). */
    private static boolean isTemporaryVariant(KbStanza s) {
        String when = s.one("when");
        if (when == null) return false;
        if (!when.strip().equals("temporary")) throw s.error("an advice stanza knows only 'when: temporary'");
        if (s.one("pseudo-status") != null) throw s.error("the pseudo status belongs to the reason's own stanza");
        return true;
    }

    /** A reason's stand-in status: class X (4 or 5, decided per record), 4 or 5; subject 0; detail 9nn. */
    private static boolean isPseudoStatus(String code) {
        return code.length() == 7 && "X45".indexOf(code.charAt(0)) >= 0 && code.startsWith(".0.9", 1)
                && isDigit(code.charAt(5)) && isDigit(code.charAt(6));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static KbEntry entry(KbStanza s, KbProvider provider, int order) {
        checkKeys(s, ENTRY_KEYS, true);
        List<List<String>> match = new ArrayList<>();
        for (String m : s.all("match")) {
            List<String> all = new ArrayList<>();
            for (String part : KbStanza.parts(m, "&&")) {
                String folded = FoldedText.fold(part);
                if (folded.isEmpty()) throw s.error("empty literal in match '" + m + "'");
                all.add(folded);
            }
            match.add(List.copyOf(all));
        }
        Pattern pattern = null;
        String p = s.one("pattern");
        if (p != null) {
            if (match.isEmpty()) throw s.error("a pattern needs a match literal that gates it");
            try {
                pattern = Pattern.compile(p, Pattern.CASE_INSENSITIVE);
            } catch (PatternSyntaxException e) {
                throw s.error("bad pattern: " + e.getMessage());
            }
        }
        StatusCondition status;
        ReplyCondition reply;
        try {
            status = s.one("status") == null ? null : StatusCondition.parse(s.one("status"));
            reply = s.one("reply") == null ? null : ReplyCondition.parse(s.one("reply"));
        } catch (IllegalArgumentException e) {
            throw s.error(e.getMessage());
        }
        if (match.isEmpty() && status == null && reply == null) throw s.error("needs match, status or reply");
        String when = s.one("when");
        if (when != null && !(when.equals("provider") && provider != null)) {
            throw s.error("'when: provider' is the only 'when', and only in a provider file");
        }
        Tier tier = defaultTier(provider, match, status);
        String t = s.one("tier");
        if (t != null) {
            tier = Tier.fromLabel(t);
            if (tier == null || tier == Tier.PROVIDER) throw s.error("tier is one of text, status, weak, generic, reply");
            if (provider != null) throw s.error("provider entries are always in the provider tier");
        }
        return new KbEntry(s.id(), s.file(), order, provider, when != null, tier, List.copyOf(match), pattern,
                status, reply, s.one("code"), reason(s), actor(s), retry(s), advice(s), List.copyOf(s.all("example")));
    }

    private static Tier defaultTier(KbProvider provider, List<List<String>> match, StatusCondition status) {
        if (provider != null) return Tier.PROVIDER;
        if (!match.isEmpty()) return Tier.TEXT;
        if (status != null) return status.onlyGenericCodes() ? Tier.GENERIC : Tier.STATUS;
        return Tier.REPLY;
    }

    private static Reason reason(KbStanza s) {
        String v = s.one("reason");
        Reason r = Reason.fromLabel(v);
        if (r == null) throw s.error("unknown or missing reason '" + v + "'");
        return r;
    }

    private static Actor actor(KbStanza s) {
        String v = s.one("actor");
        if (v == null) return null;
        Actor a = Actor.fromLabel(v);
        if (a == null) throw s.error("unknown actor '" + v + "'");
        return a;
    }

    private static Retry retry(KbStanza s) {
        String v = s.one("retry");
        if (v == null) return null;
        Retry r = Retry.fromLabel(v);
        if (r == null) throw s.error("unknown retry '" + v + "'");
        return r;
    }

    private static Map<Lang, Advice> advice(KbStanza s) {
        Map<Lang, Advice> out = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            String ex = s.one(lang.tag() + ".explanation");
            String fix = s.one(lang.tag() + ".fix");
            if (ex != null || fix != null) out.put(lang, new Advice(ex, fix));
        }
        return Collections.unmodifiableMap(out);
    }

    private static void checkKeys(KbStanza s, Set<String> allowed, boolean adviceKeys) {
        for (String key : s.values().keySet()) {
            if (allowed.contains(key)) continue;
            if (adviceKeys && isAdviceKey(key)) continue;
            throw s.error("unknown key '" + key + "'");
        }
    }

    private static boolean isAdviceKey(String key) {
        for (Lang lang : Lang.values()) {
            if (key.equals(lang.tag() + ".explanation") || key.equals(lang.tag() + ".fix")) return true;
        }
        return false;
    }
}
