package io.bouncelens.classify;

import io.bouncelens.Actor;
import io.bouncelens.Lang;
import io.bouncelens.Reason;
import io.bouncelens.Retry;
import io.bouncelens.advise.Advice;

import com.google.re2j.Pattern;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The bundled knowledge base compiled at build time: every entry, provider and default with the
 * classifier's tables (its automaton included), in a binary form that loads without parsing the
 * {@code .kb} text or building the automaton. Reading 600 KB of text from 50 resources, parsing
 * it and building the automaton took 0.25 s of a one-message run's 0.5 s on a slow machine, on
 * the path every command waits for; the image is one resource read in one pass.
 *
 * <p>The build writes it ({@link #main}, in Maven's {@code process-classes} phase, from the text
 * just copied to the classes directory), so it is never older than the text in the same jar.
 * Run from the sources without that phase (an IDE) there is no image and the text is compiled as
 * before. The format is ours alone and changes with the classes: a header names its version and
 * an image of another version is refused, never half read.
 *
 * <p>Layout: magic, version, a CRC-32 of all that follows (a damaged image is refused whole, not
 * found out by a wrong verdict), the string table (each distinct string once, as one UTF-8 block
 * decoded in one call), then the body, which refers to strings by their number.
 */
public final class KnowledgeBaseImage { // public only for the build's exec plugin to call main

    /** Where the build puts the image on the class path. */
    static final String RESOURCE = KnowledgeBase.ROOT + "compiled.image";

    private static final int MAGIC = 0x424C4B42; // "BLKB"
    private static final int VERSION = 4; // 4: the automaton's table entries without a hit bit (stop 35)
    private static final int NONE = -1;
    private static final int CHECKSUM_AT = 8;

    private KnowledgeBaseImage() {
    }

    /**
     * Writes the image of the knowledge base compiled from the text under the class path to the
     * file named by the one argument (the build calls this; see the class comment).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: KnowledgeBaseImage OUTPUT-FILE");
        KnowledgeBase kb = KnowledgeBase.compileBundledText();
        byte[] image = write(kb);
        // The build checks its own work: the image read back must write the same bytes.
        if (!Arrays.equals(image, write(read(image)))) {
            throw new IllegalStateException("knowledge base image does not read back as written");
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, image);
    }

    /** CRC-32 of everything after the checksum. */
    private static int checksum(byte[] image) {
        CRC32 crc = new CRC32();
        crc.update(image, CHECKSUM_AT + 4, image.length - CHECKSUM_AT - 4);
        return (int) crc.getValue();
    }

    static byte[] write(KnowledgeBase kb) {
        Out out = new Out();
        List<KbProvider> providers = kb.providers();
        out.integer(providers.size());
        for (KbProvider p : providers) {
            out.string(p.id());
            out.string(p.name());
            out.integer(p.names().size());
            for (Map.Entry<Lang, String> name : p.names().entrySet()) {
                out.integer(name.getKey().ordinal());
                out.string(name.getValue());
            }
            out.strings(p.hosts());
            out.strings(p.detect());
        }
        out.integer(kb.entries().size());
        for (KbEntry e : kb.entries()) writeEntry(out, e, providers);
        Map<Reason, ReasonDefault> defaults = kb.reasonDefaults();
        out.integer(defaults.size());
        for (ReasonDefault d : defaults.values()) {
            out.integer(d.reason().ordinal());
            out.integer(d.actor() == null ? NONE : d.actor().ordinal());
            out.integer(d.retry() == null ? NONE : d.retry().ordinal());
            out.string(d.pseudoStatus());
            writeAdvice(out, d.advice());
            ReasonDefault t = d.temporary();
            out.bool(t != null);
            if (t != null) {
                out.integer(t.actor() == null ? NONE : t.actor().ordinal());
                out.integer(t.retry() == null ? NONE : t.retry().ordinal());
                writeAdvice(out, t.advice());
            }
        }
        KbTables t = kb.tables();
        t.automaton().write(out);
        out.strings(List.of(t.literals()));
        out.ints2(t.entriesByLiteral());
        out.ints2(t.providersByLiteral());
        out.integer(t.alternatives().length);
        for (int[][] a : t.alternatives()) out.ints2(a);
        out.integer(t.patternNeeds().length);
        for (int[][] n : t.patternNeeds()) out.ints2(n);
        out.integer(t.patternStarts().length);
        for (String[] s : t.patternStarts()) out.strings(List.of(s));
        out.ints(t.codeOnly());
        out.ints(t.codeOnlyWithoutStatus());
        out.ints2(t.codeOnlyByStatus());
        return out.finish();
    }

    private static void writeEntry(Out out, KbEntry e, List<KbProvider> providers) {
        out.string(e.id());
        out.string(e.file());
        out.integer(e.order());
        out.integer(e.provider() == null ? NONE : providers.indexOf(e.provider()));
        out.bool(e.onlyWhenProviderDetected());
        out.integer(e.tier().ordinal());
        out.integer(e.match().size());
        for (List<String> all : e.match()) out.strings(all);
        out.string(e.pattern() == null ? null : e.pattern().pattern());
        out.integer(e.pattern() == null ? 0 : e.pattern().flags());
        if (e.status() == null) {
            out.integer(NONE);
        } else {
            out.integer(e.status().ranges().size());
            for (StatusCondition.Range r : e.status().ranges()) {
                out.integer(r.statusClass());
                out.integer(r.subject());
                out.integer(r.detailFrom());
                out.integer(r.detailTo());
            }
        }
        if (e.reply() == null) {
            out.integer(NONE);
        } else {
            out.integer(0);
            out.ints(e.reply().codes());
            out.integer(e.reply().classes().length);
            for (boolean c : e.reply().classes()) out.bool(c);
        }
        out.string(e.code());
        out.integer(e.reason().ordinal());
        out.integer(e.actor() == null ? NONE : e.actor().ordinal());
        out.integer(e.retry() == null ? NONE : e.retry().ordinal());
        writeAdvice(out, e.advice());
        out.strings(e.examples());
    }

    private static void writeAdvice(Out out, Map<Lang, Advice> advice) {
        out.integer(advice.size());
        for (Map.Entry<Lang, Advice> a : advice.entrySet()) {
            out.integer(a.getKey().ordinal());
            out.string(a.getValue().explanation());
            out.string(a.getValue().fix());
        }
    }

    /** The knowledge base an image holds; throws {@link KnowledgeBaseException} for a damaged or foreign one. */
    static KnowledgeBase read(byte[] image) {
        try {
            In in = new In(image);
            List<KbProvider> providers = new ArrayList<>();
            for (int n = in.count(); n > 0; n--) {
                String id = in.string();
                String name = in.string();
                Map<Lang, String> names = new EnumMap<>(Lang.class);
                for (int k = in.count(); k > 0; k--) names.put(in.of(LANGS), in.string());
                providers.add(new KbProvider(id, name, names, in.strings(), in.strings()));
            }
            List<KbEntry> entries = new ArrayList<>();
            for (int n = in.count(); n > 0; n--) entries.add(readEntry(in, providers));
            Map<Reason, ReasonDefault> defaults = new EnumMap<>(Reason.class);
            for (int n = in.count(); n > 0; n--) {
                Reason reason = in.of(REASONS);
                ReasonDefault d = new ReasonDefault(reason, in.ofOrNull(ACTORS), in.ofOrNull(RETRIES), in.string(),
                        readAdvice(in));
                if (in.bool()) {
                    d = d.withTemporary(new ReasonDefault(reason, in.ofOrNull(ACTORS), in.ofOrNull(RETRIES), null,
                            readAdvice(in)));
                }
                defaults.put(reason, d);
            }
            LiteralAutomaton automaton = LiteralAutomaton.read(in);
            String[] literals = in.strings().toArray(new String[0]);
            int[][] entriesByLiteral = in.ints2();
            int[][] providersByLiteral = in.ints2();
            int[][][] alternatives = new int[in.count()][][];
            for (int i = 0; i < alternatives.length; i++) alternatives[i] = in.ints2();
            int[][][] patternNeeds = new int[in.count()][][];
            for (int i = 0; i < patternNeeds.length; i++) patternNeeds[i] = in.ints2();
            String[][] patternStarts = new String[in.count()][];
            for (int i = 0; i < patternStarts.length; i++) patternStarts[i] = in.strings().toArray(new String[0]);
            KbTables tables = new KbTables(automaton, literals, entriesByLiteral, providersByLiteral, alternatives,
                    patternNeeds, patternStarts, in.ints(), in.ints(), in.ints2());
            in.end();
            if (alternatives.length != entries.size() || patternNeeds.length != entries.size()
                    || patternStarts.length != entries.size() || literals.length != automaton.literalCount()
                    || entriesByLiteral.length != literals.length || providersByLiteral.length != literals.length
                    || tables.codeOnlyByStatus().length != KbTables.STATUS_KEYS) {
                throw new KnowledgeBaseException("knowledge base image: its tables do not fit its entries");
            }
            return new KnowledgeBase(entries, providers, defaults, tables);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new KnowledgeBaseException("knowledge base image is damaged (" + e + "); rebuild with ./mvnw package");
        }
    }

    private static final Reason[] REASONS = Reason.values();
    private static final Actor[] ACTORS = Actor.values();
    private static final Retry[] RETRIES = Retry.values();
    private static final Tier[] TIERS = Tier.values();
    private static final Lang[] LANGS = Lang.values();

    private static KbEntry readEntry(In in, List<KbProvider> providers) {
        String id = in.string();
        String file = in.string();
        int order = in.integer();
        int provider = in.integer();
        boolean when = in.bool();
        Tier tier = in.of(TIERS);
        List<List<String>> match = new ArrayList<>();
        for (int n = in.count(); n > 0; n--) match.add(in.strings());
        String source = in.string();
        int flags = in.integer();
        Pattern pattern = source == null ? null : Pattern.compile(source, flags);
        StatusCondition status = null;
        int ranges = in.integer();
        if (ranges != NONE) {
            List<StatusCondition.Range> list = new ArrayList<>();
            for (int r = 0; r < ranges; r++) {
                list.add(new StatusCondition.Range(in.integer(), in.integer(), in.integer(), in.integer()));
            }
            status = new StatusCondition(List.copyOf(list));
        }
        ReplyCondition reply = null;
        if (in.integer() != NONE) {
            int[] codes = in.ints();
            boolean[] classes = new boolean[in.count()];
            for (int c = 0; c < classes.length; c++) classes[c] = in.bool();
            reply = new ReplyCondition(codes, classes);
        }
        return new KbEntry(id, file, order, provider == NONE ? null : providers.get(provider), when, tier,
                List.copyOf(match), pattern, status, reply, in.string(), in.of(REASONS), in.ofOrNull(ACTORS),
                in.ofOrNull(RETRIES), readAdvice(in), in.strings());
    }

    private static Map<Lang, Advice> readAdvice(In in) {
        Map<Lang, Advice> advice = new EnumMap<>(Lang.class);
        for (int n = in.count(); n > 0; n--) advice.put(in.of(LANGS), new Advice(in.string(), in.string()));
        return Collections.unmodifiableMap(advice);
    }

    /** Writes the body as it goes and the string table in front of it at the end. */
    static final class Out {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final DataOutputStream data = new DataOutputStream(body);
        private final Map<String, Integer> strings = new LinkedHashMap<>();

        void integer(int v) {
            try {
                data.writeInt(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a byte array does not fail
            }
        }

        void bool(boolean v) {
            integer(v ? 1 : 0);
        }

        void string(String s) {
            integer(s == null ? NONE : strings.computeIfAbsent(s, k -> strings.size()));
        }

        void strings(List<String> list) {
            integer(list.size());
            for (String s : list) string(s);
        }

        void ints(int[] a) {
            integer(a.length);
            for (int v : a) integer(v);
        }

        void ints2(int[][] a) {
            integer(a.length);
            for (int[] v : a) ints(v);
        }

        void chars(char[] a) {
            integer(a.length);
            try {
                for (char c : a) data.writeChar(c);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void longs(long[] a) {
            integer(a.length);
            try {
                for (long v : a) data.writeLong(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        byte[] finish() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            DataOutputStream head = new DataOutputStream(all);
            try {
                head.writeInt(MAGIC);
                head.writeInt(VERSION);
                head.writeInt(0); // the checksum, below
                head.writeInt(strings.size());
                StringBuilder text = new StringBuilder();
                for (String s : strings.keySet()) {
                    head.writeInt(s.length());
                    text.append(s);
                }
                byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
                head.writeInt(utf8.length);
                head.write(utf8);
                body.writeTo(head);
                head.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] image = all.toByteArray();
            ByteBuffer.wrap(image).putInt(CHECKSUM_AT, checksum(image));
            return image;
        }
    }

    /** Reads what {@link Out} wrote; every count is checked against the bytes left before anything is allocated. */
    static final class In {
        private final ByteBuffer buf;
        private final String[] strings;

        In(byte[] image) {
            buf = ByteBuffer.wrap(image);
            if (image.length < 8 || buf.getInt() != MAGIC) throw new KnowledgeBaseException("not a knowledge base image");
            int version = buf.getInt();
            if (version != VERSION) {
                throw new KnowledgeBaseException("knowledge base image of version " + version + ", not " + VERSION
                        + "; rebuild with ./mvnw package");
            }
            if (image.length < CHECKSUM_AT + 4 || buf.getInt() != checksum(image)) {
                throw new KnowledgeBaseException("knowledge base image is damaged (checksum); rebuild with ./mvnw package");
            }
            int[] lengths = new int[count()];
            for (int i = 0; i < lengths.length; i++) lengths[i] = buf.getInt();
            int bytes = count();
            String text = new String(image, buf.position(), bytes, StandardCharsets.UTF_8);
            buf.position(buf.position() + bytes);
            strings = new String[lengths.length];
            for (int i = 0, at = 0; i < lengths.length; at += lengths[i++]) strings[i] = text.substring(at, at + lengths[i]);
        }

        int integer() {
            return buf.getInt();
        }

        /** A count of things still to come, each at least a byte (so a damaged one cannot ask for more than is there). */
        int count() {
            int n = buf.getInt();
            if (n < 0 || n > buf.remaining()) throw new KnowledgeBaseException("knowledge base image is damaged (count " + n + ")");
            return n;
        }

        boolean bool() {
            return buf.getInt() != 0;
        }

        String string() {
            int i = buf.getInt();
            return i == NONE ? null : strings[i];
        }

        List<String> strings() {
            String[] out = new String[count()];
            for (int i = 0; i < out.length; i++) out[i] = string();
            return List.of(out);
        }

        <E> E of(E[] values) {
            return values[buf.getInt()];
        }

        <E> E ofOrNull(E[] values) {
            int i = buf.getInt();
            return i == NONE ? null : values[i];
        }

        int[] ints() {
            int[] a = new int[count()];
            buf.asIntBuffer().get(a);
            buf.position(buf.position() + 4 * a.length);
            return a;
        }

        int[][] ints2() {
            int[][] a = new int[count()][];
            for (int i = 0; i < a.length; i++) a[i] = ints();
            return a;
        }

        char[] chars() {
            char[] a = new char[count()];
            buf.asCharBuffer().get(a);
            buf.position(buf.position() + 2 * a.length);
            return a;
        }

        long[] longs() {
            long[] a = new long[count()];
            buf.asLongBuffer().get(a);
            buf.position(buf.position() + 8 * a.length);
            return a;
        }

        void end() {
            if (buf.hasRemaining()) throw new KnowledgeBaseException("knowledge base image is damaged (" + buf.remaining() + " bytes after its end)");
        }
    }
}
