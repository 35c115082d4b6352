package io.bouncelens.cli;

import io.bouncelens.decode.log.LogReader;

import java.nio.charset.StandardCharsets;

/**
 * What a file given to {@code diagnose} that holds no message may be instead, for the line that
 * says so: sending services' JSON events, or a mail server's log, which other commands read.
 */
final class OtherInputs {

    /** How much of the file is looked at: the first lines of a log, the start of a JSON document. */
    private static final int LOOKED_AT = 64 * 1024;
    private static final int LINES = 200;

    private OtherInputs() {
    }

    /** A hint naming the command that reads {@code bytes}, or null when it looks like neither. */
    static String hint(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, LOOKED_AT), StandardCharsets.UTF_8);
        String start = text.stripLeading();
        if (start.startsWith("\uFEFF")) start = start.substring(1).stripLeading();
        if (start.startsWith("{") || start.startsWith("[")) {
            return "it looks like JSON events of a sending service: 'bouncelens events' reads those";
        }
        LogReader reader = new LogReader();
        int lines = 0;
        for (int from = 0; from < text.length() && lines < LINES; lines++) {
            int end = from;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') end++;
            if (reader.read(text.substring(from, end)) != null) {
                return "it looks like a mail server's log: 'bouncelens logs' reads those";
            }
            from = end + 1;
        }
        return null;
    }
}
