package io.bouncelens.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same intake scenarios on a real PostgreSQL server (BOUNCELENS_TEST_PG_URL; .ci/run starts one).
 * Each test gets a schema of its own, dropped afterwards, so runs never see each other's rows.
 */
class PostgresIntakeTest extends IntakeScenarios {

    private String baseUrl;
    private String schema;

    @Override
    ServerConfig freshConfig() throws Exception {
        baseUrl = ExternalServices.postgresUrl();
        schema = "bl_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return RunningServer.config(Files.createTempDirectory("bouncelens-pg")).withDatabaseUrl(url);
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (schema == null) return;
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void migratesItsOwnSchemaOnPostgres() throws Exception {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema
                     + "' ORDER BY table_name")) {
            java.util.List<String> tables = new java.util.ArrayList<>();
            while (rs.next()) tables.add(rs.getString(1));
            assertThat(tables).contains("bounces", "messages", "suppressions", "flyway_schema_history");
        }
        assertThat(running.server.storeDescription()).startsWith("jdbc:postgresql:").doesNotContain("password");
    }
}
