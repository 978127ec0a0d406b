package com.papisandbox.engine;

/**
 * Binance's kline intervals. Bars open at multiples of their length since the epoch (UTC), except weeks,
 * which open on Monday 00:00 UTC, and months, which open on the 1st 00:00 UTC. {@link #code} is what
 * snapshots store (never the ordinal, so reordering the constants cannot corrupt a snapshot).
 */
public enum KlineInterval {
    M1("1m", 1, 60_000L),
    M3("3m", 2, 3 * 60_000L),
    M5("5m", 3, 5 * 60_000L),
    M15("15m", 4, 15 * 60_000L),
    M30("30m", 5, 30 * 60_000L),
    H1("1h", 6, 3_600_000L),
    H2("2h", 7, 2 * 3_600_000L),
    H4("4h", 8, 4 * 3_600_000L),
    H6("6h", 9, 6 * 3_600_000L),
    H8("8h", 10, 8 * 3_600_000L),
    H12("12h", 11, 12 * 3_600_000L),
    D1("1d", 12, 86_400_000L),
    D3("3d", 13, 3 * 86_400_000L),
    W1("1w", 14, 7 * 86_400_000L),
    MONTH1("1M", 15, 0);

    private static final long DAY = 86_400_000L;
    /** 1970-01-01 was a Thursday: Monday-aligned weeks start 4 days after the epoch. */
    private static final long WEEK_OFFSET = 4 * DAY;

    private final String label;
    private final int code;
    /** 0 for months (calendar length). */
    private final long millis;

    KlineInterval(String label, int code, long millis) {
        this.label = label;
        this.code = code;
        this.millis = millis;
    }

    /** As Binance names it in the {@code interval} parameter: "1m" … "1M". */
    public String label() {
        return label;
    }

    public int code() {
        return code;
    }

    public static KlineInterval fromLabel(String label) {
        for (KlineInterval i : values()) {
            if (i.label.equals(label)) return i;
        }
        return null;
    }

    public static KlineInterval fromCode(int code) {
        for (KlineInterval i : values()) {
            if (i.code == code) return i;
        }
        throw new IllegalArgumentException("unknown kline interval code " + code);
    }

    /** The open time of the bar containing {@code time}. */
    public long openTime(long time) {
        if (this == MONTH1) return monthStart(Math.floorDiv(time, DAY));
        long offset = this == W1 ? WEEK_OFFSET : 0;
        return time - Math.floorMod(time - offset, millis);
    }

    /** The open time of the bar after the one opening at {@code openTime}. */
    public long next(long openTime) {
        if (this == MONTH1) return monthStart(Math.floorDiv(openTime, DAY) + 31);
        return openTime + millis;
    }

    /** Midnight of the 1st of the month of epoch day {@code day} (proleptic Gregorian, allocation-free). */
    private static long monthStart(long day) {
        // Howard Hinnant's civil_from_days / days_from_civil.
        long z = day + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long m = mp < 10 ? mp + 3 : mp - 9;
        if (m <= 2) y++;
        return daysFromCivil(y, m) * DAY;
    }

    private static long daysFromCivil(long y, long m) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long mp = m > 2 ? m - 3 : m + 9;
        long doy = (153 * mp + 2) / 5;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
