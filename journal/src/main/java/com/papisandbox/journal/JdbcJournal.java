package com.papisandbox.journal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The journal on a SQL database (SQLite embedded, or PostgreSQL), same schema on both (Flyway
 * migrations under {@code db/migration/<dialect>}). Appends go through one connection, one
 * transaction per batch: the group commit that makes durable-before-reply affordable. Snapshots are
 * written through another connection, in parts of their own transactions, so that a snapshot written
 * on another thread never holds the store's write lock (SQLite has one) for long.
 */
public final class JdbcJournal implements Journal {
    private static final Logger log = LoggerFactory.getLogger(JdbcJournal.class);
    private static final int FETCH_SIZE = 10_000;
    /** A snapshot part, written in a transaction of its own: short enough not to hold up appends. */
    static final int SNAPSHOT_PART_BYTES = 1 << 20;
    private static final int PARTS_PER_DELETE = 8;

    private final DataSource dataSource;
    private final AutoCloseable owner;
    private final String location;
    private final Connection writer;
    private final PreparedStatement insert;
    private long lastSequence;

    JdbcJournal(DataSource dataSource, AutoCloseable owner, String location) {
        this.dataSource = dataSource;
        this.owner = owner;
        this.location = location;
        try {
            writer = dataSource.getConnection();
            writer.setAutoCommit(false);
            try (PreparedStatement s = writer.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM journal");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                lastSequence = rs.getLong(1);
            }
            writer.commit();
            insert = writer.prepareStatement("INSERT INTO journal (seq, ts, crc, command) VALUES (?, ?, ?, ?)");
        } catch (SQLException e) {
            throw new JournalException("cannot open journal " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public void append(List<JournalEntry> batch) {
        if (batch.isEmpty()) return;
        long before = lastSequence;
        try {
            long expected = lastSequence + 1;
            for (JournalEntry entry : batch) {
                if (entry.sequence() != expected++) {
                    throw new JournalException("journal sequence gap: expected " + (expected - 1) + ", got " + entry.sequence());
                }
                String command = CommandCodec.encode(entry.command());
                insert.setLong(1, entry.sequence());
                insert.setLong(2, entry.timestamp());
                insert.setLong(3, Checksums.entry(entry.sequence(), entry.timestamp(), command));
                insert.setString(4, command);
                insert.addBatch();
            }
            insert.executeBatch();
            writer.commit();
            lastSequence = batch.get(batch.size() - 1).sequence();
        } catch (SQLException e) {
            lastSequence = before;
            rollbackQuietly();
            throw new JournalException("cannot write to journal " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void replay(long afterSequence, Consumer<JournalEntry> consumer) {
        scan(afterSequence, Long.MAX_VALUE, consumer);
    }

    @Override
    public void verify(long upToSequence) {
        if (upToSequence > 0) scan(0, upToSequence, null);
    }

    /** Checks entries in (after, upTo]; decodes and delivers them when a consumer is given. */
    private void scan(long afterSequence, long upToSequence, Consumer<JournalEntry> consumer) {
        long expected = afterSequence + 1;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT seq, ts, crc, command FROM journal WHERE seq > ? AND seq <= ? ORDER BY seq")) {
                s.setFetchSize(FETCH_SIZE);
                s.setLong(1, afterSequence);
                s.setLong(2, upToSequence);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong(1);
                        long ts = rs.getLong(2);
                        long crc = rs.getLong(3);
                        String command = rs.getString(4);
                        if (seq != expected) {
                            throw new JournalCorruptedException("journal " + location + " is damaged: sequence gap at position "
                                    + expected + " (the next entry present is " + seq + "); refusing to start");
                        }
                        if (crc != Checksums.entry(seq, ts, command)) {
                            throw new JournalCorruptedException("journal " + location + " is damaged: checksum mismatch at sequence "
                                    + seq + "; refusing to start");
                        }
                        if (consumer == null) {
                            expected++;
                            continue;
                        }
                        JournalEntry entry;
                        try {
                            entry = new JournalEntry(seq, ts, CommandCodec.decode(command));
                        } catch (JournalException e) {
                            throw new JournalCorruptedException("journal " + location + " is damaged at sequence " + seq + ": " + e.getMessage());
                        }
                        consumer.accept(entry);
                        expected++;
                    }
                }
            }
            if (consumer == null && expected != upToSequence + 1) {
                throw new JournalCorruptedException("journal " + location + " is damaged: sequence gap at position "
                        + expected + " (entries up to " + upToSequence + " expected); refusing to start");
            }
            c.commit();
        } catch (SQLException e) {
            throw new JournalException("cannot read journal " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long lastSequence() {
        return lastSequence;
    }

    @Override
    public Optional<Snapshot> latestSnapshot() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<Long> sequences = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT seq FROM snapshots WHERE seq <= ? ORDER BY seq DESC")) {
                s.setLong(1, lastSequence);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) sequences.add(rs.getLong(1));
                }
            }
            for (long seq : sequences) {
                try (PreparedStatement s = c.prepareStatement("SELECT ts, crc, parts, state FROM snapshots WHERE seq = ?")) {
                    s.setLong(1, seq);
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) continue;
                        long ts = rs.getLong(1);
                        long crc = rs.getLong(2);
                        int parts = rs.getInt(3);
                        byte[] state = parts == 0 ? rs.getBytes(4) : readParts(c, seq, parts);
                        if (state != null && crc == Checksums.bytes(state)) {
                            c.commit();
                            return Optional.of(new Snapshot(seq, ts, state));
                        }
                        log.warn("snapshot at sequence {} in {} fails its checksum; using an older one or the journal", seq, location);
                    }
                }
            }
            c.commit();
            return Optional.empty();
        } catch (SQLException e) {
            throw new JournalException("cannot read snapshots of " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes the parts no snapshot row claims (pruned snapshots, a crashed write), a few at a time:
     * freeing a whole snapshot's pages in one transaction would hold the write lock as long as writing it.
     */
    private static void deleteUnclaimedParts(Connection c) throws SQLException {
        List<long[]> unclaimed = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT seq, MAX(part) FROM snapshot_parts WHERE seq NOT IN (SELECT seq FROM snapshots) GROUP BY seq");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) unclaimed.add(new long[]{rs.getLong(1), rs.getLong(2)});
        }
        c.commit();
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM snapshot_parts WHERE seq = ? AND part >= ? AND part < ?")) {
            for (long[] snapshot : unclaimed) {
                for (long from = 0; from <= snapshot[1]; from += PARTS_PER_DELETE) {
                    delete.setLong(1, snapshot[0]);
                    delete.setLong(2, from);
                    delete.setLong(3, from + PARTS_PER_DELETE);
                    delete.executeUpdate();
                    c.commit();
                }
            }
        }
    }

    /** The parts of a snapshot joined, or null if any is missing. */
    private static byte[] readParts(Connection c, long seq, int parts) throws SQLException {
        ByteArrayOutputStream state = new ByteArrayOutputStream(parts * SNAPSHOT_PART_BYTES);
        int next = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT part, data FROM snapshot_parts WHERE seq = ? ORDER BY part")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(1) != next++) return null;
                    state.writeBytes(rs.getBytes(2));
                }
            }
        }
        return next == parts ? state.toByteArray() : null;
    }

    /**
     * Writes the parts first, each in its own transaction, then the row that makes the snapshot count
     * (a crash in between leaves parts without a row: ignored, and removed by the next snapshot, before
     * and after it writes), and keeps the two newest snapshots. Safe to call from another thread while appends go on, one
     * snapshot at a time.
     */
    @Override
    public void saveSnapshot(Snapshot snapshot) {
        byte[] state = snapshot.state();
        int parts = Math.max(1, (state.length + SNAPSHOT_PART_BYTES - 1) / SNAPSHOT_PART_BYTES);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement saved = c.prepareStatement("SELECT 1 FROM snapshots WHERE seq = ?")) {
                    saved.setLong(1, snapshot.sequence());
                    try (ResultSet rs = saved.executeQuery()) {
                        if (rs.next()) {
                            c.commit();
                            return; // that state is saved already
                        }
                    }
                }
                // Reads end their transaction before any write: on SQLite a transaction that read first cannot
                // become a writer once the journal has committed after that read (SQLITE_BUSY at once).
                c.commit();
                deleteUnclaimedParts(c); // including those of a crashed write at this very sequence
                try (PreparedStatement part = c.prepareStatement("INSERT INTO snapshot_parts (seq, part, data) VALUES (?, ?, ?)")) {
                    for (int p = 0; p < parts; p++) {
                        part.setLong(1, snapshot.sequence());
                        part.setInt(2, p);
                        part.setBytes(3, Arrays.copyOfRange(state, p * SNAPSHOT_PART_BYTES,
                                Math.min(state.length, (p + 1) * SNAPSHOT_PART_BYTES)));
                        part.executeUpdate();
                        c.commit();
                    }
                }
                try (PreparedStatement row = c.prepareStatement("INSERT INTO snapshots (seq, ts, crc, parts, state) VALUES (?, ?, ?, ?, ?)");
                     PreparedStatement prune = c.prepareStatement("DELETE FROM snapshots WHERE seq < (SELECT MAX(seq) FROM snapshots) "
                             + "AND seq NOT IN (SELECT seq FROM snapshots ORDER BY seq DESC LIMIT 2)")) {
                    row.setLong(1, snapshot.sequence());
                    row.setLong(2, snapshot.timestamp());
                    row.setLong(3, Checksums.bytes(state));
                    row.setInt(4, parts);
                    row.setBytes(5, new byte[0]);
                    row.executeUpdate();
                    prune.executeUpdate();
                    c.commit();
                }
                deleteUnclaimedParts(c);
            } catch (SQLException e) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new JournalException("cannot write snapshot to " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void saveState(String name, String hash, long timestamp, byte[] state) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // A state is written once: the same bytes saved again under another name share the row.
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO saved_states (hash, ts, crc, data) VALUES (?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING");
                     PreparedStatement drop = c.prepareStatement("DELETE FROM state_names WHERE name = ?");
                     PreparedStatement point = c.prepareStatement("INSERT INTO state_names (name, hash, ts) VALUES (?, ?, ?)")) {
                    insert.setString(1, hash);
                    insert.setLong(2, timestamp);
                    insert.setLong(3, Checksums.bytes(state));
                    insert.setBytes(4, state);
                    insert.executeUpdate();
                    drop.setString(1, name);
                    drop.executeUpdate();
                    point.setString(1, name);
                    point.setString(2, hash);
                    point.setLong(3, timestamp);
                    point.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new JournalException("cannot save state " + name + " to " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> loadState(String hash) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT crc, data FROM saved_states WHERE hash = ?")) {
            s.setString(1, hash);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                long crc = rs.getLong(1);
                byte[] data = rs.getBytes(2);
                if (Checksums.bytes(data) != crc) {
                    throw new JournalCorruptedException("saved state " + hash + " in " + location + " fails its checksum");
                }
                return Optional.of(data);
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read saved state " + hash + " of " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<SavedState> savedStates() {
        List<SavedState> states = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT n.name, n.hash, n.ts, LENGTH(s.data) FROM state_names n "
                     + "JOIN saved_states s ON s.hash = n.hash ORDER BY n.name");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) states.add(new SavedState(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
        } catch (SQLException e) {
            throw new JournalException("cannot list saved states of " + location + ": " + e.getMessage(), e);
        }
        return states;
    }

    @Override
    public List<JournalEntry> lastEntries(int n) {
        List<JournalEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT seq, ts, command FROM journal ORDER BY seq DESC LIMIT ?")) {
            s.setInt(1, n);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) entries.add(new JournalEntry(rs.getLong(1), rs.getLong(2), CommandCodec.decode(rs.getString(3))));
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read journal " + location + ": " + e.getMessage(), e);
        }
        Collections.reverse(entries);
        return entries;
    }

    private void rollbackQuietly() {
        try {
            writer.rollback();
        } catch (SQLException e) {
            log.warn("rollback failed on {}: {}", location, e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            insert.close();
            writer.close();
            owner.close();
        } catch (Exception e) {
            throw new JournalException("cannot close journal " + location, e);
        }
    }
}
