package io.bouncelens.decode.vendor;

import io.bouncelens.decode.ParsedMessage;

import java.util.Locale;

/**
 * Whether a message comes from a mail system's own account (MAILER-DAEMON, postmaster) rather than
 * from a person: providers whose users also write from the same domain (qq.com, 163.com) are
 * recognised by their notices only when such an account sent them.
 */
final class MailSystemSender {

    private static final String[] LOCAL_PARTS = {"mailer-daemon", "mailer_daemon", "mailerdaemon", "postmaster", "mail-daemon"};

    private MailSystemSender() {
    }

    static boolean sent(ParsedMessage message) {
        String address = AddressScanner.first(message.from());
        String local = address == null ? message.from().strip() : address.substring(0, address.lastIndexOf('@'));
        String l = local.toLowerCase(Locale.ROOT);
        for (String p : LOCAL_PARTS) if (l.equals(p) || l.startsWith(p + "@") || l.startsWith(p + " ")) return true;
        return false;
    }
}
