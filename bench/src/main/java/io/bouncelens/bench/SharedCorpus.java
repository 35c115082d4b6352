package io.bouncelens.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The benchmarks' input, read from the shared test data at set-up time (never copied into the
 * repository): the labeled corpus of bounce emails and the seed cases. The location is the system
 * property {@code bouncelens.shared}, by default {@code ../shared} from the working directory.
 */
final class SharedCorpus {

    private static final String DIAGNOSTIC_CODE = "diagnostic-code:";

    private final Path root;

    private SharedCorpus(Path root) {
        this.root = root;
    }

    /** The shared directory, or an explanation of how to point at it. */
    static SharedCorpus locate() {
        Path root = Paths.get(System.getProperty("bouncelens.shared", "../shared")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("corpus/emails/maildir"))) {
            throw new IllegalStateException("no shared corpus at " + root
                    + "; run from the repository root or pass -Dbouncelens.shared=DIR");
        }
        return new SharedCorpus(root);
    }

    /** Every message under {@code corpus/emails/maildir/<dir>}, in name order, as raw bytes. */
    List<byte[]> messages(String... dirs) {
        List<byte[]> all = new ArrayList<>();
        for (String dir : dirs) {
            for (Path file : emlFiles(dir)) all.add(read(file));
        }
        return all;
    }

    /** The probe column of {@code seed/seed-cases.tsv}: reply lines as users paste them. */
    List<String> seedProbes() {
        List<String> probes = new ArrayList<>();
        List<String> lines = readLines(root.resolve("seed/seed-cases.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] columns = line.split("\t", -1); // our own file's tab separator, not outside text
            if (columns.length > 2 && !columns[2].isBlank()) probes.add(columns[2]);
        }
        return probes;
    }

    /**
     * The distinct {@code Diagnostic-Code:} values of the messages in {@code dir} (continuation lines
     * joined, the {@code smtp;} type dropped): the remote servers' own words, the classifier's
     * everyday input.
     */
    List<String> diagnosticCodes(String dir) {
        Set<String> codes = new LinkedHashSet<>();
        for (Path file : emlFiles(dir)) {
            List<String> lines = new String(read(file), StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!line.regionMatches(true, 0, DIAGNOSTIC_CODE, 0, DIAGNOSTIC_CODE.length())) continue;
                StringBuilder value = new StringBuilder(line.substring(DIAGNOSTIC_CODE.length()).trim());
                while (i + 1 < lines.size() && isContinuation(lines.get(i + 1))) {
                    value.append(' ').append(lines.get(++i).trim());
                }
                String code = withoutType(value.toString());
                if (!code.isEmpty()) codes.add(code);
            }
        }
        return new ArrayList<>(codes);
    }

    private static boolean isContinuation(String line) {
        return !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
    }

    /** {@code smtp; 550 ...} -> {@code 550 ...}: the type names the format, not the failure. */
    private static String withoutType(String value) {
        int semicolon = value.indexOf(';');
        if (semicolon > 0 && semicolon <= 12) {
            String type = value.substring(0, semicolon).trim().toLowerCase(Locale.ROOT);
            if (type.equals("smtp") || type.startsWith("x-")) return value.substring(semicolon + 1).trim();
        }
        return value;
    }

    private List<Path> emlFiles(String dir) {
        try (Stream<Path> files = Files.list(root.resolve("corpus/emails/maildir").resolve(dir))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
