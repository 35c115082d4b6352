package io.bouncelens.server;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services some tests need (PostgreSQL, Chromium). On a developer's machine without them those
 * tests skip; under CI (CI=true, where .ci/run installs them) a missing one fails instead of
 * letting the suite pass on tests that never ran.
 */
final class ExternalServices {

    static final String PG_URL_VARIABLE = "BOUNCELENS_TEST_PG_URL";
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private ExternalServices() {
    }

    static String postgresUrl() {
        String url = System.getenv(PG_URL_VARIABLE);
        require(url != null && !url.isBlank(), PG_URL_VARIABLE + " (a jdbc:postgresql: URL) is not set");
        return url;
    }

    static void requireChromium() {
        require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed");
    }

    private static void require(boolean present, String what) {
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(present).as(what + " under CI, where .ci/run provides it").isTrue();
        }
        Assumptions.assumeTrue(present, what + "; skipping");
    }
}
