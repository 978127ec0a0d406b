package com.papisandbox.journal;

/** The engine state after journal entry {@code sequence}, as EngineSnapshot bytes. */
public record Snapshot(long sequence, long timestamp, byte[] state) {
}
