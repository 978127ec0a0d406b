package com.papisandbox.server.fault;

import java.util.Random;

/**
 * Added latency drawn from a log-normal distribution, the usual shape of an exchange's response times: most
 * requests a little slower, a long tail of very slow ones. The figures are round numbers in the range traders
 * report for Binance's futures REST API from a nearby region, not measurements: median, and the 99th percentile.
 */
public enum LatencyPreset {
    /** A normal day: median 20 ms, p99 150 ms. */
    BINANCE_NORMAL(20, 150),
    /** A busy market: median 60 ms, p99 1.5 s. */
    BINANCE_BUSY(60, 1_500),
    /** A volatility spike with the matching engine behind: median 300 ms, p99 8 s. */
    BINANCE_OVERLOADED(300, 8_000);

    private static final double Z99 = 2.326;
    private final double mu;
    private final double sigma;

    LatencyPreset(double medianMillis, double p99Millis) {
        this.mu = Math.log(medianMillis);
        this.sigma = (Math.log(p99Millis) - mu) / Z99;
    }

    long draw(Random random) {
        return Math.min(60_000, Math.round(Math.exp(mu + sigma * random.nextGaussian())));
    }
}
