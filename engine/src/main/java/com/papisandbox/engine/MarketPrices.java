package com.papisandbox.engine;

/**
 * Per-instrument market state the ledger prices positions with: mark and index price (1e-8 USD, 0 until
 * first set), funding rate (rate units), the last trade price (instrument units) and whether the contract has
 * been delivered. Arrays by {@link OrderBook#index}.
 */
final class MarketPrices {
    /** Binance's usual interest-only funding rate (spec-next §9.11: interest 0.01 % per 8 h). */
    static final long DEFAULT_FUNDING_RATE = 10_000L;

    final long[] mark;
    final long[] index;
    final long[] fundingRate;
    final long[] lastPrice;
    final boolean[] delivered;

    MarketPrices(int instruments) {
        mark = new long[instruments];
        index = new long[instruments];
        fundingRate = new long[instruments];
        java.util.Arrays.fill(fundingRate, DEFAULT_FUNDING_RATE);
        lastPrice = new long[instruments];
        delivered = new boolean[instruments];
    }

    /** A new contract in slot {@code i}: no price until the market quotes or trades it. */
    void relist(int i) {
        mark[i] = 0;
        index[i] = 0;
        lastPrice[i] = 0;
        fundingRate[i] = DEFAULT_FUNDING_RATE;
        delivered[i] = false;
    }

    /** The price positions are valued at (1e-8 USD): the mark, else the last trade, else 0 (unknown). */
    long valuation(Instrument instrument, int i) {
        if (mark[i] > 0) return mark[i];
        return lastPrice[i] > 0 ? instrument.priceE8(lastPrice[i]) : 0;
    }

    /** The settlement price of a delivery (1e-8 USD): the index, else the mark, else the last trade, else 0. */
    long settlement(Instrument instrument, int i) {
        if (index[i] > 0) return index[i];
        return valuation(instrument, i);
    }
}
