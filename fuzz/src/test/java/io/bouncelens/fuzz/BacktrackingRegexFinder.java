package io.bouncelens.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds every use of the JDK's back-tracking regex engine in the main code of every module
 * ({@code *}{@code /src/main/java}): {@code java.util.regex} types, {@code String.matches / split /
 * replaceAll / replaceFirst} (each compiles its argument as a {@code java.util.regex} pattern) and
 * {@code java.util.Scanner} (regex delimiters).
 *
 * <p>A source file is judged by its compiled classes when they are at least as new as the source
 * (exact: the call's owner type is known). A module not compiled yet, or a source edited since,
 * is judged by its text with comments and string literals removed, which is stricter (any
 * {@code .split(} counts) but never misses a use.
 */
final class BacktrackingRegexFinder {

    /** One use: the source file relative to the repository root, and what it uses. */
    record Use(String source, String what) {
        @Override
        public String toString() {
            return source + ": " + what;
        }
    }

    /** What a search read and found. */
    record Report(List<String> scannedSources, List<Use> uses) {
    }

    private static final Set<String> STRING_REGEX_METHODS =
            Set.of("matches", "split", "splitWithDelimiters", "replaceAll", "replaceFirst");

    private final Path root;

    BacktrackingRegexFinder(Path root) {
        this.root = root;
    }

    Report findAll() throws IOException {
        List<String> scanned = new ArrayList<>();
        List<Use> uses = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.sorted().toList()) {
                Path sources = module.resolve("src/main/java");
                if (Files.isDirectory(sources)) uses.addAll(findInModule(module, sources, scanned));
            }
        }
        return new Report(scanned, uses);
    }

    private List<Use> findInModule(Path module, Path sources, List<String> scanned) throws IOException {
        Map<String, List<ClassFileReferences>> compiledBySource = compiledClassesBySource(module.resolve("target/classes"));
        List<Use> uses = new ArrayList<>();
        List<Path> javaFiles;
        try (Stream<Path> walk = Files.walk(sources)) {
            javaFiles = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path javaFile : javaFiles) {
            String relative = root.relativize(javaFile).toString();
            scanned.add(relative);
            String packageDir = sources.relativize(javaFile.getParent()).toString();
            List<ClassFileReferences> classes = compiledBySource.get(packageDir + "/" + javaFile.getFileName());
            Path newestClass = module.resolve("target/classes").resolve(packageDir)
                    .resolve(javaFile.getFileName().toString().replace(".java", ".class"));
            boolean compiledAndCurrent = classes != null && Files.exists(newestClass)
                    && Files.getLastModifiedTime(newestClass).compareTo(Files.getLastModifiedTime(javaFile)) >= 0;
            Set<String> found = compiledAndCurrent ? usesInBytecode(classes) : usesInSourceText(Files.readString(javaFile));
            for (String what : found) uses.add(new Use(relative, what));
        }
        return uses;
    }

    /** Compiled classes keyed by package directory + SourceFile, so nested and anonymous classes count. */
    private static Map<String, List<ClassFileReferences>> compiledClassesBySource(Path classes) throws IOException {
        Map<String, List<ClassFileReferences>> bySource = new HashMap<>();
        if (!Files.isDirectory(classes)) return bySource;
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path classFile : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
                ClassFileReferences refs = ClassFileReferences.read(Files.readAllBytes(classFile));
                if (refs.sourceFile() == null) continue;
                String key = classes.relativize(classFile.getParent()) + "/" + refs.sourceFile();
                bySource.computeIfAbsent(key, k -> new ArrayList<>()).add(refs);
            }
        }
        return bySource;
    }

    static Set<String> usesInBytecode(List<ClassFileReferences> classes) {
        Set<String> found = new TreeSet<>();
        for (ClassFileReferences refs : classes) {
            for (String mention : refs.mentions()) {
                int at = mention.indexOf("java/util/regex/");
                if (at >= 0) found.add(typeNameAt(mention, at));
                if (mention.contains("java/util/Scanner")) found.add("java.util.Scanner");
            }
            for (String method : refs.methodsCalled()) {
                int dot = method.lastIndexOf('.');
                String owner = method.substring(0, dot);
                String name = method.substring(dot + 1);
                if (owner.equals("java/lang/String") && STRING_REGEX_METHODS.contains(name)) {
                    found.add("String." + name);
                }
            }
        }
        return found;
    }

    /** The dotted type name starting at {@code at} in a class name or descriptor. */
    private static String typeNameAt(String mention, int at) {
        int end = at;
        while (end < mention.length() && mention.charAt(end) != ';' && mention.charAt(end) != ')'
                && mention.charAt(end) != '$') {
            end++;
        }
        return mention.substring(at, end).replace('/', '.');
    }

    static Set<String> usesInSourceText(String source) {
        String code = withoutCommentsAndLiterals(source);
        Set<String> found = new TreeSet<>();
        if (code.contains("java.util.regex")) found.add("java.util.regex");
        if (code.contains("java.util.Scanner")) found.add("java.util.Scanner");
        for (String method : STRING_REGEX_METHODS) {
            if (containsCall(code, "." + method)) found.add("String." + method + " (by source text)");
        }
        return found;
    }

    private static boolean containsCall(String code, String dottedName) {
        int from = 0;
        while (true) {
            int at = code.indexOf(dottedName, from);
            if (at < 0) return false;
            int after = at + dottedName.length();
            while (after < code.length() && Character.isWhitespace(code.charAt(after))) after++;
            if (after < code.length() && code.charAt(after) == '(') return true;
            from = at + 1;
        }
    }

    /** Blanks comments and string / char literals so that only code is searched. */
    static String withoutCommentsAndLiterals(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') i++;
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                code.append("\"\"");
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && source.charAt(i) != c && source.charAt(i) != '\n') {
                    if (source.charAt(i) == '\\') i++;
                    i++;
                }
                i++;
                code.append(c).append(c);
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }
}
