package com.papisandbox.journal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opens the journal named by {@code --store}: nothing (the default) means SQLite in the data dir;
 * {@code postgresql://user:password@host:port/db?schema=name} or a {@code jdbc:postgresql:} URL
 * means PostgreSQL. The schema is created or upgraded by Flyway either way.
 */
public final class JournalStores {
    public static final String SQLITE_FILE = "papi-sandbox.db";

    private JournalStores() {
    }

    public static Journal open(String store, Path dataDir) {
        if (store == null || store.isBlank() || store.equals("sqlite")) return sqlite(dataDir);
        if (store.startsWith("postgresql://") || store.startsWith("postgres://") || store.startsWith("jdbc:postgresql:")) {
            return postgres(store);
        }
        throw new IllegalArgumentException("--store must be a postgresql:// or jdbc:postgresql: URL (or omitted for SQLite), got '" + store + "'");
    }

    public static Journal sqlite(Path dataDir) {
        Path file = dataDir.resolve(SQLITE_FILE).toAbsolutePath();
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new JournalException("cannot create data dir " + dataDir + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file);
        migrate(ds, "sqlite", null, file.toString());
        return new JdbcJournal(ds, () -> { }, file.toString());
    }

    public static Journal postgres(String store) {
        PostgresUrl url = PostgresUrl.parse(store);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) config.setUsername(url.user());
        if (url.password() != null) config.setPassword(url.password());
        config.setMaximumPoolSize(4);
        config.setPoolName("papi-sandbox-journal");
        if (url.schema() != null) config.setSchema(url.schema());
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new JournalException("cannot connect to " + url.display() + ": " + e.getMessage(), e);
        }
        try {
            migrate(ds, "postgresql", url.schema(), url.display());
            return new JdbcJournal(ds, ds, url.display());
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    private static void migrate(javax.sql.DataSource ds, String dialect, String schema, String location) {
        try {
            var flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration/" + dialect)
                    .loggers("slf4j");
            if (schema != null) flyway.schemas(schema).createSchemas(true);
            flyway.load().migrate();
        } catch (RuntimeException e) {
            throw new JournalException("cannot prepare the schema of " + location + ": " + e.getMessage(), e);
        }
    }

    /** A PostgreSQL location, credentials kept out of {@link #display()}. */
    record PostgresUrl(String jdbcUrl, String user, String password, String schema, String display) {
        static PostgresUrl parse(String store) {
            if (store.startsWith("jdbc:")) {
                Map<String, String> q = query(store.contains("?") ? store.substring(store.indexOf('?') + 1) : "");
                String display = store.contains("?") ? store.substring(0, store.indexOf('?')) : store;
                return new PostgresUrl(store, null, null, q.getOrDefault("currentSchema", null), display);
            }
            URI uri = URI.create(store);
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
                if (parts.length == 2) password = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
            Map<String, String> q = query(uri.getRawQuery() == null ? "" : uri.getRawQuery());
            String schema = q.remove("schema");
            if (user == null) user = q.remove("user");
            if (password == null) password = q.remove("password");
            StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost() == null ? "127.0.0.1" : uri.getHost());
            if (uri.getPort() > 0) jdbc.append(':').append(uri.getPort());
            jdbc.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/postgres" : uri.getRawPath());
            String rest = String.join("&", q.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            if (!rest.isEmpty()) jdbc.append('?').append(rest);
            String display = "postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getRawPath()
                    + (schema == null ? "" : " (schema " + schema + ")");
            return new PostgresUrl(jdbc.toString(), user, password, schema, display);
        }

        private static Map<String, String> query(String raw) {
            Map<String, String> q = new LinkedHashMap<>();
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                q.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return q;
        }
    }
}
