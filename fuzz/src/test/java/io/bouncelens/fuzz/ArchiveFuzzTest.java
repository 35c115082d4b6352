package io.bouncelens.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.bouncelens.read.InputMessage;
import io.bouncelens.read.MessageSource;

import java.io.ByteArrayInputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bytes given as a file, as tar and zip archives are (seeded with a small tar of a Maildir
 * and a zip): whatever the headers claim, reading ends, no message is longer than the cap, data
 * that is not compressed (a plain tar, an mbox) never gives out more bytes than it holds, and a
 * failure is a message's one-line error, not an exception.
 */
class ArchiveFuzzTest {

    private static final int MAX_MESSAGE_BYTES = 4096;

    @FuzzTest(maxDuration = "30s")
    void readsAnyBytesAsAFileMayHoldThem(byte[] file) {
        boolean compressed = file.length >= 2 && ((file[0] & 0xff) == 0x1f && (file[1] & 0xff) == 0x8b // gzip
                || file[0] == 'P' && file[1] == 'K');                                                    // zip
        long total = 0;
        try (MessageSource source = new MessageSource(List.of("-"), new ByteArrayInputStream(file), MAX_MESSAGE_BYTES)) {
            while (source.hasNext()) {
                InputMessage message = source.next();
                if (message.error() != null) assertThat(message.error()).doesNotContain("\n").isNotBlank();
                assertThat(message.bytes().length).isLessThanOrEqualTo(MAX_MESSAGE_BYTES);
                total += message.bytes().length;
                if (!compressed) assertThat(total).isLessThanOrEqualTo(file.length);
            }
        }
    }
}
