package com.papisandbox.server.market;

/**
 * A geometric random walk: each tick multiplies the price by exp(σ·z − σ²/2), σ the per-tick volatility,
 * z a standard normal drawn from a hash of (seed, pair, tick number) rather than from a stateful
 * generator, so a price depends on the seed and the clock only, also across restarts and late ticks.
 */
final class RandomWalk implements PricePath {
    /** More missed ticks than this (a clock jump) are taken as one step of the combined variance. */
    private static final long MAX_STEPS = 10_000;

    private final long seed;
    private final long tickMillis;
    private final double sigmaPerTick;

    RandomWalk(long seed, double hourlyVolatility, long tickMillis) {
        this.seed = seed;
        this.tickMillis = Math.max(1, tickMillis);
        this.sigmaPerTick = hourlyVolatility * Math.sqrt(this.tickMillis / 3_600_000.0);
    }

    @Override
    public double advance(int pair, double price, long from, long to) {
        long first = Math.floorDiv(from, tickMillis) + 1;
        long last = Math.floorDiv(to, tickMillis);
        long steps = last - first + 1;
        if (steps <= 0) return price;
        if (steps > MAX_STEPS) {
            double sigma = sigmaPerTick * Math.sqrt(steps);
            return price * Math.exp(sigma * normal(pair, last) - sigma * sigma / 2);
        }
        double logChange = 0;
        for (long tick = first; tick <= last; tick++) logChange += sigmaPerTick * normal(pair, tick) - sigmaPerTick * sigmaPerTick / 2;
        return price * Math.exp(logChange);
    }

    /** A standard normal from two hashed uniforms (Box–Muller). */
    double normal(int pair, long tick) {
        long h = mix(seed ^ mix(tick * 0x9E3779B97F4A7C15L + pair));
        double u1 = ((h >>> 11) + 1) * 0x1.0p-53;
        double u2 = (mix(h) >>> 11) * 0x1.0p-53;
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
