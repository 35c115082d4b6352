package io.bouncelens.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The connection pool, migrated schema and Jdbi handle of one store: SQLite in a file by default,
 * PostgreSQL when a {@code jdbc:postgresql:} URL is given. Migrations run on open.
 */
public final class Database implements AutoCloseable {

    /** The two kinds of database the schema is written for; each has its own migration folder. */
    public enum Kind { SQLITE, POSTGRESQL }

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Kind kind;

    private Database(HikariDataSource dataSource, Kind kind) {
        this.dataSource = dataSource;
        this.kind = kind;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** The embedded store: {@code bouncelens.db} inside {@code dataDir}, created when missing. */
    public static Database embedded(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create data directory " + dataDir + ": " + e.getMessage(), e);
        }
        Path file = dataDir.toAbsolutePath().resolve("bouncelens.db");
        return open("jdbc:sqlite:" + file);
    }

    /** Opens and migrates the database at {@code jdbcUrl} (jdbc:sqlite:... or jdbc:postgresql:...). */
    public static Database open(String jdbcUrl) {
        Kind kind = kindOf(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setPoolName("bouncelens-store");
        config.setInitializationFailTimeout(10_000);
        config.setConnectionTimeout(15_000);
        if (kind == Kind.SQLITE) {
            // WAL lets readers go on while one writer commits; synchronous=FULL makes a commit
            // durable before SMTP answers 250; IMMEDIATE transactions take the write lock up front
            // so two writers wait for each other instead of failing with SQLITE_BUSY half-way.
            config.setJdbcUrl(jdbcUrl);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("busy_timeout", "15000");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.addDataSourceProperty("foreign_keys", "true");
            config.setMaximumPoolSize(4);
        } else {
            config.setJdbcUrl(jdbcUrl);
            config.setMaximumPoolSize(10);
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open database " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:io/bouncelens/server/db/" + kind.name().toLowerCase(java.util.Locale.ROOT))
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw new StoreException("cannot migrate database " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
        return new Database(dataSource, kind);
    }

    static Kind kindOf(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) return Kind.SQLITE;
        if (jdbcUrl.startsWith("jdbc:postgresql:")) return Kind.POSTGRESQL;
        throw new StoreException("unsupported database URL " + redact(jdbcUrl)
                + " (use jdbc:postgresql://host/db or leave --db out for the embedded store)", null);
    }

    /** The URL without its query string, which may carry a password. */
    public static String redact(String jdbcUrl) {
        int q = jdbcUrl.indexOf('?');
        return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q) + "?...";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
