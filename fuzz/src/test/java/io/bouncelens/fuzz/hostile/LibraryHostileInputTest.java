package io.bouncelens.fuzz.hostile;

import io.bouncelens.BounceRecord;
import io.bouncelens.Bouncelens;
import io.bouncelens.Lang;
import io.bouncelens.MessageDiagnosis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Issue 6's hostile messages through the library's front door, {@code diagnoseMessage}. */
class LibraryHostileInputTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() throws IOException {
        for (HostileInput input : HostileInput.values()) input.writeInto(dir);
    }

    @ParameterizedTest
    @EnumSource(HostileInput.class)
    void diagnosesWhatItCanWithinTimeAndSaysWhatWentWrongInOneLine(HostileInput input) {
        MessageDiagnosis d = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> diagnose(input));

        assertThat(d.problems()).allSatisfy(p -> assertThat(p).doesNotContain("\n").hasSizeLessThan(300));
        assertThat(d.records()).allSatisfy(r -> assertThat(r.truncated()).isEqualTo(d.truncated()));
        switch (input) {
            case HEADER_LINE_20MB -> {
                assertThat(d.records()).extracting(BounceRecord::recipient).containsExactly("user1@example.org");
                assertThat(d.truncated()).isTrue();
                assertThat(d.problems()).anyMatch(p -> p.contains("header field is longer than"));
            }
            case MULTIPART_NESTED_5000 -> {
                assertThat(d.truncated()).isTrue();
                assertThat(d.problems()).anyMatch(p -> p.contains("nested deeper"));
            }
            case DSN_WITH_40MB_BASE64_ATTACHMENT -> {
                assertThat(d.records()).extracting(BounceRecord::recipient).containsExactly("user1@example.org");
                assertThat(d.records().get(0).status()).isEqualTo("5.1.1");
                assertThat(d.truncated()).isTrue();
            }
            case RANDOM_BYTES_5MB -> assertThat(d.records()).isEmpty();
            case NUL_AND_INVALID_CHARSETS -> {
                assertThat(d.records()).extracting(BounceRecord::recipient).containsExactly("nul@example.org");
                assertThat(d.records().get(0).status()).isEqualTo("5.1.1");
            }
            case REPLY_RUN_THEN_50000_STATUS_CODES ->
                    assertThat(d.records()).extracting(BounceRecord::recipient).containsExactly("run@example.org");
            case DSN_WITH_10000_RECIPIENTS -> {
                assertThat(d.records()).hasSize(HostileInput.RECIPIENTS_IN_BIG_REPORT);
                assertThat(d.truncated()).isFalse();
            }
            case TRUNCATED_REPORT -> {
                assertThat(d.records()).extracting(BounceRecord::recipient).containsExactly("cut@example.org");
                assertThat(d.truncated()).isTrue();
            }
            case EMPTY -> {
                assertThat(d.records()).isEmpty();
                assertThat(d.problems()).containsExactly("empty message: nothing to read");
                assertThat(d.truncated()).isFalse();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void classifiesAReplyOfALongRunThenFiftyThousandCodesQuickly() {
        BounceRecord r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> Bouncelens.explain("550 " + HostileInput.replyRun(), Lang.EN));
        assertThat(r.replyCode()).isEqualTo(550);
    }

    private static MessageDiagnosis diagnose(HostileInput input) throws IOException {
        Path file = dir.resolve(input.name().toLowerCase(Locale.ROOT) + ".eml");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return Bouncelens.standard().diagnoseMessage(in, Lang.EN, file.toString(), 1);
        }
    }
}
