package io.bouncelens.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** What standard input is, where the system says (Linux and macOS name it {@code /dev/stdin}). */
final class StandardInput {

    private StandardInput() {
    }

    /**
     * True when standard input is a regular file ({@code < bounces.mbox}): it has an end, so there
     * is no point in watching it for pauses. False for a pipe, a terminal, or when it cannot be told.
     */
    static boolean isRegularFile() {
        try {
            return Files.isRegularFile(Path.of("/dev/stdin"));
        } catch (RuntimeException e) { // no such name on this system
            return false;
        }
    }
}
