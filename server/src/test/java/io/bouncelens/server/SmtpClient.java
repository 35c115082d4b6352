package io.bouncelens.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A plain-socket SMTP client: speaks the protocol line by line so tests see every reply code. */
final class SmtpClient implements AutoCloseable {

    private Socket socket;
    private BufferedReader in;
    private OutputStream out;
    private String ehlo;

    SmtpClient(int port) throws IOException {
        this("127.0.0.1", port);
    }

    /** A session to {@code host}; connecting to one of this machine's own outward addresses comes from it. */
    SmtpClient(String host, int port) throws IOException {
        this(host, port, new byte[0]);
    }

    /**
     * A session that first sends {@code preamble}, before the server's greeting, as a load balancer
     * sends its PROXY protocol header.
     */
    SmtpClient(String host, int port, byte[] preamble) throws IOException {
        socket = new Socket(host, port);
        if (preamble.length > 0) {
            socket.getOutputStream().write(preamble);
            socket.getOutputStream().flush();
        }
        socket.setSoTimeout(30_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        out = socket.getOutputStream();
        expect(reply(), 220);
        command("EHLO tests.example");
        ehlo = reply();
        expect(ehlo, 250);
    }

    /** The server's answer to the last EHLO, every line. */
    String ehlo() {
        return ehlo;
    }

    /**
     * STARTTLS (RFC 3207): the command, the handshake over the same connection with the server's
     * name checked against its certificate, and EHLO again, as the RFC asks. Returns the certificate
     * the server presented.
     */
    java.security.cert.X509Certificate startTls(javax.net.ssl.SSLSocketFactory tls, String serverName) throws IOException {
        command("STARTTLS");
        expect(reply(), 220);
        javax.net.ssl.SSLSocket secured = (javax.net.ssl.SSLSocket) tls.createSocket(socket, serverName, socket.getPort(), true);
        javax.net.ssl.SSLParameters parameters = secured.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the host name must be the certificate's
        secured.setSSLParameters(parameters);
        secured.startHandshake();
        socket = secured;
        in = new BufferedReader(new InputStreamReader(secured.getInputStream(), StandardCharsets.US_ASCII));
        out = secured.getOutputStream();
        command("EHLO tests.example");
        ehlo = reply();
        expect(ehlo, 250);
        return (java.security.cert.X509Certificate) secured.getSession().getPeerCertificates()[0];
    }

    /** Sends one message in its own transaction; returns the reply to the end of DATA (e.g. "250 ..."). */
    String send(String mailFrom, String rcptTo, byte[] message) throws IOException {
        command("MAIL FROM:<" + mailFrom + ">");
        expect(reply(), 250);
        command("RCPT TO:<" + rcptTo + ">");
        String rcpt = reply();
        if (!rcpt.startsWith("250")) {
            command("RSET");
            reply();
            return rcpt;
        }
        command("DATA");
        expect(reply(), 354);
        out.write(dotStuffed(message));
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return reply();
    }

    /** The full reply, joining continuation lines ("250-..."). */
    String reply() throws IOException {
        StringBuilder all = new StringBuilder();
        while (true) {
            String line = in.readLine();
            if (line == null) throw new IOException("connection closed; got so far: " + all);
            all.append(line).append('\n');
            if (line.length() < 4 || line.charAt(3) != '-') return all.toString().strip();
        }
    }

    void command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void expect(String reply, int code) throws IOException {
        if (!reply.startsWith(String.valueOf(code))) throw new IOException("expected " + code + ", got: " + reply);
    }

    /** CRLF line ends and a leading dot doubled, as RFC 5321 section 4.5.2 asks. */
    static byte[] dotStuffed(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        StringBuilder b = new StringBuilder(text.length() + 64);
        for (String line : text.split("\n", -1)) {
            if (line.startsWith(".")) b.append('.');
            b.append(line).append("\r\n");
        }
        if (text.endsWith("\n")) b.setLength(b.length() - 2);
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        try {
            command("QUIT");
            reply();
        } catch (IOException ignored) {
            // the server may already have closed the connection
        } finally {
            socket.close();
        }
    }
}
