package io.bouncelens.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.bouncelens.decode.MessageParser;
import io.bouncelens.decode.ParsedMessage;
import io.bouncelens.decode.vendor.VendorFormat;
import io.bouncelens.decode.vendor.VendorFormats;

import java.io.ByteArrayInputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every vendor format on any message. Each format's {@code read} runs whether or not it
 * {@code recognises} the message: recognisers are loose literal checks that a sender can satisfy
 * at will, so {@code read} has to survive anything. (The decoder also guards each format, but a
 * guarded crash still loses that report's recipients; here it fails.)
 */
class VendorFormatsFuzzTest {

    private static final List<VendorFormat> FORMATS = VendorFormats.all();
    private static final MessageParser PARSER = new MessageParser();

    @FuzzTest(maxDuration = "30s")
    void everyFormatReadsAnyMessage(byte[] raw) {
        ParsedMessage message = PARSER.parse(new ByteArrayInputStream(raw));
        for (VendorFormat format : FORMATS) {
            format.recognises(message);
            assertThat(format.read(message)).as(format.name()).isNotNull();
        }
    }
}
