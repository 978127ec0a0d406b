package com.papisandbox.journal;

import java.util.List;
import java.util.function.Consumer;

/** The durable, ordered log of state-changing commands. */
public interface Journal extends AutoCloseable {
    /** Writes the batch in one transaction; returns only when it is durable. */
    void append(List<JournalEntry> batch);

    /** Feeds every entry, in sequence order, to the consumer. */
    void replay(Consumer<JournalEntry> consumer);

    /** The sequence number of the last durable entry, 0 if none. */
    long lastSequence();

    @Override
    void close();
}
