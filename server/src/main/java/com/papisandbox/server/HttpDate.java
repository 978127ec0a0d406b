package com.papisandbox.server;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The {@code Date} header (RFC 7231 IMF-fixdate) by the sandbox clock, so a frozen or advanced clock shows
 * in it too. Formatted once per second of that clock and shared: each reply only reads a field.
 */
final class HttpDate {
    private record Cached(long second, String text) {
    }

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final LongSupplier clock;
    private volatile Cached cached = new Cached(Long.MIN_VALUE, "");

    HttpDate(LongSupplier clock) {
        this.clock = clock;
    }

    String now() {
        long second = Math.floorDiv(clock.getAsLong(), 1000);
        Cached c = cached;
        if (c.second != second) {
            c = new Cached(second, IMF_FIXDATE.format(Instant.ofEpochSecond(second)));
            cached = c;
        }
        return c.text;
    }
}
