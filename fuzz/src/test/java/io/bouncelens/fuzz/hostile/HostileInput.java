package io.bouncelens.fuzz.hostile;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;

/**
 * The inputs of issue 6 that a stranger could send to an intake address, generated at test time
 * (tens of megabytes, so never committed) and streamed to disk so that generating them costs no
 * memory. Each one is a message the decoder must survive: diagnose what it can, say what went
 * wrong in one line, and stop in bounded time and memory.
 */
public enum HostileInput {

    /** A Subject of 20 MB on one line, inside an otherwise ordinary DSN. */
    HEADER_LINE_20MB {
        @Override
        void writeTo(Sink out) throws IOException {
            out.line("From: MAILER-DAEMON@mx.example.net");
            out.ascii("Subject: ");
            out.repeat('x', 20 << 20);
            out.line("");
            writeDsnAfterSubject(out, 1, "550 5.1.1 <ghost@example.org>: Recipient address rejected: User unknown");
        }
    },

    /** multipart/mixed nested 5,000 deep, each level with its own boundary, then all closed. */
    MULTIPART_NESTED_5000 {
        @Override
        void writeTo(Sink out) throws IOException {
            out.line("From: MAILER-DAEMON@mx.example.net");
            out.line("Subject: Undelivered Mail Returned to Sender");
            out.line("MIME-Version: 1.0");
            int depth = 5_000;
            out.line("Content-Type: multipart/mixed; boundary=\"b0\"");
            out.line("");
            for (int level = 1; level < depth; level++) {
                out.line("--b" + (level - 1));
                out.line("Content-Type: multipart/mixed; boundary=\"b" + level + "\"");
                out.line("");
            }
            out.line("--b" + (depth - 1));
            out.line("Content-Type: text/plain");
            out.line("");
            out.line("550 5.1.1 <deep@example.org>: User unknown");
            for (int level = depth - 1; level >= 0; level--) out.line("--b" + level + "--");
        }
    },

    /** A well-formed DSN whose third part is a 40 MB base64 attachment. */
    DSN_WITH_40MB_BASE64_ATTACHMENT {
        @Override
        void writeTo(Sink out) throws IOException {
            out.line("From: MAILER-DAEMON@mx.example.net");
            out.line("Subject: Undelivered Mail Returned to Sender");
            writeDsnAfterSubject(out, 1, "550 5.1.1 <big@example.org>: User unknown", () -> {
                out.line("--report");
                out.line("Content-Type: application/octet-stream; name=\"payload.bin\"");
                out.line("Content-Transfer-Encoding: base64");
                out.line("");
                Random random = new Random(40);
                byte[] raw = new byte[57]; // 57 bytes encode to one 76-character base64 line
                Base64.Encoder base64 = Base64.getEncoder();
                for (long written = 0; written < 40L << 20; written += 78) {
                    random.nextBytes(raw);
                    out.bytes(base64.encode(raw));
                    out.ascii("\r\n");
                }
            });
        }
    },

    /** 5 MB of random bytes: no headers, no structure, any byte value. */
    RANDOM_BYTES_5MB {
        @Override
        void writeTo(Sink out) throws IOException {
            Random random = new Random(5);
            byte[] chunk = new byte[64 << 10];
            for (int i = 0; i < 80; i++) {
                random.nextBytes(chunk);
                out.bytes(chunk);
            }
        }
    },

