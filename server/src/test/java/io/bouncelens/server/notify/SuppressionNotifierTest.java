package io.bouncelens.server.notify;

import com.sun.net.httpserver.HttpServer;
import io.bouncelens.server.intake.IntakeCounters;
import io.bouncelens.server.policy.SuppressionPolicy;
import io.bouncelens.server.store.BounceStore;
import io.bouncelens.server.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The notifier's page at a time, run by hand against a real HTTP endpoint and a real store. */
class SuppressionNotifierTest {

    /** Data directories and files of this class\'s tests, removed after each. */
    @TempDir
    Path scratch;

    @Test
    void whatAnotherServerOnTheStoreDeliveredIsNotPostedAgain() throws Exception {
        List<String> bodies = new ArrayList<>();
        HttpServer platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        platform.createContext("/hook", exchange -> {
            synchronized (bodies) {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        platform.start();
        URI url = URI.create("http://127.0.0.1:" + platform.getAddress().getPort() + "/hook");
        String mark = "webhook " + url; // the URL without a query, as the place is kept
        try (Database db = Database.embedded(Files.createDirectories(scratch.resolve("data")))) {
            BounceStore store = new BounceStore(db, SuppressionPolicy.defaults(), Clock.systemUTC());
            for (int i = 1; i <= 6; i++) store.addManual("a" + i + "@example.org", null);
            SuppressionNotifier notifier = new SuppressionNotifier(url, null, Duration.ofSeconds(1), store,
                    new IntakeCounters(), Clock.systemUTC());
            assertThat(notifier.pending()).isEqualTo(6);
            store.raiseMark(mark, 4); // what a second server posting to the same URL wrote
            assertThat(notifier.postNextPage()).isFalse(); // less than a page went
            assertThat(bodies).hasSize(1);
            assertThat(bodies.get(0)).contains("a5@example.org", "a6@example.org").doesNotContain("a4@example.org")
                    .endsWith("\"after\":6}");
            assertThat(notifier.pending()).isZero();
            assertThat(notifier.postNextPage()).isFalse(); // nothing new: nothing posted
            assertThat(bodies).hasSize(1);
            store.raiseMark(mark, 2); // a mark never moves back
            assertThat(store.mark(mark)).contains(6L);
        } finally {
            platform.stop(0);
        }
    }
}
