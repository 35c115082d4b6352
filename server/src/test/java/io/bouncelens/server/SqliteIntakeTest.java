package io.bouncelens.server;

import java.nio.file.Files;

/** The intake scenarios on the embedded SQLite store. */
class SqliteIntakeTest extends IntakeScenarios {

    @Override
    ServerConfig freshConfig() throws Exception {
        return RunningServer.config(Files.createTempDirectory("bouncelens-smtp")).withMaxMessageBytes(256 * 1024);
    }
}
