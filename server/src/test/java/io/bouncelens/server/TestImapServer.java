package io.bouncelens.server;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.bouncelens.server.imap.ImapLogin;
import io.bouncelens.server.imap.ImapMailbox;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Properties;

/** A real IMAP server (GreenMail) on a free loopback port, with one mailbox bounces land in. */
final class TestImapServer implements AutoCloseable {

    static final String PASSWORD = "s3cret";

    private final GreenMail greenMail;
    private final GreenMailUser user;
    private final boolean tls;

    TestImapServer() {
        this(false);
    }

    /**
     * With {@code tls}, IMAPS presenting the test certificate for localhost ({@link TestTls#RSA}).
     * GreenMail reads its key store from system properties once per JVM, so every TLS server of
     * the tests presents that one certificate.
     */
    TestImapServer(boolean tls) {
        this.tls = tls;
        if (tls) TestTls.useForGreenMail(TestTls.RSA);
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", tls ? ServerSetup.PROTOCOL_IMAPS : ServerSetup.PROTOCOL_IMAP));
        greenMail.start();
        user = greenMail.setUser("bounces@example.org", "bounces@example.org", PASSWORD);
    }

    /** The mailbox named by {@code host} (localhost or 127.0.0.1), over imaps:// or imap:// as the server speaks. */
    ImapMailbox mailbox(String host, String password) {
        int port = tls ? greenMail.getImaps().getPort() : greenMail.getImap().getPort();
        return ImapMailbox.parse((tls ? "imaps://" : "imap://") + "bounces%40example.org@" + host + ":" + port + "/INBOX",
                new ImapLogin(false, password, null), Duration.ofMillis(200));
    }

    /** The mailbox as {@code serve --imap} names it, logged in to with this password, read every 0.2 s. */
    ImapMailbox mailbox(String password) {
        return mailbox(new ImapLogin(false, password, null));
    }

    ImapMailbox mailbox(ImapLogin login) {
        return ImapMailbox.parse("imap://bounces%40example.org@127.0.0.1:" + greenMail.getImap().getPort() + "/INBOX",
                login, Duration.ofMillis(200));
    }

    /** What the server takes as the password, and as the access token of an XOAUTH2 login. */
    void changeSecret(String secret) {
        user.setPassword(secret);
    }

    /** Puts one of {@link TestBounces} into the mailbox. */
    void deliver(String bounce) throws Exception {
        deliver(TestBounces.bytes(bounce));
    }

    void deliver(byte[] message) throws Exception {
        user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(message)));
    }

    MimeMessage[] messages() {
        return greenMail.getReceivedMessages();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
