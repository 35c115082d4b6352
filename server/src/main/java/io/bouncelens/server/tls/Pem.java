package io.bouncelens.server.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The blocks of a PEM file ({@code -----BEGIN LABEL----- ... -----END LABEL-----}, RFC 7468), as
 * certbot, openssl and every CA write them. Text outside the blocks (openssl's "Bag Attributes",
 * comments) is skipped. Files are small; anything over {@link #MAX_BYTES} is refused rather than read.
 */
record Pem(String label, byte[] der) {

    static final int MAX_BYTES = 1024 * 1024;

    /** The file's blocks in order; IOException with a one-line reason for a missing, huge or broken file. */
    static List<Pem> read(Path file) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new IOException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (size > MAX_BYTES) throw new IOException(file + ": over " + MAX_BYTES + " bytes, not a PEM file");
        return parse(file, new String(Files.readAllBytes(file), StandardCharsets.US_ASCII));
    }

    static List<Pem> parse(Path file, String text) throws IOException {
        List<Pem> blocks = new ArrayList<>();
        String label = null;
        StringBuilder base64 = new StringBuilder();
        for (String line : (Iterable<String>) text.lines()::iterator) {
            String l = line.strip();
            if (label == null) {
                if (l.startsWith("-----BEGIN ") && l.endsWith("-----")) {
                    label = l.substring(11, l.length() - 5);
                    base64.setLength(0);
                }
            } else if (l.startsWith("-----END ")) {
                if (!l.equals("-----END " + label + "-----")) {
                    throw new IOException(file + ": " + label + " block ends with " + l);
                }
                try {
                    blocks.add(new Pem(label, Base64.getMimeDecoder().decode(base64.toString())));
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + ": " + label + " block is not base64");
                }
                label = null;
            } else if (!l.contains(":")) { // RFC 1421 headers (Proc-Type, DEK-Info) hold a colon
                base64.append(l);
            } else if (label.endsWith("PRIVATE KEY")) {
                throw new IOException(file + ": the private key is encrypted; give it unencrypted "
                        + "(openssl pkcs8 -topk8 -nocrypt) and readable by this user only");
            }
        }
        if (label != null) throw new IOException(file + ": " + label + " block is not closed");
        return blocks;
    }
}
