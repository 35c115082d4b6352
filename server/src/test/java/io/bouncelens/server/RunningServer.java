package io.bouncelens.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A server started in this JVM on free loopback ports with its own fresh store. */
final class RunningServer implements AutoCloseable {

    final BounceServer server;
    final ApiClient api;
    final Path dataDir;

    private RunningServer(BounceServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
        this.api = new ApiClient(server.httpPort());
    }

    /** SQLite in a temporary directory. */
    static RunningServer embedded() throws IOException {
        return start(config(Files.createTempDirectory("bouncelens-test")));
    }

    static ServerConfig config(Path dataDir) {
        return ServerConfig.loopback(dataDir).withPorts(0, 0);
    }

    static RunningServer start(ServerConfig config) {
        return new RunningServer(BounceServer.start(config), config.dataDir());
    }

    int smtpPort() {
        return server.smtpPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
        if (dataDir != null && Files.exists(dataDir)) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
