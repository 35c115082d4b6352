package io.bouncelens.decode.vendor;

import io.bouncelens.decode.FailedRecipient;
import io.bouncelens.decode.ParsedMessage;

import java.util.List;

/**
 * One MTA's or provider's own bounce format (Exim's plain-text report, Microsoft's NDR, QQ's
 * Chinese notice, ...). Implementations are stateless and thread-safe; see {@code package-info}.
 */
public interface VendorFormat {

    /** Short lower-case name reported as {@code decodedBy}, e.g. {@code exim}, {@code office365}. */
    String name();

    /**
     * The literals of the report text this format's recognition asks about, and the header fields
     * that alone make a message worth asking about: a message with none of them is not offered to
     * {@link #recognises(ParsedMessage, TextHits)} at all. A constant.
     */
    Signature signature();

    /**
     * A cheap check on headers and the signature literals (From, Subject, X-Mailer, a marker
     * line), true when this format wrote the message. {@code text} says which of the signature's
     * literals the report text contains (all formats' literals are found in one pass before any
     * format is asked); no parsing and no searching of the text here.
     */
    boolean recognises(ParsedMessage message, TextHits text);

    /**
     * {@link #recognises(ParsedMessage, TextHits)} on its own, searching the report's own text (down to
     * the line introducing a pasted original) for this format's literals, as the one-pass scan does.
     */
    default boolean recognises(ParsedMessage message) {
        String text = message.text();
        String own = text.substring(0, io.bouncelens.decode.ReturnedMessage.ownTextEnd(text));
        return recognises(message, TextHits.search(own, signature().text()));
    }

    /**
     * The recipients the report names, with the remote server's text for each as
     * {@code diagnosticCode} and whatever codes, host, command and reason hint the format states.
     * An empty list means "recognised, but no recipient found": the next format is tried.
     */
    List<FailedRecipient> read(ParsedMessage message);
}
