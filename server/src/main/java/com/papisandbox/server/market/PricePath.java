package com.papisandbox.server.market;

/**
 * Where a pair's price is at a given time, relative to where it started: 1.0 at the start. Pure functions
 * of their inputs (seed, file, time), so the same clock gives the same prices.
 */
interface PricePath {
    /**
     * Moves {@code price} (in quote currency) of pair number {@code pair} from time {@code from} to
     * {@code to} and returns it.
     */
    double advance(int pair, double price, long from, long to);
}
