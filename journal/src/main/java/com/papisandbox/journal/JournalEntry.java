package com.papisandbox.journal;

import com.papisandbox.engine.Command;

/** One state-changing command as it was sequenced: its number, its engine timestamp and the command. */
public record JournalEntry(long sequence, long timestamp, Command command) {
}
