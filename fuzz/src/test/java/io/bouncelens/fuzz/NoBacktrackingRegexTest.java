package io.bouncelens.fuzz;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build check behind "text from outside is matched only in linear time": main code may not
 * reach the JDK's back-tracking regex engine, whose worst case on a crafted bounce is exponential.
 * Use literal scanning, the knowledge base's automaton, a hand-written scanner or RE2/J.
 */
class NoBacktrackingRegexTest {

    /**
     * Reviewed uses on text that never comes from outside, keyed "source: what", each with why it
     * is safe. Keep it short; an entry no longer needed fails the test so it cannot linger.
     */
    private static final Map<String, String> REVIEWED = Map.of(
            "bench/src/main/java/io/bouncelens/bench/SharedCorpus.java: String.split",
            "benchmark harness splitting our own seed TSV on a tab (a one-char literal: the JDK's "
                    + "non-regex fast path); never runs on a user's input");

    @Test
    void mainCodeUsesNoBacktrackingRegexOutsideTheReviewedList() throws IOException {
        Set<String> found = new TreeSet<>();
        for (BacktrackingRegexFinder.Use use : new BacktrackingRegexFinder(repositoryRoot()).findAll().uses()) {
            found.add(use.toString());
        }
        assertThat(found.stream().filter(use -> !REVIEWED.containsKey(use)).toList())
                .as("java.util.regex in main code (a crafted bounce can make it run for hours); "
                        + "match with literals, a scanner or RE2/J (com.google.re2j)")
                .isEmpty();
        assertThat(REVIEWED.keySet().stream().filter(use -> !found.contains(use)).toList())
                .as("reviewed uses that are gone: drop them from the list")
                .isEmpty();
    }

    @Test
    void readsTheMainCodeOfEveryModule() throws IOException {
        // A finder that silently read nothing would pass everything.
        assertThat(new BacktrackingRegexFinder(repositoryRoot()).findAll().scannedSources()).contains(
                "core/src/main/java/io/bouncelens/Bouncelens.java",
                "cli/src/main/java/io/bouncelens/cli/Main.java");
    }

    private static Path repositoryRoot() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    }

    @Test
    void findsEveryKindOfUseInCompiledCode() throws IOException {
        ClassFileReferences fixture = compiled(RegexUsingFixture.class);
        assertThat(BacktrackingRegexFinder.usesInBytecode(List.of(fixture))).containsExactlyInAnyOrder(
                "java.util.regex.Pattern", "java.util.regex.Matcher", "java.util.Scanner",
                "String.split", "String.matches", "String.replaceAll", "String.replaceFirst");
        assertThat(fixture.sourceFile()).isEqualTo("NoBacktrackingRegexTest.java");
    }

    @Test
    void acceptsLiteralStringMethodsAndRe2j() throws IOException {
        assertThat(BacktrackingRegexFinder.usesInBytecode(List.of(compiled(LinearFixture.class)))).isEmpty();
    }

    @Test
    void findsUsesInSourceTextButNotInCommentsOrStrings() {
        String source = """
                import java.util.regex.Pattern;
                class A {
                    // text.split(",") in a comment is not a call
                    /* nor text.replaceAll("a", "b") here */
                    String s = "x.matches(y)";
                    String[] parts(String text) { return text.split(","); }
                    boolean ok(String t) { return t .matches ("a+"); }
                }
                """;
        Set<String> found = BacktrackingRegexFinder.usesInSourceText(source);
        assertThat(found).containsExactlyInAnyOrder("java.util.regex",
                "String.split (by source text)", "String.matches (by source text)");
        assertThat(BacktrackingRegexFinder.usesInSourceText(
                "class B { String f(String t) { return t.replace(\"a\", \"b\"); } }")).isEmpty();
    }

    private static ClassFileReferences compiled(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(
                type.getName().substring(type.getPackageName().length() + 1) + ".class")) {
            assertThat(in).as("class file of " + type).isNotNull();
            return ClassFileReferences.read(in.readAllBytes());
        }
    }

    /** Each way main code could reach java.util.regex, for the finder to catch. */
    @SuppressWarnings("unused")
    static final class RegexUsingFixture {
        Object uses(String text) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(a+)+b").matcher(text);
            return List.of(m.find(), text.split(","), text.matches("x+"), text.replaceAll("a", "b"),
                    text.replaceFirst("a", "b"), new java.util.Scanner(text).useDelimiter(",").next());
        }
    }

    /** Look-alikes that are linear: literal replace, indexOf, RE2/J's own split and matches. */
    @SuppressWarnings("unused")
    static final class LinearFixture {
        Object uses(String text) {
            com.google.re2j.Pattern p = com.google.re2j.Pattern.compile("(a+)+b");
            return List.of(text.replace("a", "b"), text.indexOf("x"), p.split(text), p.matcher(text).matches(),
                    com.google.re2j.Pattern.matches("a", text), Set.of(text).stream().collect(Collectors.joining(",")));
        }
    }
}
