package com.papisandbox.journal;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/** CRC32C of journal entries and snapshots: catches damage the database itself cannot see. */
final class Checksums {
    private Checksums() {
    }

    static long entry(long sequence, long timestamp, String command) {
        CRC32C crc = new CRC32C();
        crc.update((sequence + "|" + timestamp + "|" + command).getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    static long bytes(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data);
        return crc.getValue();
    }
}
