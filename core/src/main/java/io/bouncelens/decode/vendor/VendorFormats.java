package io.bouncelens.decode.vendor;

import java.util.List;

/**
 * The vendor formats the decoder tries, in order: the first that recognises a message and
 * finds recipients reads it. Put specific formats (a provider's own notice) before general ones
 * (a family of MTAs). To add a format: write one class in this package and list it here.
 */
public final class VendorFormats {

    private static final List<VendorFormat> ALL = List.of(
            // Providers' own notices, recognised by their sender or their fixed sentences.
            new Alibaba(), new Tencent(), new NetEase(), new Net263(),
            new GoogleGroups(), new Gmail(), new Yahoo(), new Aol(), new Zoho(), new AmazonWorkMail(), new AmazonSes(),
            new SendGrid(),
            new Ezweb(), new Kddi(), new MFilter(), new Fml(), new Mailman(), new ApacheJames(),
            // Gateways and MTAs with a layout of their own.
            new InterScanMss(), new Mimecast(), new MailMarshal(), new MailFoundry(), new IMailServer(), new MDaemon(),
            new Notes(), new Domino(), new MessagingServer(), new Courier(), new Exchange2007(), new Exchange2003(), new X1(), new X3(), new X6(), new X2(), new DragonFly(), new OpenSmtpd(),
            // Families many others copied: last, so a provider's variant is read by its own class.
            new Postfix(), new Sendmail(), new Qmail(), new Exim(),
            // A Chinese mail system's labelled notice no class above knows.
            new ChineseNotice()
    );

    private VendorFormats() {
    }

    public static List<VendorFormat> all() {
        return ALL;
    }
}
