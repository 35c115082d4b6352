package io.bouncelens.decode;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The returned original's header block, read in blocks, and the part still readable whole after it. */
class HeaderBytesTest {

    private static final String PART = "\n \nFrom: a@example.org\nSubject: hi\n\nbody line one\nbody line two\n";

    @Test
    void theBlockEndsAtTheFirstEmptyLineAndTheRestIsKeptForAWholeRead() throws IOException {
        for (int chunk : new int[] {1, 3, 7, 4096}) {
            java.io.InputStream part = LongHeaderTest.trickling(bytes(PART), chunk);
            HeaderBytes head = HeaderBytes.read(part, 1000);

            assertThat(new String(head.bytes(), 0, head.length(), StandardCharsets.US_ASCII))
                    .as("chunk %d", chunk).isEqualTo("From: a@example.org\nSubject: hi\n\n");
            String whole = new String(head.andRest(part).readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(whole).as("chunk %d", chunk).isEqualTo(PART.substring(3));
        }
    }

    @Test
    void aBlockLongerThanTheLimitIsCutAndTheRestStillFollows() throws IOException {
        ByteArrayInputStream part = new ByteArrayInputStream(bytes(PART));
        HeaderBytes head = HeaderBytes.read(part, 10);

        assertThat(head.length()).isEqualTo(10);
        assertThat(new String(head.andRest(part).readAllBytes(), StandardCharsets.US_ASCII))
                .isEqualTo(PART.substring(3));
    }

    /** Found in place (a part without transfer encoding), the block is the one read from a stream. */
    @Test
    void theBlockFoundInPlaceIsTheBlockReadFromAStream() throws IOException {
        String[] parts = {PART, "From: a\n\n", "\n\n\t", "", "Subject: no end", "X: 1\n \n\nY", "X: 1\nY: 2\n"};
        for (String text : parts) {
            for (int max : new int[] {1, 5, 10, 14, 1000}) {
                byte[] framed = bytes("#" + text + "#"); // the part lies inside a larger array
                int[] at = HeaderBytes.within(framed, 1, framed.length - 1, max);
                HeaderBytes read = HeaderBytes.read(new ByteArrayInputStream(bytes(text)), max);
                assertThat(new String(framed, at[0], at[1] - at[0], StandardCharsets.US_ASCII))
                        .as("%s, max %d", text, max)
                        .isEqualTo(new String(read.bytes(), 0, read.length(), StandardCharsets.US_ASCII));
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
