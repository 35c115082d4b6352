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
     * A cheap check on headers and a few literals (From, Subject, X-Mailer, a marker line), true
     * when this format wrote the message. Called for every message, in registry order: keep it
     * to header look-ups and {@code String.contains} on the text; no parsing here.
     */
    boolean recognises(ParsedMessage message);

    /**
     * The recipients the report names, with the remote server's text for each as
     * {@code diagnosticCode} and whatever codes, host, command and reason hint the format states.
     * An empty list means "recognised, but no recipient found": the next format is tried.
     */
    List<FailedRecipient> read(ParsedMessage message);
}
