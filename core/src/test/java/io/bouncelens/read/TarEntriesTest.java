package io.bouncelens.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Tar archives, plain and gzip-compressed, as written by hand here and by the system's tar. */
class TarEntriesTest {

    private static List<InputMessage> read(Path... paths) {
        List<String> names = new ArrayList<>();
        for (Path p : paths) names.add(p.toString());
        List<InputMessage> out = new ArrayList<>();
        try (MessageSource s = new MessageSource(names, new ByteArrayInputStream(new byte[0]), 1 << 20)) {
            while (s.hasNext()) out.add(s.next());
        }
        return out;
    }

    private static String message(String subject) {
        return "From: MAILER-DAEMON@mx.example\nSubject: " + subject + "\n\nbody of " + subject + "\n";
    }

    private static String text(InputMessage m) {
        return new String(m.bytes(), StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** Writes a tar archive block by block, as the formats say, with what real writers put in headers. */
    private static final class Tar {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Tar file(String name, String content) {
            return entry(name, '0', content.getBytes(StandardCharsets.UTF_8), true);
        }

        Tar entry(String name, char type, byte[] data, boolean ustar) {
            out.writeBytes(header(name, data.length, type, ustar));
            out.writeBytes(data);
            out.writeBytes(new byte[(512 - data.length % 512) % 512]);
            return this;
        }

        /** GNU's form for a name over 100 bytes: an 'L' entry holding it, then the entry. */
        Tar longNamed(String name, String content) {
            byte[] n = (name + "\0").getBytes(StandardCharsets.UTF_8);
            entry("././@LongLink", 'L', n, true);
            return file(name.substring(0, 100), content);
        }

        /** POSIX's form: a pax header ('x') whose path record names the next entry. */
        Tar paxNamed(String name, String content) {
            byte[] record = (" path=" + name + "\n").getBytes(StandardCharsets.UTF_8);
            int length = record.length + 1;
            while (record.length + String.valueOf(length).length() != length) length = record.length + String.valueOf(length).length();
            byte[] pax = concat(String.valueOf(length).getBytes(StandardCharsets.US_ASCII), record);
            entry("PaxHeaders/x", 'x', pax, true);
            return file("short-name", content);
        }

        byte[] end() {
            out.writeBytes(new byte[1024]);
            return out.toByteArray();
        }

        static byte[] header(String name, long size, char type, boolean ustar) {
            byte[] h = new byte[512];
            put(h, 0, name);
            put(h, 100, "0000644");
            put(h, 108, "0000000");
            put(h, 116, "0000000");
            put(h, 124, String.format("%011o", size));
            put(h, 136, "14712345670");
            put(h, 148, "        ");
            h[156] = (byte) type;
            if (ustar) {
                put(h, 257, "ustar");
                put(h, 263, "00");
            }
            long sum = 0;
            for (byte b : h) sum += b & 0xff;
            put(h, 148, String.format("%06o", sum));
            h[154] = 0;
            h[155] = ' ';
            return h;
        }

        private static void put(byte[] h, int at, String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(b, 0, h, at, Math.min(b.length, 100));
        }
    }

    private static String mbox(String... subjects) {
        StringBuilder b = new StringBuilder();
        for (String s : subjects) b.append("From MAILER-DAEMON Sat Dec  5 10:00:00 2026\n").append(message(s)).append('\n');
        return b.toString();
    }

    @Test
    void readsEachFileOfATarInItsOrderPlainOrGzippedWhateverItsName(@TempDir Path dir) throws IOException {
        String longName = "maildir/.Bounces-archive-2026/" + "x".repeat(90) + "/cur/1733480000.M1P2.mx:2,S";
        String longVisible = "maildir/Bounces-2026/" + "y".repeat(120) + ".eml";
        byte[] tar = new Tar()
                .entry("./maildir/", '5', new byte[0], true)
                .file("./maildir/cur/2.eml", message("second file"))
                .entry("./maildir/link.eml", '2', new byte[0], true)
                .file("./maildir/.DS_Store", "\0\0\0\1Bud1")
                .file("./maildir/cur/1.eml", message("first file"))
                .file("bounces.mbox", mbox("in mbox one", "in mbox two"))
                .longNamed(longName, message("hidden by its folder"))
                .longNamed(longVisible, message("long name"))
                .paxNamed("pax/退信.eml", message("pax name"))
                .file("old.eml", message("no magic"))
                .end();
        Path plain = Files.write(dir.resolve("export.bin"), tar);
        Path gzipped = Files.write(dir.resolve("export.data"), gzip(tar));
        Path after = Files.writeString(dir.resolve("next.eml"), message("after"));

        for (Path archive : List.of(plain, gzipped)) {
            List<InputMessage> ms = read(archive, after);

            assertThat(ms).extracting(InputMessage::file).containsExactly(
                    archive + "!/maildir/cur/2.eml", archive + "!/maildir/cur/1.eml", archive + "!/bounces.mbox",
                    archive + "!/bounces.mbox", archive + "!/" + longVisible, archive + "!/pax/退信.eml",
                    archive + "!/old.eml", after.toString());
            assertThat(ms).extracting(InputMessage::error).containsOnlyNulls();
            assertThat(text(ms.get(0))).isEqualTo(message("second file"));
            assertThat(text(ms.get(3))).contains("Subject: in mbox two");
            assertThat(text(ms.get(4))).isEqualTo(message("long name"));
            assertThat(text(ms.get(5))).isEqualTo(message("pax name"));
        }
    }

    @Test
    void readsAnOldTarWithoutTheUstarMagic(@TempDir Path dir) throws IOException {
        byte[] tar = new Tar().entry("old/1.eml", '\0', message("v7").getBytes(StandardCharsets.UTF_8), false).end();
        Path archive = Files.write(dir.resolve("old.tar"), tar);

        assertThat(read(archive)).singleElement().satisfies(m -> {
            assertThat(m.file()).isEqualTo(archive + "!/old/1.eml");
            assertThat(text(m)).isEqualTo(message("v7"));
        });
    }

    @Test
    void aCutOffTarEndsWithOneErrorAfterTheEntriesBeforeTheCutAndTheNextFileIsRead(@TempDir Path dir) throws IOException {
        byte[] whole = new Tar().file("1.eml", message("one")).file("2.eml", message("two") + "x".repeat(5_000)).end();
        byte[] cut = Arrays.copyOf(whole, 512 * 2 + 512 + 1_000); // inside the second entry's data
        Path plain = Files.write(dir.resolve("cut.tar"), cut);
        byte[] compressed = gzip(whole);
        Path gzipped = Files.write(dir.resolve("cut.tgz"), Arrays.copyOf(compressed, compressed.length / 2));
        Path after = Files.writeString(dir.resolve("next.eml"), message("after"));

        List<InputMessage> ms = read(plain, after);
        assertThat(ms).extracting(InputMessage::file).containsExactly(plain + "!/1.eml", plain + "!/2.eml", after.toString());
        assertThat(text(ms.get(0))).isEqualTo(message("one"));
        assertThat(ms.get(1).error()).isEqualTo("tar archive ends early (a cut-off file?)");

        // cut inside the compressed data: what inflated whole is read, then the gzip layer says what went wrong
        List<InputMessage> fromGzip = read(gzipped, after);
        assertThat(fromGzip.get(fromGzip.size() - 2).error()).startsWith("gzip data ends early");
        assertThat(text(fromGzip.get(fromGzip.size() - 1))).contains("Subject: after");
    }

    @Test
    void aDamagedHeaderEndsTheArchiveWithOneError(@TempDir Path dir) throws IOException {
        byte[] tar = new Tar().file("1.eml", message("one")).file("2.eml", message("two")).end();
        tar[1024 + 10] ^= 0x20; // a byte of the second header's name: its checksum no longer adds up
        Path archive = Files.write(dir.resolve("damaged.tar"), tar);

        List<InputMessage> ms = read(archive);

        assertThat(ms).extracting(InputMessage::file).containsExactly(archive + "!/1.eml", archive.toString());
        assertThat(ms.get(1).error()).isEqualTo("tar archive: a header's checksum does not add up (a damaged file?)");
    }

    @Test
    void aHeaderClaimingHugeSizesAllocatesNothingForThem(@TempDir Path dir) throws IOException {
        byte[] hugeName = Tar.header("././@LongLink", 1 << 20, 'L', true);
        Path names = Files.write(dir.resolve("name.tar"), hugeName);
        // GNU's binary size form, 2^62 bytes, for a file whose data is not there
        byte[] hugeFile = Tar.header("big.eml", 0, '0', true);
        Arrays.fill(hugeFile, 124, 136, (byte) 0);
        hugeFile[124] = (byte) 0x80;
        hugeFile[128] = 0x40;
        Arrays.fill(hugeFile, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : hugeFile) sum += b & 0xff;
        System.arraycopy(String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII), 0, hugeFile, 148, 8);
        Path data = Files.write(dir.resolve("data.tar"), concat(hugeFile, message("start").getBytes(StandardCharsets.UTF_8)));

        assertThat(read(names)).singleElement().satisfies(m ->
                assertThat(m.error()).isEqualTo("tar archive: a name or pax header of 1048576 bytes"));
        // the entry's reader reads what is there, up to the message size limit, then meets the end
        assertThat(read(data)).singleElement().satisfies(m -> {
            assertThat(m.file()).isEqualTo(data + "!/big.eml");
            assertThat(m.error()).isEqualTo("tar archive ends early (a cut-off file?)");
        });
    }

    @Test
    void anArchiveInsideAnArchiveIsReadAsItIs(@TempDir Path dir) throws IOException {
        byte[] innerTar = new Tar().file("deep.eml", message("deep")).end();
        byte[] outer = new Tar().entry("inner.tar", '0', innerTar, true).end();
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            zip.putNextEntry(new ZipEntry("inner.tar"));
            zip.write(innerTar);
        }
        Path tarInTar = Files.write(dir.resolve("outer.tar"), outer);
        Path tarInZip = Files.write(dir.resolve("outer.zip"), zipped.toByteArray());

        assertThat(read(tarInTar)).singleElement().satisfies(m -> assertThat(m.file()).isEqualTo(tarInTar + "!/inner.tar"));
        assertThat(read(tarInZip)).singleElement().satisfies(m -> assertThat(m.file()).isEqualTo(tarInZip + "!/inner.tar"));
    }

