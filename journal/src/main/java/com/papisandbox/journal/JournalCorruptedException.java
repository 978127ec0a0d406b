package com.papisandbox.journal;

/** The journal holds damage that is not a torn last write: start-up must stop, never truncate silently. */
public class JournalCorruptedException extends JournalException {
    public JournalCorruptedException(String message) {
        super(message);
    }
}
