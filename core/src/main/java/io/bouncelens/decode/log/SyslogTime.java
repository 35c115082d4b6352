package io.bouncelens.decode.log;

/**
 * The time at the head of a syslog line: the text before the host name that precedes the
 * program's tag ({@code Dec  6 10:00:00 mx postfix/smtp[1]:}, or an RFC 3339 time in its place).
 */
final class SyslogTime {

    private SyslogTime() {
    }

    /** The time before the host before {@code program}, or null when the line has no such head. */
    static String of(String line, int program) {
        int hostEnd = program;
        while (hostEnd > 0 && line.charAt(hostEnd - 1) == ' ') hostEnd--;
        int hostStart = line.lastIndexOf(' ', hostEnd - 1);
        if (hostStart <= 0) return null;
        String time = line.substring(0, hostStart).strip();
        return time.isEmpty() || !Character.isLetterOrDigit(time.charAt(0)) ? null : time;
    }
}
