package com.papisandbox.journal;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The durable, ordered log of state-changing commands, and snapshots of the state it produces. */
public interface Journal extends AutoCloseable {
    /** Writes the batch in one transaction; returns only when it is durable. */
    void append(List<JournalEntry> batch);

    /**
     * Feeds the entries after {@code afterSequence}, in order, to the consumer, checking each one's
     * checksum and that the sequence continues without a gap. Stops with a
     * {@link JournalCorruptedException} on damage.
     */
    void replay(long afterSequence, Consumer<JournalEntry> consumer);

    /**
     * Checks the checksums and the sequence of the entries from the first up to {@code upToSequence}
     * (the part a snapshot covers), without decoding them. Throws {@link JournalCorruptedException}.
     */
    void verify(long upToSequence);

    /** The sequence number of the last durable entry, 0 if none. */
    long lastSequence();

    /** The newest snapshot whose checksum is right; damaged ones are skipped (the journal has it all). */
    Optional<Snapshot> latestSnapshot();

    void saveSnapshot(Snapshot snapshot);

    /**
     * Keeps {@code state} under its SHA-256 {@code hash} for good (a journal entry may name it) and points
     * {@code name} at it, in one transaction; durable when this returns.
     */
    void saveState(String name, String hash, long timestamp, byte[] state);

    /** The state kept under {@code hash}; empty if none. Throws {@link JournalCorruptedException} if it is damaged. */
    Optional<byte[]> loadState(String hash);

    /** The named states, by name. */
    List<SavedState> savedStates();

    /** The last {@code n} entries, oldest first, for operators. */
    List<JournalEntry> lastEntries(int n);

    /** Where the journal lives, for messages: a file path or a database URL without credentials. */
    String location();

    @Override
    void close();
}
