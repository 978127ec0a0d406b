package com.papisandbox.journal;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The durable, ordered log of state-changing commands, and snapshots of the state it produces. */
public interface Journal extends AutoCloseable {
    /** Writes the batch in one transaction; returns only when it is durable. */
    void append(List<JournalEntry> batch);

    /**
     * Checks every entry's checksum and the sequence from the first entry on, and feeds the entries
     * after {@code afterSequence}, in order, to the consumer. Stops with a
     * {@link JournalCorruptedException} on a checksum mismatch or a sequence gap anywhere.
     */
    void replay(long afterSequence, Consumer<JournalEntry> consumer);

    /** The sequence number of the last durable entry, 0 if none. */
    long lastSequence();

    /** The newest snapshot whose checksum is right; damaged ones are skipped (the journal has it all). */
    Optional<Snapshot> latestSnapshot();

    void saveSnapshot(Snapshot snapshot);

    /** The last {@code n} entries, oldest first, for operators. */
    List<JournalEntry> lastEntries(int n);

    /** Where the journal lives, for messages: a file path or a database URL without credentials. */
    String location();

    @Override
    void close();
}
