package io.bouncelens.decode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the hand-written messages under {@code src/test/resources/mail}, and holds the line-end
 * model the readers are checked against.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/mail/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture with every LF turned into {@code ending} (CRLF for Windows, CR for old Macs). */
    public static byte[] withLineEndings(String name, String ending) {
        String text = new String(bytes(name), StandardCharsets.ISO_8859_1);
        return text.replace("\n", ending).getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * The bytes with CRLF and lone CR turned into LF, the line end the parser works on: the model
     * the code that does it is checked against.
     */
    public static byte[] withLfLineEnds(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\r') {
                out.write('\n');
                if (i + 1 < in.length && in[i + 1] == '\n') i++;
            } else {
                out.write(in[i]);
            }
        }
        return out.toByteArray();
    }

    public static ParsedMessage parse(byte[] message) {
        return new MessageParser().parse(new ByteArrayInputStream(message));
    }

    public static ParsedMessage parse(String name) {
        return parse(bytes(name));
    }
}
