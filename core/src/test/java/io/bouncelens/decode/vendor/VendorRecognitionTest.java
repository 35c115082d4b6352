package io.bouncelens.decode.vendor;

import io.bouncelens.decode.Fixtures;
import io.bouncelens.decode.Header;
import io.bouncelens.decode.Headers;
import io.bouncelens.decode.Limits;
import io.bouncelens.decode.MessageParser;
import io.bouncelens.decode.ParsedMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one-pass recognition of vendor formats decides exactly as each format searching the text
 * for its own literals would: a format that recognises a message is always offered it (its
 * signature is complete), and the scan's hits are the literals the text contains.
 */
class VendorRecognitionTest {

    private final VendorRecognition recognition = new VendorRecognition(VendorFormats.all());
    private final MessageParser parser = new MessageParser(Limits.DEFAULT);

    @Test
    void theOnePassScanDecidesAsEachFormatSearchingAloneOnTheFixturesAndTheCorpus() throws Exception {
        List<ParsedMessage> messages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(Fixtures.class.getResource("/mail").toURI()))) {
            files.filter(Files::isRegularFile).forEach(p -> messages.add(parse(p)));
        }
        Path corpus = Path.of(System.getProperty("bouncelens.shared", "../shared"), "corpus", "emails", "maildir");
        if (Files.isDirectory(corpus)) {
            try (Stream<Path> files = Files.walk(corpus)) {
                files.filter(Files::isRegularFile).forEach(p -> messages.add(parse(p)));
            }
        }
        Set<String> recognisedSomewhere = new HashSet<>();
        for (ParsedMessage m : messages) {
            VendorRecognition.Scan scan = recognition.scan(m);
            for (int i = 0; i < recognition.formats().size(); i++) {
                VendorFormat format = recognition.formats().get(i);
                // alone, a format may ask only about its own literals (TextHits throws otherwise)
                boolean alone = format.recognises(m);
                boolean inOnePass = scan.offered(i) && format.recognises(m, scan.hits());
                assertThat(inOnePass).as("%s on %s", format.name(), m.subject()).isEqualTo(alone);
                if (alone) recognisedSomewhere.add(format.name());
            }
        }
        // the check above means something only if most formats met a message of theirs
        assertThat(recognisedSomewhere.size()).isGreaterThanOrEqualTo(recognition.formats().size() * 3 / 4);
    }

    @Test
    void aPersonsMessageIsOfferedToNoFormat() {
        ParsedMessage letter = message("Alice <alice@example.org>", "Lunch?", "Shall we meet at noon on Friday?\n");

        VendorRecognition.Scan scan = recognition.scan(letter);

        for (int i = 0; i < recognition.formats().size(); i++) assertThat(scan.offered(i)).isFalse();
    }

    @Test
    void aLiteralInTheTextOffersTheMessageToItsFormatsOnly() {
        ParsedMessage m = message("MAILER-DAEMON@mx.example.org", "failure notice",
                "Hi. This is the qmail-send program at mx.example.org.\n");

        VendorRecognition.Scan scan = recognition.scan(m);

        List<String> offered = new ArrayList<>();
        for (int i = 0; i < recognition.formats().size(); i++) {
            if (scan.offered(i)) offered.add(recognition.formats().get(i).name());
        }
        assertThat(offered).containsExactly("qmail");
    }

    @Test
    void aHeaderSignOffersAMessageWithoutAnyTextLiteral() {
        ParsedMessage m = message("postmaster@ezweb.ne.jp", "Mail System Error - Returned Mail", "<adam@ezweb.ne.jp>: unknown\n");

        VendorRecognition.Scan scan = recognition.scan(m);

        int ezweb = indexOf("ezweb");
        assertThat(scan.offered(ezweb)).isTrue();
        assertThat(recognition.formats().get(ezweb).recognises(m, scan.hits())).isTrue();
    }

    /** Formats asking the same field for different literals each get their own answer, in any case. */
    @Test
    void formatsSharingAHeaderFieldAreEachOfferedOnTheirOwnLiteral() {
        VendorRecognition two = new VendorRecognition(List.of(
                format("mailer-a", Signature.inText("never here").orHeader("X-Mailer", "alpha")),
                format("mailer-b", Signature.inText("nor here").orHeader("x-mailer", "beta", "gamma")),
                format("any-dsn", Signature.inText("nowhere").orDeliveryStatusField("Reporting-MTA"))));
        Headers headers = new Headers(List.of(new Header("From", "x@example.org"), new Header("X-MAILER", "Gamma Mailer 2.0")));
        ParsedMessage m = new ParsedMessage(headers, "text/plain", "text", null, null, null, List.of("text/plain"), false, List.of());

        VendorRecognition.Scan scan = two.scan(m);

        assertThat(scan.offered(0)).isFalse();
        assertThat(scan.offered(1)).isTrue();
        assertThat(scan.offered(2)).as("no delivery-status part").isFalse();
    }

    private static VendorFormat format(String name, Signature signature) {
        return new VendorFormat() {
            public String name() {
                return name;
            }

            public Signature signature() {
                return signature;
            }

            public boolean recognises(ParsedMessage message, TextHits text) {
                return false;
            }

            public List<io.bouncelens.decode.FailedRecipient> read(ParsedMessage message) {
                return List.of();
            }
        };
    }

    @Test
    void askingAboutALiteralTheFormatDidNotDeclareIsAnError() {
        TextHits hits = TextHits.search("a mail system notice", List.of("notice"));

        assertThat(hits.contains("notice")).isTrue();
        assertThatThrownBy(() -> hits.contains("mail")).isInstanceOf(IllegalArgumentException.class);
    }

    private int indexOf(String name) {
        for (int i = 0; i < recognition.formats().size(); i++) {
            if (recognition.formats().get(i).name().equals(name)) return i;
        }
        throw new AssertionError(name);
    }

    private ParsedMessage parse(Path p) {
        try {
            return parser.parse(new ByteArrayInputStream(Files.readAllBytes(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ParsedMessage message(String from, String subject, String text) {
        Headers headers = new Headers(List.of(new Header("From", from), new Header("Subject", subject)));
        return new ParsedMessage(headers, "text/plain", text, null, null, null, List.of("text/plain"), false, List.of());
    }
}
