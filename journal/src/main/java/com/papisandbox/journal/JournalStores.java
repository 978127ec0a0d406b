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

    public static final String LOCK_FILE = "papi-sandbox.lock";

    /** Opens the store for reading (tools, tests): several may be open at once. */
    public static Journal open(String store, Path dataDir) {
        return open(store, dataDir, false);
    }

    /**
     * Opens the store for the one sandbox that writes it: a second sandbox on the same data dir (or
     * PostgreSQL schema) fails at once instead of interleaving its commands with the first one's.
     */
    public static Journal openExclusive(String store, Path dataDir) {
        return open(store, dataDir, true);
    }

    private static Journal open(String store, Path dataDir, boolean exclusive) {
        if (store == null || store.isBlank() || store.equals("sqlite")) return sqlite(dataDir, exclusive);
        if (store.startsWith("postgresql://") || store.startsWith("postgres://") || store.startsWith("jdbc:postgresql:")) {
            return postgres(store, exclusive);
        }
        throw new IllegalArgumentException("--store must be a postgresql:// or jdbc:postgresql: URL (or omitted for SQLite), got '" + store + "'");
    }

    public static Journal sqlite(Path dataDir) {
        return sqlite(dataDir, false);
    }

    private static Journal sqlite(Path dataDir, boolean exclusive) {
        Path file = dataDir.resolve(SQLITE_FILE).toAbsolutePath();
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new JournalException("cannot create data dir " + dataDir + ": " + e.getMessage(), e);
        }
        AutoCloseable lock = exclusive ? lockDataDir(dataDir) : () -> { };
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file);
        try {
            migrate(ds, "sqlite", null, file.toString());
            return new JdbcJournal(ds, lock, file.toString());
        } catch (RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
    }

    private static AutoCloseable lockDataDir(Path dataDir) {
        Path lockFile = dataDir.resolve(LOCK_FILE).toAbsolutePath();
        try {
            java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
            java.nio.channels.FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new JournalException("data dir " + dataDir.toAbsolutePath() + " is in use by another papi-sandbox (" + lockFile + " is locked)");
            }
            java.nio.channels.FileLock held = lock;
            return () -> {
                held.release();
                channel.close();
            };
        } catch (java.io.IOException e) {
            throw new JournalException("cannot lock data dir " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already failing; the original error is the one to report
        }
    }

    public static Journal postgres(String store) {
        return postgres(store, false);
    }

    private static Journal postgres(String store, boolean exclusive) {
        PostgresUrl url = PostgresUrl.parse(store);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) config.setUsername(url.user());
        if (url.password() != null) config.setPassword(url.password());
        config.setMaximumPoolSize(6);
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
            AutoCloseable owner = exclusive ? advisoryLock(ds, url) : ds;
            return new JdbcJournal(ds, owner, url.display());
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    /** A session-level advisory lock on the schema, held by one pooled connection until close. */
    private static AutoCloseable advisoryLock(HikariDataSource ds, PostgresUrl url) {
        try {
            java.sql.Connection c = ds.getConnection();
            try (java.sql.PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
                s.setString(1, "papi-sandbox:" + (url.schema() == null ? "public" : url.schema()));
                try (java.sql.ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        c.close();
                        throw new JournalException("store " + url.display() + " is in use by another papi-sandbox");
                    }
                }
            }
            return () -> {
                c.close(); // back to the pool; closing the pool ends the session and the lock
                ds.close();
            };
        } catch (java.sql.SQLException e) {
            throw new JournalException("cannot lock " + url.display() + ": " + e.getMessage(), e);
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
