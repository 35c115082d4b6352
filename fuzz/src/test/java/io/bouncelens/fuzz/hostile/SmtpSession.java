package io.bouncelens.fuzz.hostile;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A bare SMTP client that sends a file as it is, bytes and all (only dot-stuffed, as the protocol
 * requires), the way a hostile sender would. Returns the server's final reply code, or -1 when
 * the server closed the connection instead of answering (acceptable for an oversized message).
 */
final class SmtpSession implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    SmtpSession(int port, int timeoutMillis) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        in = new BufferedInputStream(socket.getInputStream());
        out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
    }

    /** The code of the greeting. */
    int greeting() throws IOException {
        return readReply();
    }

    int command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return readReply();
    }

    /** Sends the whole message after DATA's 354; the code of the final reply, or -1 if cut off. */
    int sendMessage(Path file) throws IOException {
        int data = command("DATA");
        if (data != 354) return data;
        try (InputStream body = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            int previous = '\n';
            int c;
            while ((c = body.read()) >= 0) {
                if (c == '.' && previous == '\n') out.write('.');
                out.write(c);
                previous = c;
            }
            out.write(previous == '\n' ? ".\r\n".getBytes(StandardCharsets.US_ASCII)
                    : "\r\n.\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException writeCutOff) {
            return -1; // the server stopped reading: it refused the rest
        }
        try {
            return readReply();
        } catch (IOException closed) {
            return -1;
        }
    }

    /** Reads a possibly multi-line reply and returns its code. */
    private int readReply() throws IOException {
        while (true) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (line.length() < 1000) line.append((char) c);
            }
            if (c < 0 && line.length() == 0) throw new IOException("connection closed");
            if (line.length() >= 4 && line.charAt(3) == '-') continue;
            if (line.length() < 3) throw new IOException("not an SMTP reply: " + line);
            return Integer.parseInt(line.substring(0, 3));
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
