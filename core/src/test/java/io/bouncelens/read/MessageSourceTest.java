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
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MessageSourceTest {

    private static final byte[] NO_STDIN = new byte[0];

    private static List<InputMessage> read(List<String> paths, byte[] stdin, long maxBytes) {
        List<InputMessage> out = new ArrayList<>();
        try (MessageSource s = new MessageSource(paths, new ByteArrayInputStream(stdin), maxBytes)) {
            while (s.hasNext()) out.add(s.next());
        }
        return out;
    }

    private static String text(InputMessage m) {
        return new String(m.bytes(), StandardCharsets.UTF_8);
    }

    private static String message(String subject) {
        return "From: MAILER-DAEMON@mx.example\nSubject: " + subject + "\n\nbody of " + subject + "\n";
    }

    @Test
    void splitsAnMboxIntoItsMessagesAndUnquotesFromLines(@TempDir Path dir) throws IOException {
        Path mbox = dir.resolve("bounces");
        Files.writeString(mbox, "From MAILER-DAEMON Thu Sep 18 17:54:04 2008\n" + message("one")
                + ">From the start of a line\n\n"
                + "From MAILER-DAEMON Thu Sep 18 17:55:04 2008\n" + message("two") + "\n"
                + "From MAILER-DAEMON Thu Sep 18 17:56:04 2008\n" + message("three"));

        List<InputMessage> ms = read(List.of(mbox.toString()), NO_STDIN, 1 << 20);

        assertThat(ms).extracting(InputMessage::index).containsExactly(1, 2, 3);
        assertThat(ms).allSatisfy(m -> assertThat(m.file()).isEqualTo(mbox.toString()));
        assertThat(text(ms.get(0))).startsWith("From: MAILER-DAEMON@mx.example\nSubject: one\n")
                .endsWith("body of one\nFrom the start of a line\n");
        assertThat(text(ms.get(1))).contains("Subject: two").doesNotContain("From MAILER-DAEMON");
        assertThat(text(ms.get(2))).contains("Subject: three");
    }

    @Test
    void readsAnMboxWithOldMacLineEnds(@TempDir Path dir) throws IOException {
        Path mbox = dir.resolve("mac.mbox");
        String lf = "From MAILER-DAEMON Thu Sep 18 17:54:04 2008\n" + message("one") + "\n"
                + "From MAILER-DAEMON Thu Sep 18 17:55:04 2008\n" + message("two");
        Files.writeString(mbox, lf.replace('\n', '\r'));

        List<InputMessage> ms = read(List.of(mbox.toString()), NO_STDIN, 1 << 20);

        assertThat(ms).hasSize(2);
        assertThat(text(ms.get(1))).startsWith("From: MAILER-DAEMON@mx.example\nSubject: two\n");
    }

    @Test
    void walksAMaildirInNameOrderSkippingHiddenFiles(@TempDir Path dir) throws IOException {
        Path maildir = dir.resolve("Maildir");
        for (String sub : new String[]{"cur", "new", "tmp"}) Files.createDirectories(maildir.resolve(sub));
        Files.writeString(maildir.resolve("new/1700000002.M2.host"), message("new-2"));
        Files.writeString(maildir.resolve("cur/1700000001.M1.host:2,S"), message("cur-1"));
        Files.writeString(maildir.resolve("new/1700000001.M1.host"), message("new-1"));
        Files.writeString(maildir.resolve("cur/.hidden"), "junk");

        List<InputMessage> ms = read(List.of(maildir.toString()), NO_STDIN, 1 << 20);

        assertThat(ms).extracting(m -> text(m).substring(text(m).indexOf("Subject: ") + 9, text(m).indexOf("\n\n")))
                .containsExactly("cur-1", "new-1", "new-2");
        assertThat(ms.get(0).file()).isEqualTo(maildir.resolve("cur/1700000001.M1.host:2,S").toString());
    }

    @Test
    void readsStandardInputForDash() {
        List<InputMessage> ms = read(List.of("-"), message("piped").getBytes(StandardCharsets.UTF_8), 1 << 20);

        assertThat(ms).singleElement().satisfies(m -> {
            assertThat(m.file()).isEqualTo("-");
            assertThat(text(m)).contains("Subject: piped");
        });
    }

    @Test
    void aMissingOrEmptyFileIsAnErrorAndTheRestIsRead(@TempDir Path dir) throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.eml"));
        Path good = dir.resolve("good.eml");
        Files.writeString(good, message("good"));

        List<InputMessage> ms = read(List.of(dir.resolve("missing.eml").toString(), empty.toString(), good.toString()),
                NO_STDIN, 1 << 20);

        assertThat(ms).extracting(InputMessage::error).containsExactly("no such file or directory", "empty file", null);
        assertThat(text(ms.get(2))).contains("Subject: good");
    }

    @Test
    void keepsOnlyTheStartOfAnOversizedMessageAndGoesOnToTheNext(@TempDir Path dir) throws IOException {
        Path mbox = dir.resolve("big.mbox");
        String big = "x".repeat(100) + "\n";
        Files.writeString(mbox, "From a@b Thu Sep 18 17:54:04 2008\n" + message("big") + big.repeat(100) + "\n"
                + "From a@b Thu Sep 18 17:55:04 2008\n" + message("small"));

        List<InputMessage> ms = read(List.of(mbox.toString()), NO_STDIN, 1_000);

        assertThat(ms).hasSize(2);
        assertThat(ms.get(0).truncated()).isTrue();
        assertThat(ms.get(0).bytes().length).isLessThanOrEqualTo(1_000);
        assertThat(ms.get(1).truncated()).isFalse();
        assertThat(text(ms.get(1))).contains("Subject: small");
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static String mbox(String... subjects) {
        StringBuilder box = new StringBuilder();
        for (String s : subjects) box.append("From MAILER-DAEMON Thu Sep 18 17:54:04 2008\n").append(message(s)).append('\n');
        return box.toString();
    }

    @Test
    void readsAGzippedMboxAndAGzippedMessageWhateverTheirNames(@TempDir Path dir) throws IOException {
        byte[] box = mbox("one", "two", "three").getBytes(StandardCharsets.UTF_8);
        Path plain = Files.write(dir.resolve("bounces"), box);
        Path gzipped = Files.write(dir.resolve("bounces.1"), gzip(box));
        Path single = Files.write(dir.resolve("single.eml"), gzip(message("alone").getBytes(StandardCharsets.UTF_8)));

        List<InputMessage> fromPlain = read(List.of(plain.toString()), NO_STDIN, 1 << 20);
        List<InputMessage> ms = read(List.of(gzipped.toString(), single.toString()), NO_STDIN, 1 << 20);

        assertThat(ms).hasSize(4).allSatisfy(m -> assertThat(m.error()).isNull());
        for (int i = 0; i < 3; i++) {
            assertThat(ms.get(i).file()).isEqualTo(gzipped.toString());
            assertThat(ms.get(i).index()).isEqualTo(i + 1);
            assertThat(ms.get(i).bytes()).isEqualTo(fromPlain.get(i).bytes());
        }
        assertThat(ms.get(3).file()).isEqualTo(single.toString());
        assertThat(text(ms.get(3))).isEqualTo(message("alone"));
    }

    @Test
    void readsGzippedStandardInput() throws IOException {
        List<InputMessage> ms = read(List.of("-"), gzip(mbox("a", "b").getBytes(StandardCharsets.UTF_8)), 1 << 20);

        assertThat(ms).extracting(m -> text(m).contains("Subject: a"), m -> text(m).contains("Subject: b"))
                .containsExactly(tuple(true, false), tuple(false, true));
    }

    @Test
    void aCutOffOrDamagedGzipFileIsAnErrorAfterWhatCouldBeReadAndTheNextFileIsRead(@TempDir Path dir)
            throws IOException {
        byte[] whole = gzip(mbox("one", "two", "three").getBytes(StandardCharsets.UTF_8));
        Path cut = Files.write(dir.resolve("cut.mbox.gz"), Arrays.copyOf(whole, whole.length - 4)); // half the trailer
        byte[] damagedHeader = whole.clone();
        damagedHeader[2] = 7; // compression method 7 does not exist; 8 is deflate
        Path damaged = Files.write(dir.resolve("damaged.gz"), damagedHeader);
        Path good = Files.writeString(dir.resolve("good.eml"), message("good"));

        List<InputMessage> ms = read(List.of(cut.toString(), damaged.toString(), good.toString()), NO_STDIN, 1 << 20);

        // the messages known whole before the cut are read; the last, whose end is not known, is reported
        assertThat(ms).extracting(InputMessage::file)
                .containsExactly(cut.toString(), cut.toString(), cut.toString(), damaged.toString(), good.toString());
        assertThat(text(ms.get(0))).contains("Subject: one");
        assertThat(text(ms.get(1))).contains("Subject: two");
        assertThat(ms).extracting(InputMessage::error).containsExactly(null, null,
                "read error: gzip data ends early (a cut-off .gz file?)",
                "damaged gzip data: Unsupported compression method", null);
        assertThat(text(ms.get(4))).contains("Subject: good");
    }

    @Test
    void everyMessageThatInflatedWholeBeforeACutIsRead(@TempDir Path dir) throws IOException {
        String[] subjects = new String[3_000];
        for (int i = 0; i < subjects.length; i++) subjects[i] = "number " + i * 7_919 % 100_003;
        byte[] whole = gzip(mbox(subjects).getBytes(StandardCharsets.UTF_8));
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        Path file = Files.write(dir.resolve("cut.gz"), cut);
        // what a reader that hands on every inflated byte gets before the cut
        ByteArrayOutputStream prefix = new ByteArrayOutputStream();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(cut))) {
            byte[] chunk = new byte[4_096];
            for (int n; (n = in.read(chunk)) >= 0; ) prefix.write(chunk, 0, n);
        } catch (IOException expected) {
            // the cut
        }
        int separators = prefix.toString(StandardCharsets.UTF_8).split("\nFrom MAILER-DAEMON ", -1).length;

        List<InputMessage> ms = read(List.of(file.toString()), NO_STDIN, 1 << 20);

        // each message before the last separator inflated whole; the message after it was cut
        assertThat(ms).hasSize(separators);
        assertThat(ms.subList(0, separators - 1)).allSatisfy(m -> assertThat(m.error()).isNull());
        assertThat(ms.get(separators - 1).error()).contains("gzip data ends early");
    }

    @Test
    void inflatesOnceOnly(@TempDir Path dir) throws IOException {
        byte[] inner = gzip(message("deep").getBytes(StandardCharsets.UTF_8));
        Path twice = Files.write(dir.resolve("twice.gz"), gzip(inner));

        List<InputMessage> ms = read(List.of(twice.toString()), NO_STDIN, 1 << 20);

        // the inner gzip stream is handed on as the message's bytes, for the decoder to report
        assertThat(ms).singleElement().satisfies(m -> assertThat(m.bytes()).isEqualTo(inner));
    }

    /** A zip archive of the given entries, in order; a name ending in '/' is a directory. */
    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void readsEachEntryOfAZipArchiveInItsOrderAsAFileWouldBeRead(@TempDir Path dir) throws IOException {
        Path archive = Files.write(dir.resolve("exported"), zip(
                "b/2.eml", message("second file"),
                "a/", "",
                ".DS_Store", "\0\0\0\1Bud1",
                "__MACOSX/a/._1.eml", "\0\5\26\7",
                "a/1.eml", message("first file"),
                "退信.mbox", mbox("in mbox one", "in mbox two"),
                "empty.eml", ""));
        Path after = Files.writeString(dir.resolve("next.eml"), message("after"));

        List<InputMessage> ms = read(List.of(archive.toString(), after.toString()), NO_STDIN, 1 << 20);

        assertThat(ms).extracting(InputMessage::file).containsExactly(
                archive + "!/b/2.eml", archive + "!/a/1.eml", archive + "!/退信.mbox", archive + "!/退信.mbox",
                archive + "!/empty.eml", after.toString());
        assertThat(ms).extracting(InputMessage::index).containsExactly(1, 1, 1, 2, 1, 1);
        assertThat(text(ms.get(0))).isEqualTo(message("second file"));
        assertThat(text(ms.get(1))).isEqualTo(message("first file"));
        assertThat(text(ms.get(3))).contains("Subject: in mbox two");
        assertThat(ms).extracting(InputMessage::error).containsExactly(null, null, null, null, "empty once unpacked", null);
    }

    @Test
    void aDamagedZipArchiveEndsWithOneErrorAfterTheEntriesBeforeTheDamage(@TempDir Path dir) throws IOException {
        byte[] whole = zip("1.eml", message("one"), "2.eml", message("two") + "x".repeat(5_000));
        Path cut = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(whole, whole.length / 2));
        Path after = Files.writeString(dir.resolve("next.eml"), message("after"));

        List<InputMessage> ms = read(List.of(cut.toString(), after.toString()), NO_STDIN, 1 << 20);

        assertThat(ms).extracting(InputMessage::file).containsExactly(cut + "!/1.eml", cut + "!/2.eml", after.toString());
        assertThat(text(ms.get(0))).isEqualTo(message("one"));
        assertThat(ms.get(1).error()).isEqualTo("zip archive ends early (a cut-off file?)");
        assertThat(text(ms.get(2))).contains("Subject: after");
    }

    @Test
    void anEncryptedEntryIsSaidInOneLineAfterTheEntriesBeforeIt(@TempDir Path dir) throws IOException {
        byte[] archive = zip("1.eml", message("one"), "2.eml", message("two"));
        // the second local header's general purpose flags (offset 6): bit 0 says the entry is encrypted
        int second = -1;
        for (int i = 4; i + 4 <= archive.length && second < 0; i++) {
            if (archive[i] == 'P' && archive[i + 1] == 'K' && archive[i + 2] == 3 && archive[i + 3] == 4) second = i;
        }
        archive[second + 6] |= 1;
        Path file = Files.write(dir.resolve("locked.zip"), archive);

        List<InputMessage> ms = read(List.of(file.toString()), NO_STDIN, 1 << 20);

        assertThat(ms).extracting(InputMessage::file).containsExactly(file + "!/1.eml", file.toString());
        assertThat(ms.get(1).error()).isEqualTo("zip archive: encrypted ZIP entry not supported");
    }

    @Test
    void aZipInsideAGzipOrAZipIsReadAsItIs(@TempDir Path dir) throws IOException {
        byte[] inner = zip("1.eml", message("deep"));
        Path gzipped = Files.write(dir.resolve("a.gz"), gzip(inner));

        List<InputMessage> ms = read(List.of(gzipped.toString()), NO_STDIN, 1 << 20);

        assertThat(ms).singleElement().satisfies(m -> assertThat(m.bytes()).isEqualTo(inner));
    }

    @Test
    void aLinkLoopInADirectoryIsNotWalkedForever(@TempDir Path dir) throws IOException {
        Path box = Files.createDirectories(dir.resolve("box"));
        Files.writeString(box.resolve("1.eml"), message("only"));
        Files.createSymbolicLink(box.resolve("loop"), box);

        List<InputMessage> ms = read(List.of(box.toString()), NO_STDIN, 1 << 20);

        assertThat(ms).extracting(m -> m.file()).containsExactly(box.resolve("1.eml").toString());
    }
}
