package com.papisandbox.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;

/**
 * The embedded journal: one SQLite file in WAL mode with {@code synchronous=FULL}, so a committed
 * batch survives a process kill and a power cut. One transaction per batch (group commit) is what
 * makes durable-before-reply affordable: SQLite commits a few thousand transactions per second but
 * hundreds of thousands of rows per second in batches.
 */
public final class SqliteJournal implements Journal {
    public static final String FILE_NAME = "papi-sandbox.db";

    private final Path file;
    private final Connection connection;
    private final PreparedStatement insert;
    private long lastSequence;

    public SqliteJournal(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("CREATE TABLE IF NOT EXISTS journal ("
                        + "seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL, command TEXT NOT NULL)");
            }
            connection.setAutoCommit(false);
            connection.commit();
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM journal")) {
                rs.next();
                lastSequence = rs.getLong(1);
            }
            connection.commit();
            insert = connection.prepareStatement("INSERT INTO journal (seq, ts, command) VALUES (?, ?, ?)");
        } catch (Exception e) {
            throw new JournalException("cannot open journal " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void append(List<JournalEntry> batch) {
        if (batch.isEmpty()) return;
        try {
            for (JournalEntry entry : batch) {
                if (entry.sequence() != lastSequence + 1) {
                    throw new JournalException("journal sequence gap: expected " + (lastSequence + 1) + ", got " + entry.sequence());
                }
                insert.setLong(1, entry.sequence());
                insert.setLong(2, entry.timestamp());
                insert.setString(3, CommandCodec.encode(entry.command()));
                insert.addBatch();
                lastSequence = entry.sequence();
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            throw new JournalException("cannot write to journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void replay(Consumer<JournalEntry> consumer) {
        long expected = 1;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, ts, command FROM journal ORDER BY seq")) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                if (seq != expected) {
                    throw new JournalException("journal " + file + " has a gap at sequence " + expected + " (next is " + seq + ")");
                }
                consumer.accept(new JournalEntry(seq, rs.getLong(2), CommandCodec.decode(rs.getString(3))));
                expected++;
            }
            connection.commit();
        } catch (SQLException e) {
            throw new JournalException("cannot read journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long lastSequence() {
        return lastSequence;
    }

    @Override
    public void close() {
        try {
            insert.close();
            connection.close();
        } catch (SQLException e) {
            throw new JournalException("cannot close journal " + file, e);
        }
    }
}
