package io.bouncelens.decode.vendor;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A report line of nothing but the characters an address is stripped of. Stripping them one
 * substring at a time took time quadratic in the line (minutes for the 256 K characters a report
 * text may hold; found by the linear-time benchmark in the fuzz module); now it is one pass.
 */
class PunctuationRunTest {

    @Test
    void aLineOfColonsIsNoAddressAndIsDecidedInOnePass() {
        String colons = ":".repeat(1 << 20); // the old way: half a million million chars copied
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> AddressScanner.wholeLine(colons))).isNull();
    }

    @Test
    void nestedDecorationsStillComeOff() {
        assertThat(AddressScanner.strip("<\"(a@b.example)\">:,")).isEqualTo("a@b.example");
        assertThat(AddressScanner.strip("<>")).isEmpty();
        assertThat(AddressScanner.strip("[a@b.example];")).isEqualTo("a@b.example");
        assertThat(AddressScanner.wholeLine("  <user@receiver.example>:  ")).isEqualTo("user@receiver.example");
    }
}
