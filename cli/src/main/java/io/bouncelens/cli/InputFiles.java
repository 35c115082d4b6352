package io.bouncelens.cli;

import io.bouncelens.read.GzipInput;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The files the commands that read text (logs, events) are given: gzip-compressed or not, {@code -} for stdin. */
final class InputFiles {

    private InputFiles() {
    }

    static InputStream open(String path) throws IOException {
        if (path.equals("-")) return GzipInput.inflatedIfGzip(new NonClosing(System.in));
        Path p = Path.of(path);
        if (Files.isDirectory(p)) throw new IOException("is a directory (give the files in it)");
        return GzipInput.inflatedIfGzip(Files.newInputStream(p));
    }

    /** What went wrong, in the words of {@code ls} and {@code cat}. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Standard input, which closing one file's reading must not close. */
    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
