package com.papisandbox.server.market;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The live market: how reference prices move ({@link Mode}) and how the house quotes around them.
 * {@code volatility} is the standard deviation of the price's relative change over one hour;
 * {@code spread} the distance between the house's price levels (and so, about, between best bid and ask)
 * as a fraction of the price; {@code depth} the levels per side; {@code levelQty} the contracts of an
 * average level; {@code tickMillis} how often prices move (0: only when {@link LiveMarket#tick()} is
 * called, for tests that drive the market themselves).
 */
public record MarketConfig(Mode mode, Path csvFile, long seed, double volatility, double spread, int depth,
                           long levelQty, long tickMillis) {
    public enum Mode { OFF, RANDOM_WALK, CSV }

    public static final long DEFAULT_SEED = 1;
    public static final double DEFAULT_VOLATILITY = 0.005;
    public static final double DEFAULT_SPREAD = 0.0001;
    public static final int DEFAULT_DEPTH = 25;
    public static final long DEFAULT_LEVEL_QTY = 500;
    public static final long DEFAULT_TICK_MILLIS = 1000;
    /** Both sides of a ladder must fit MAX_NUM_ORDERS (200) of the house account. */
    public static final int MAX_DEPTH = 100;

    public MarketConfig {
        if (mode == Mode.CSV && csvFile == null) throw new IllegalArgumentException("--market csv: needs a file");
        if (!(volatility >= 0 && volatility <= 1)) throw new IllegalArgumentException("--market-volatility must be 0..1");
        if (!(spread >= 0.000001 && spread <= 0.1)) throw new IllegalArgumentException("--market-spread must be 0.000001..0.1");
        if (depth < 20 || depth > MAX_DEPTH) throw new IllegalArgumentException("--market-depth must be 20.." + MAX_DEPTH);
        if (levelQty < 1) throw new IllegalArgumentException("--market-level-qty must be positive");
        if (tickMillis < 0) throw new IllegalArgumentException("--market-tick-ms must be 0 or more");
    }

    /** A random walk with the default volatility, spread, depth and a tick a second. */
    public static MarketConfig defaults() {
        return new MarketConfig(Mode.RANDOM_WALK, null, DEFAULT_SEED, DEFAULT_VOLATILITY, DEFAULT_SPREAD, DEFAULT_DEPTH,
                DEFAULT_LEVEL_QTY, DEFAULT_TICK_MILLIS);
    }

    public static MarketConfig off() {
        return defaults().withMode(Mode.OFF, null);
    }

    /** {@code on}, {@code off} or {@code csv:FILE}, as {@code --market} takes it. */
    public MarketConfig withMode(String value) {
        String v = value.trim();
        if (v.regionMatches(true, 0, "csv:", 0, 4)) return withMode(Mode.CSV, Path.of(v.substring(4)));
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "on" -> withMode(Mode.RANDOM_WALK, null);
            case "off" -> withMode(Mode.OFF, null);
            default -> throw new IllegalArgumentException("--market must be on, off or csv:FILE, not '" + value + "'");
        };
    }

    public MarketConfig withMode(Mode mode, Path csvFile) {
        return new MarketConfig(mode, csvFile, seed, volatility, spread, depth, levelQty, tickMillis);
    }

    public MarketConfig withSeed(long seed) {
        return new MarketConfig(mode, csvFile, seed, volatility, spread, depth, levelQty, tickMillis);
    }

    public MarketConfig withVolatility(double volatility) {
        return new MarketConfig(mode, csvFile, seed, volatility, spread, depth, levelQty, tickMillis);
    }

    public MarketConfig withSpread(double spread) {
        return new MarketConfig(mode, csvFile, seed, volatility, spread, depth, levelQty, tickMillis);
    }

    public MarketConfig withDepth(int depth) {
        return new MarketConfig(mode, csvFile, seed, volatility, spread, depth, levelQty, tickMillis);
    }

    public MarketConfig withLevelQty(long levelQty) {
        return new MarketConfig(mode, csvFile, seed, volatility, spread, depth, levelQty, tickMillis);
    }

    public MarketConfig withTickMillis(long tickMillis) {
        return new MarketConfig(mode, csvFile, seed, volatility, spread, depth, levelQty, tickMillis);
    }

    public boolean on() {
        return mode != Mode.OFF;
    }

    /** The spread in millionths, as the engine's house takes it. */
    public long spreadPpm() {
        return Math.max(1, Math.round(spread * 1_000_000));
    }
}
