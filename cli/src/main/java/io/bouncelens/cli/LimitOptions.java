package io.bouncelens.cli;

import io.bouncelens.decode.Limits;
import picocli.CommandLine.Option;

/**
 * The decoder's bounds as options ({@code --max-...}), defaulting to {@link Limits#DEFAULT}. Past
 * a bound a message is diagnosed from what was read, its records are marked truncated and the
 * run goes on; docs/security.md explains each one.
 */
final class LimitOptions {

    @Option(names = "--max-message-size", paramLabel = "BYTES",
            description = "bytes read of one message; the rest is skipped (default: ${DEFAULT-VALUE})")
    long maxMessageBytes = Limits.DEFAULT.maxMessageBytes();

    @Option(names = "--max-header-size", paramLabel = "BYTES",
            description = "bytes of one header field, folded lines included (default: ${DEFAULT-VALUE})")
    int maxHeaderLineBytes = Limits.DEFAULT.maxHeaderLineBytes();

    @Option(names = "--max-headers", paramLabel = "N",
            description = "header fields kept per MIME entity (default: ${DEFAULT-VALUE})")
    int maxHeaderCount = Limits.DEFAULT.maxHeaderCount();

    @Option(names = "--max-mime-depth", paramLabel = "N",
            description = "nesting of multiparts (default: ${DEFAULT-VALUE})")
    int maxMimeDepth = Limits.DEFAULT.maxMimeDepth();

    @Option(names = "--max-parts", paramLabel = "N",
            description = "MIME parts read of one message (default: ${DEFAULT-VALUE})")
    int maxParts = Limits.DEFAULT.maxParts();

    @Option(names = "--max-recipients", paramLabel = "N",
            description = "recipients taken from one report (default: ${DEFAULT-VALUE})")
    int maxRecipients = Limits.DEFAULT.maxRecipients();

    @Option(names = "--max-text-size", paramLabel = "BYTES",
            description = "decoded bytes kept of one text part (default: ${DEFAULT-VALUE})")
    int maxTextBytesPerPart = Limits.DEFAULT.maxTextBytesPerPart();

    /** The limits asked for; throws IllegalArgumentException (one line) when one is not positive. */
    Limits limits() {
        return new Limits(maxMessageBytes, maxHeaderLineBytes, maxHeaderCount, maxMimeDepth, maxParts,
                maxRecipients, maxTextBytesPerPart);
    }
}
