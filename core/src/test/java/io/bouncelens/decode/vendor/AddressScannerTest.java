package io.bouncelens.decode.vendor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AddressScannerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            <a.b@example.com>:                        | a.b@example.com
            "c@example.org":                          | c@example.org
            nyaan%gol.com@q002.example.com            | nyaan%gol.com@q002.example.com
              bob@receiver.example                    | bob@receiver.example
            Unknown user: d@example.net               | -
            root@localhost                            | root@localhost
            not-an-address@                           | -
            """)
    void acceptsALineThatIsOneAddress(String line, String expected) {
        assertThat(AddressScanner.wholeLine(line)).isEqualTo(expected);
    }

    @Test
    void findsTheAddressInsideProseWithoutTheSentencesFullStop() {
        assertThat(AddressScanner.first("Sorry, your message to e@f.example. cannot be delivered"))
                .isEqualTo("e@f.example");
        assertThat(AddressScanner.first("RCPT TO:<g@h.example>")).isEqualTo("g@h.example");
    }

    @Test
    void staysLinearOnAThousandAtSigns() {
        String hostile = "a@".repeat(500_000);
        long start = System.nanoTime();
        AddressScanner.first(hostile);
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }
}
