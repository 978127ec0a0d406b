package com.papisandbox.journal;

/** The journal could not be read or written: the engine must stop, since durability is no longer known. */
public class JournalException extends RuntimeException {
    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }

    public JournalException(String message) {
        super(message);
    }
}