    /** NUL bytes and invalid GB18030 and UTF-8 sequences in headers, encoded words and bodies. */
    NUL_AND_INVALID_CHARSETS {
        @Override
        void writeTo(Sink out) throws IOException {
            byte[] badGb18030 = {(byte) 0x81, 0x30, (byte) 0x81, (byte) 0xFF, (byte) 0x84, 0x31, (byte) 0xA4, 0x39, (byte) 0xFE};
            byte[] badUtf8 = {(byte) 0xC3, 0x28, (byte) 0xE2, (byte) 0x82, (byte) 0xF0, (byte) 0x9F, (byte) 0xC0, (byte) 0xAF, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
            out.ascii("From: MAILER-DAEMON\0@mx.example.net\r\n");
            out.ascii("Subject: =?GB18030?B?" + Base64.getEncoder().encodeToString(badGb18030) + "?= ");
            out.bytes(badUtf8);
            out.ascii(" \0\0 =?UTF-8?Q?=C3=28=FF=00?= =?x-unknown?B?AAAA?=\r\n");
            out.ascii("X-Nul: value\0with\0nuls\r\n");
            out.ascii("MIME-Version: 1.0\r\n");
            out.ascii("Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\r\n\r\n");
            out.ascii("--r\r\nContent-Type: text/plain; charset=gb18030\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
            for (int i = 0; i < 1000; i++) {
                out.bytes(badGb18030);
                out.ascii("\0");
            }
            out.ascii("\r\n--r\r\nContent-Type: message/delivery-status; charset=utf-8\r\n\r\n");
            out.ascii("Reporting-MTA: dns; mx\0.example.net\r\n\r\n");
            out.ascii("Final-Recipient: rfc822; nul@example.org\0\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 ");
            out.bytes(badUtf8);
            out.ascii("\0 User unknown\r\n\r\n--r--\r\n");
        }
    },

    /** A diagnostic text of a 200,000-character run followed by 50,000 repeated status codes. */
    REPLY_RUN_THEN_50000_STATUS_CODES {
        @Override
        void writeTo(Sink out) throws IOException {
            out.line("From: MAILER-DAEMON@mx.example.net");
            out.line("Subject: Undelivered Mail Returned to Sender");
            out.line("MIME-Version: 1.0");
            out.line("Content-Type: text/plain");
            out.line("");
            out.line("This is the mail system. Your message could not be delivered to <run@example.org>:");
            out.ascii("550 ");
            out.ascii(replyRun());
            out.line("");
        }
    },

    /** One report listing 10,000 failed recipients: every one must come back as a record. */
    DSN_WITH_10000_RECIPIENTS {
        @Override
        void writeTo(Sink out) throws IOException {
            out.line("From: MAILER-DAEMON@mx.example.net");
            out.line("Subject: Undelivered Mail Returned to Sender");
            writeDsnAfterSubject(out, RECIPIENTS_IN_BIG_REPORT, null);
        }
    },

    /** A DSN cut off in the middle of its delivery-status part: no closing boundary. */
    TRUNCATED_REPORT {
        @Override
        void writeTo(Sink out) throws IOException {
            out.line("From: MAILER-DAEMON@mx.example.net");
            out.line("Subject: Undelivered Mail Returned to Sender");
            out.line("MIME-Version: 1.0");
            out.line("Content-Type: multipart/report; report-type=delivery-status; boundary=\"report\"");
            out.line("");
            out.line("--report");
            out.line("Content-Type: text/plain");
            out.line("");
            out.line("Delivery to the following recipient failed permanently: cut@example.org");
            out.line("--report");
            out.line("Content-Type: message/delivery-status");
            out.line("");
            out.line("Reporting-MTA: dns; mx.example.net");
            out.line("");
            out.line("Final-Recipient: rfc822; cut@example.org");
            out.line("Action: failed");
            out.ascii("Status: 5.1");
        }
    },

    /** Zero bytes. */
    EMPTY {
        @Override
        void writeTo(Sink out) {
        }
    };

    public static final int RECIPIENTS_IN_BIG_REPORT = 10_000;

    /** The reply of {@link #REPLY_RUN_THEN_50000_STATUS_CODES}: a 200,000-character run, then 50,000 codes. */
    public static String replyRun() {
        return "a".repeat(200_000) + " 5.1.1".repeat(50_000);
    }

    abstract void writeTo(Sink out) throws IOException;

    /** An ordinary one-recipient DSN, for placing the hostile inputs among good ones. */
    static String smallReport(String recipient) {
        return "From: MAILER-DAEMON@mx.example.net\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\n\n"
                + "--r\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\n"
                + "Final-Recipient: rfc822; " + recipient + "\nAction: failed\nStatus: 5.1.1\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 User unknown\n\n--r--\n";
    }

    /** Writes this input to {@code dir/<name>.eml} and returns the path. */
    public Path writeInto(Path dir) throws IOException {
        Path file = dir.resolve(name().toLowerCase(java.util.Locale.ROOT) + ".eml");
        try (Sink out = new Sink(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            writeTo(out);
        }
        return file;
    }

    private static void writeDsnAfterSubject(Sink out, int recipients, String diagnostic) throws IOException {
        writeDsnAfterSubject(out, recipients, diagnostic, null);
    }

    /** The rest of a multipart/report DSN, with {@code recipients} per-recipient groups. */
    private static void writeDsnAfterSubject(Sink out, int recipients, String diagnostic, Extra extraPart)
            throws IOException {
        out.line("Date: Sat, 28 Nov 2026 10:00:00 +0000");
        out.line("MIME-Version: 1.0");
        out.line("Content-Type: multipart/report; report-type=delivery-status; boundary=\"report\"");
        out.line("");
        out.line("--report");
        out.line("Content-Type: text/plain; charset=us-ascii");
        out.line("");
        out.line("Your message could not be delivered to one or more recipients.");
        out.line("");
        out.line("--report");
        out.line("Content-Type: message/delivery-status");
        out.line("");
        out.line("Reporting-MTA: dns; mx.example.net");
        out.line("Arrival-Date: Sat, 28 Nov 2026 09:59:58 +0000");
        for (int i = 1; i <= recipients; i++) {
            out.line("");
            out.line("Final-Recipient: rfc822; user" + i + "@example.org");
            out.line("Action: failed");
            out.line("Status: 5.1.1");
            out.line("Remote-MTA: dns; mx" + (i % 7) + ".example.org");
            out.line("Diagnostic-Code: smtp; " + (diagnostic != null ? diagnostic
                    : "550 5.1.1 <user" + i + "@example.org>: Recipient address rejected: User unknown"));
        }
        out.line("");
        if (extraPart != null) extraPart.write();
        out.line("--report");
        out.line("Content-Type: text/rfc822-headers");
        out.line("");
        out.line("From: sender@example.com");
        out.line("To: user1@example.org");
        out.line("Subject: hello");
        out.line("Message-ID: <hostile-1@example.com>");
        out.line("");
        out.line("--report--");
    }

    private interface Extra {
        void write() throws IOException;
    }

    /** A byte sink with the few writes the generators need; lines end in CRLF as on the wire. */
    static final class Sink implements AutoCloseable {
        private final OutputStream out;

        Sink(OutputStream out) {
            this.out = out;
        }

        void line(String s) throws IOException {
            ascii(s);
            ascii("\r\n");
        }

        void ascii(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.ISO_8859_1));
        }

        void bytes(byte[] b) throws IOException {
            out.write(b);
        }

        void repeat(char c, int count) throws IOException {
            byte[] chunk = new byte[8192];
            java.util.Arrays.fill(chunk, (byte) c);
            for (int left = count; left > 0; left -= chunk.length) out.write(chunk, 0, Math.min(left, chunk.length));
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
