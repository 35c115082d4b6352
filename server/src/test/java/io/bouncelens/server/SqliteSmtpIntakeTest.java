package io.bouncelens.server;

import java.nio.file.Files;

/** The SMTP scenarios on the embedded SQLite store. */
class SqliteSmtpIntakeTest extends SmtpIntakeScenarios {

    @Override
    ServerConfig freshConfig() throws Exception {
        return RunningServer.config(Files.createTempDirectory("bouncelens-smtp")).withMaxMessageBytes(256 * 1024);
    }
}