    @Test
    void readsWhatTheSystemsTarWritesInEachOfItsFormats(@TempDir Path dir) throws Exception {
        String longName = "z".repeat(140) + ".eml"; // beyond ustar's 100 bytes for a name's last part
        for (String format : List.of("gnu", "pax", "ustar")) {
            Path root = Files.createDirectories(dir.resolve(format));
            Path box = Files.createDirectories(root.resolve("Maildir/cur"));
            Files.writeString(box.resolve("1733480000.M1P2.mx:2,S"), message("one"));
            if (!format.equals("ustar")) Files.writeString(box.resolve(longName), message("long"));
            Path archive = dir.resolve(format + ".tgz");
            Process tar;
            try {
                tar = new ProcessBuilder("tar", "--format=" + format, "-czf", archive.toString(), "-C", root.toString(),
                        "Maildir").redirectErrorStream(true).start();
            } catch (IOException e) {
                assumeTrue(false, "no tar on this machine");
                return;
            }
            String said = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(tar.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(tar.exitValue()).as(format + ": " + said).isZero();

            List<InputMessage> ms = read(archive);

            assertThat(ms).as(format).extracting(InputMessage::error).containsOnlyNulls();
            List<String> expected = new ArrayList<>(List.of(archive + "!/Maildir/cur/1733480000.M1P2.mx:2,S"));
            if (!format.equals("ustar")) expected.add(archive + "!/Maildir/cur/" + longName);
            assertThat(ms).as(format).extracting(InputMessage::file).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
