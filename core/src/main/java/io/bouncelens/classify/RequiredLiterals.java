package io.bouncelens.classify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The literals an entry's pattern cannot match without, so the classifier runs the pattern (an
 * RE2/J search over the whole reply, the dearest step by far) only when the literal automaton has
 * already found them. The answer is groups of folded literals: from every group, at least one must
 * occur in the folded reply. For {@code (ofr|lpn)[a-z0-9]*_?(416|417)\b} that is
 * {@code {ofr, lpn}} and {@code {416, 417}}: among a dozen patterns gated by "ofr", only the one
 * whose code is in the reply runs.
 *
 * <p>Derived from the pattern's text by a small reader of the usual syntax (literals, groups,
 * alternation, classes, quantifiers, escapes, anchors). It is conservative: whatever it does not
 * understand adds no requirement, so a pattern that would match always runs, and decisions are the
 * same as running every pattern. Patterns are case-insensitive and run on the folded text, where
 * the only character other than a literal's own that can match an ASCII letter is the long s
 * ({@code ſ}, which RE2/J's case folding equates with {@code s} and {@link FoldedText} keeps), so
 * no required literal contains an {@code s}: the longest piece without one is required instead.
 */
final class RequiredLiterals {

    /** More alternatives than this in one group, or groups in one pattern, say too little to be worth it. */
    private static final int MAX_STRINGS = 16;
    private static final int MAX_GROUPS = 16;
    /** Shorter literals would be found almost everywhere (and make the automaton report more). */
    private static final int MIN_LENGTH = 2;

    private final String pattern;
    private int pos;

    private RequiredLiterals(String pattern) {
        this.pattern = pattern;
    }

    /** The groups of folded literals {@code pattern} needs (one of each group); empty when nothing is known. */
    static List<List<String>> of(String pattern) {
        Node node = read(pattern);
        List<List<String>> groups = new ArrayList<>();
        if (node != null) for (Set<String> g : node.groups()) groups.add(List.copyOf(g));
        return groups;
    }

    /**
     * Strings one of which every match of {@code pattern} in a folded text starts with, as they
     * appear there (so the search can start at the first of them); empty when not known. Cut
     * before an 's' for the same reason as the literals.
     */
    static List<String> starts(String pattern) {
        Node node = read(pattern);
        Set<String> starts = node == null ? null : node.exact() != null ? node.exact() : node.starts();
        if (starts == null) return List.of();
        Set<String> out = new LinkedHashSet<>();
        for (String s : starts) {
            int cut = s.indexOf('s');
            String start = cut < 0 ? s : s.substring(0, cut);
            if (start.isEmpty()) return List.of();
            out.add(start);
        }
        return List.copyOf(out);
    }

    private static Node read(String pattern) {
        try {
            RequiredLiterals reader = new RequiredLiterals(pattern);
            Node node = reader.alternation();
            return reader.pos == pattern.length() ? node : null;
        } catch (Unknown e) {
            return null;
        }
    }

    /** Syntax the reader does not handle: no requirement. */
    private static final class Unknown extends Exception {
        Unknown() {
            super(null, null, false, false);
        }
    }

    /**
     * What is known about part of a pattern: either the exact, finite set of strings it matches
     * ({@code exact}, lower case), or groups of literals its matches contain (and of ors), and
     * strings one of which every match starts with ({@code starts}, null when unknown).
     */
    private record Node(Set<String> exact, List<Set<String>> required, Set<String> starts) {

        static final Node ANY = new Node(null, List.of(), null);
        static final Node EMPTY = exactly(Set.of(""));

        static Node exactly(Set<String> strings) {
            return new Node(strings, List.of(), strings);
        }

        /** As groups of usable folded literals: an exact set becomes one group, if every string yields a literal. */
        List<Set<String>> groups() {
            if (exact == null) return required;
            Set<String> group = new LinkedHashSet<>();
            for (String s : exact) {
                String literal = withoutLongS(s);
                if (literal == null) return List.of();
                group.add(literal);
            }
            return List.of(group);
        }
    }

    /** The longest folded piece of {@code s} without an 's' (see the class comment), or null when too short. */
    private static String withoutLongS(String s) {
        String best = "";
        for (String piece : KbStanza.parts(s, "s")) {
            String folded = FoldedText.fold(piece);
            if (folded.length() > best.length()) best = folded;
        }
        return best.length() >= MIN_LENGTH ? best : null;
    }

    private Node alternation() throws Unknown {
        List<Node> branches = new ArrayList<>();
        branches.add(concatenation());
        while (pos < pattern.length() && pattern.charAt(pos) == '|') {
            pos++;
            branches.add(concatenation());
        }
        if (branches.size() == 1) return branches.get(0);
        Set<String> union = new LinkedHashSet<>();
        for (Node b : branches) {
            if (b.exact() == null) {
                union = null;
                break;
            }
            union.addAll(b.exact());
        }
        if (union != null && union.size() <= MAX_STRINGS) return Node.exactly(union);
        Set<String> starts = new LinkedHashSet<>();
        for (Node b : branches) {
            if (starts == null || b.starts() == null) {
                starts = null;
            } else {
                starts.addAll(b.starts());
            }
        }
        if (starts != null && starts.size() > MAX_STRINGS) starts = null;
        // (A1 and A2) or B  ==  (A1 or B) and (A2 or B): one group per choice of a group in each branch.
        List<Set<String>> cnf = List.of(new LinkedHashSet<>());
        for (Node b : branches) {
            List<Set<String>> groups = b.groups();
            if (groups.isEmpty()) return new Node(null, List.of(), starts); // a branch that needs nothing: the whole needs nothing
            List<Set<String>> product = new ArrayList<>();
            for (Set<String> sofar : cnf) {
                for (Set<String> g : groups) {
                    Set<String> merged = new LinkedHashSet<>(sofar);
                    merged.addAll(g);
                    if (merged.size() <= MAX_STRINGS) product.add(merged);
                }
            }
            if (product.isEmpty() || product.size() > MAX_GROUPS) return new Node(null, List.of(), starts);
            cnf = product;
        }
        return new Node(null, cnf, starts);
    }

    private Node concatenation() throws Unknown {
        List<Set<String>> required = new ArrayList<>();
        Set<String> run = Set.of(""); // the exact strings of the items read since the last inexact one
        boolean exact = true;
        Set<String> starts = null;
        while (pos < pattern.length() && pattern.charAt(pos) != '|' && pattern.charAt(pos) != ')') {
            Node item = quantified(atom());
            if (item.exact() != null) {
                Set<String> joined = product(run, item.exact());
                if (joined != null) {
                    run = joined;
                    continue;
                }
            }
            if (exact) { // the first inexact item: matches start with what came before it, then its start
                Set<String> itemStarts = item.exact() != null ? item.exact() : item.starts();
                Set<String> joined = itemStarts == null ? null : product(run, itemStarts);
                starts = joined != null ? joined : run;
            }
            exact = false;
            required.addAll(Node.exactly(run).groups());
            run = item.exact() != null ? item.exact() : Set.of("");
            required.addAll(item.required());
        }
        if (exact) return Node.exactly(run);
        required.addAll(Node.exactly(run).groups());
        return new Node(null, required.size() <= MAX_GROUPS ? required : List.of(), starts);
    }

    private static Set<String> product(Set<String> left, Set<String> right) {
        if ((long) left.size() * right.size() > MAX_STRINGS) return null;
        Set<String> out = new LinkedHashSet<>();
        for (String a : left) for (String b : right) out.add(a + b);
        return out;
    }

    private Node quantified(Node atom) throws Unknown {
        if (pos >= pattern.length()) return atom;
        char c = pattern.charAt(pos);
        int min;
        if (c == '*' || c == '?') {
            pos++;
            min = 0;
        } else if (c == '+') {
            pos++;
            min = 1;
        } else if (c == '{') {
            int close = pattern.indexOf('}', pos);
            if (close < 0) throw new Unknown();
            String bounds = pattern.substring(pos + 1, close);
            int comma = bounds.indexOf(',');
            try {
                min = Integer.parseInt(comma < 0 ? bounds : bounds.substring(0, comma));
            } catch (NumberFormatException e) {
                throw new Unknown();
            }
            pos = close + 1;
        } else {
            return atom;
        }
        if (pos < pattern.length() && pattern.charAt(pos) == '?') pos++; // lazy: same strings
        if (min == 0) return Node.ANY;
        // Repeated at least once: its requirements hold and it starts as once, but its exact
        // strings are no longer the whole.
        return new Node(null, atom.groups(), atom.exact() != null ? atom.exact() : atom.starts());
    }

    private Node atom() throws Unknown {
        char c = pattern.charAt(pos++);
        switch (c) {
            case '(' -> {
                if (pattern.startsWith("?:", pos)) {
                    pos += 2;
                } else if (pos < pattern.length() && pattern.charAt(pos) == '?') {
                    throw new Unknown(); // flags, named groups
                }
                Node inner = alternation();
                if (pos >= pattern.length() || pattern.charAt(pos) != ')') throw new Unknown();
                pos++;
                return inner;
            }
            case '[' -> {
                return characterClass();
            }
            case '.' -> {
                return Node.ANY;
            }
            case '^', '$' -> {
                return Node.EMPTY;
            }
            case '\\' -> {
                if (pos >= pattern.length()) throw new Unknown();
                char e = pattern.charAt(pos++);
                if (e == 'b' || e == 'B' || e == 'A' || e == 'z') return Node.EMPTY;
                if ("dDwWsS".indexOf(e) >= 0) return Node.ANY;
                if (e < 128 && !Character.isLetterOrDigit(e)) return literal(e);
                throw new Unknown(); // \p{...}, \Q, \x.., octal, ...
            }
            case '*', '+', '?', '{', ')', '|' -> throw new Unknown();
            default -> {
                return literal(c);
            }
        }
    }

    private static Node literal(char c) throws Unknown {
        if (c >= 128) throw new Unknown(); // case folding beyond ASCII: not worth the risk
        return Node.exactly(Set.of(String.valueOf(Character.toLowerCase(c))));
    }

    /** A class: its characters when it is a short positive list, else anything. */
    private Node characterClass() throws Unknown {
        boolean negated = pos < pattern.length() && pattern.charAt(pos) == '^';
        if (negated) pos++;
        Set<String> chars = new LinkedHashSet<>();
        boolean listable = !negated;
        boolean first = true;
        while (true) {
            if (pos >= pattern.length()) throw new Unknown();
            char c = pattern.charAt(pos++);
            if (c == ']' && !first) break;
            first = false;
            if (c == '[') throw new Unknown(); // [:alpha:] and the like
            if (c == '\\') {
                if (pos >= pattern.length()) throw new Unknown();
                char e = pattern.charAt(pos++);
                if (Character.isLetterOrDigit(e) || e >= 128) {
                    if ("dDwWsS".indexOf(e) < 0) throw new Unknown();
                    listable = false;
                    continue;
                }
                c = e;
            }
            if (c >= 128) throw new Unknown();
            if (pos + 1 < pattern.length() && pattern.charAt(pos) == '-' && pattern.charAt(pos + 1) != ']') {
                char to = pattern.charAt(pos + 1);
                if (to == '\\' || to >= 128 || to < c) throw new Unknown();
                pos += 2;
                for (char x = c; x <= to && listable; x++) {
                    chars.add(String.valueOf(Character.toLowerCase(x)));
                    if (chars.size() > 4) listable = false;
                }
                continue;
            }
            chars.add(String.valueOf(Character.toLowerCase(c)));
            if (chars.size() > 4) listable = false;
        }
        return listable ? Node.exactly(chars) : Node.ANY;
    }
}
