package com.papisandbox.server;

import java.util.List;

/**
 * How long an IP ban lasts (spec §3: "bans scale 2 minutes → 3 days"): each ban within
 * {@code memoryMillis} of the end of the one before goes one rung up; after that long without a ban the
 * IP starts again at the bottom. The top rung repeats.
 */
public record BanLadder(List<Long> rungsMillis, long memoryMillis) {
    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    /** 2 min, 10 min, 30 min, 2 h, 12 h, 1 day, 3 days; violations are remembered for a day. */
    public static final BanLadder BINANCE = new BanLadder(
            List.of(2 * MINUTE, 10 * MINUTE, 30 * MINUTE, 2 * HOUR, 12 * HOUR, DAY, 3 * DAY), DAY);

    public BanLadder {
        rungsMillis = List.copyOf(rungsMillis);
        if (rungsMillis.isEmpty()) throw new IllegalArgumentException("a ban ladder needs a rung");
    }

    public long duration(int rung) {
        return rungsMillis.get(Math.min(rung, rungsMillis.size() - 1));
    }
}
