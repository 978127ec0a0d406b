package com.papisandbox.server;

import java.util.function.LongSupplier;

/**
 * The sandbox's time, in epoch milliseconds, which every time-based rule reads: recvWindow, listenKey
 * expiry, rate-limit windows, funding, deliveries, klines, the market's moves and the streams' 24-hour
 * limit. It runs with its source (the system clock, or a test's) shifted by an offset, or stands frozen;
 * it only ever moves forward, because the journal's timestamps must not go back.
 *
 * <p>Reads are two volatile loads: the clock sits on every request's path.
 */
public final class SandboxClock implements LongSupplier {
    private final LongSupplier source;
    private volatile long offset;
    /** The frozen time, or -1 while the clock runs. Written after {@link #offset}, read before it. */
    private volatile long frozenAt = -1;

    public SandboxClock(LongSupplier source) {
        this.source = source;
    }

    public static SandboxClock system() {
        return new SandboxClock(System::currentTimeMillis);
    }

    @Override
    public long getAsLong() {
        long frozen = frozenAt;
        return frozen >= 0 ? frozen : source.getAsLong() + offset;
    }

    public boolean frozen() {
        return frozenAt >= 0;
    }

    /** Stops time where it is now; returns that time. */
    public synchronized long freeze() {
        if (frozenAt < 0) frozenAt = getAsLong();
        return frozenAt;
    }

    /** Lets time run again from where it stands, at the source's pace; returns the time now. */
    public synchronized long run() {
        long frozen = frozenAt;
        if (frozen >= 0) {
            offset = frozen - source.getAsLong();
            frozenAt = -1;
        }
        return getAsLong();
    }

    /** Moves time forward by {@code millis} (frozen or running); returns the time now. */
    public synchronized long advance(long millis) {
        if (millis < 0) throw new IllegalArgumentException("the clock only moves forward");
        long frozen = frozenAt;
        if (frozen >= 0) {
            frozenAt = Math.addExact(frozen, millis);
        } else {
            offset = Math.addExact(offset, millis);
        }
        return getAsLong();
    }

    /**
     * Moves time forward to at least {@code epochMillis}: a restart continues after the last journaled
     * command even when an earlier run had advanced its clock past the system's.
     */
    public synchronized long notBefore(long epochMillis) {
        long now = getAsLong();
        return now < epochMillis ? advance(epochMillis - now) : now;
    }
}
