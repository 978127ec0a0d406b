package com.papisandbox.journal;

/** A state the admin API saved under a name: its SHA-256, when it was saved (sandbox time) and its size. */
public record SavedState(String name, String hash, long timestamp, long bytes) {
}
