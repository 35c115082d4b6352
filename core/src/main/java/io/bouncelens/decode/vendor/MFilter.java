package io.bouncelens.decode.vendor;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Digital Arts m-FILTER's Japanese notices: the failed addresses after
 * 以下のメールアドレスへの送信に失敗しました ("sending to these addresses failed"), the server's answer
 * under {@code -------server message} and the SMTP command under {@code -------SMTP command}.
 */
public final class MFilter implements VendorFormat {

    private static final String START = "以下のメールアドレスへの送信に失敗しました";
    private static final String SERVER = "-------server message";
    private static final String COMMAND = "-------SMTP command";

    @Override
    public String name() {
        return "mfilter";
    }

    private static final Signature SIGNATURE = Signature.inText(START, SERVER);

    @Override
    public Signature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean recognises(ParsedMessage message, TextHits text) {
        return text.contains(START) && text.contains(SERVER);
    }

    @Override
    public List<FailedRecipient> read(ParsedMessage message) {
        ReportText text = ReportText.of(message.text());
        int start = text.find(START);
        int server = text.find(SERVER, start);
        if (start < 0 || server < 0) return List.of();
        int command = text.find(COMMAND, server);
        int end = text.findAny(server + 1, "-------");
        String said = text.join(server + 1, end < 0 ? text.size() : end);
        String verb = null;
        if (command >= 0) {
            for (int i = command + 1; i < text.size(); i++) {
                String l = text.line(i).strip();
                if (l.isEmpty()) continue;
                if (!l.startsWith("-------")) verb = ReplyParts.command(l) != null ? ReplyParts.command(l) : commandWord(l);
                break;
            }
        }
        List<Finding> out = new ArrayList<>();
        for (int i = start + 1; i < server && out.size() < RecipientBlocks.MAX_RECIPIENTS; i++) {
            String address = AddressScanner.wholeLine(text.line(i));
            if (address != null) out.add(Finding.of(address, said).withCommand(verb));
        }
        return Finding.toRecipients(out);
    }

    private static String commandWord(String line) {
        int sp = line.indexOf(' ');
        String w = (sp < 0 ? line : line.substring(0, sp)).toUpperCase(java.util.Locale.ROOT);
        return w.length() <= 8 ? w : null;
    }
}
