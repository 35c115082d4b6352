package io.bouncelens.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void aLinkLoopInADirectoryIsNotWalkedForever(@TempDir Path dir) throws IOException {
        Path box = Files.createDirectories(dir.resolve("box"));
        Files.writeString(box.resolve("1.eml"), message("only"));
        Files.createSymbolicLink(box.resolve("loop"), box);

        List<InputMessage> ms = read(List.of(box.toString()), NO_STDIN, 1 << 20);

        assertThat(ms).extracting(m -> m.file()).containsExactly(box.resolve("1.eml").toString());
    }
}
