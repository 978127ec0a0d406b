package com.papisandbox.engine;

import java.util.List;

/**
 * What the public market-data queries answer, as scaled longs: prices in the instrument's price units,
 * quantities in its quantity units (contracts), coin amounts in 10^-8 of the base coin ({@link #COIN_SCALE}),
 * times in epoch milliseconds. The edge renders them as Binance's JSON.
 */
public sealed interface MarketView {
    /** Coin amounts (baseQty, baseVolume) and 8-decimal prices (mark, weighted average) are in 10^-8. */
    int COIN_SCALE = 8;

    record Level(long price, long qty) {
    }

    /**
     * The levels touched by a book's updates {@code firstUpdateId..lastUpdateId} with their quantity after them
     * (0 = removed): a diff-depth event; {@code previousUpdateId} is the last update of the event before.
     */
    record DepthChanges(Instrument instrument, long firstUpdateId, long lastUpdateId, long previousUpdateId,
                        long eventTime, long transactionTime, List<Level> bids, List<Level> asks) implements MarketView {
    }

    /** One settled funding: rate in 10^-8, mark price in 10^-8 USD. */
    record FundingRate(long fundingTime, long rate, long markPrice) implements MarketView {
    }

    /** The top of the book, aggregated by price: bids best (highest) first, asks best (lowest) first. */
    record Depth(Instrument instrument, long lastUpdateId, long eventTime, long transactionTime,
                 List<Level> bids, List<Level> asks) implements MarketView {
    }

    /** baseQty = qty × contractSize / price, in 10^-8 coin, half-up. */
    record Trade(long id, long price, long qty, long baseQty, long time, boolean buyerMaker) implements MarketView {
    }

    /** Consecutive fills of one taker order at one price: trades {@code firstTradeId..lastTradeId}. */
    record AggTrade(long aggId, long price, long qty, long firstTradeId, long lastTradeId, long time,
                    boolean buyerMaker) implements MarketView {
    }

    /**
     * One bar; volumes in contracts, base volumes in 10^-8 coin. A bar without trades repeats the last close
     * and has first/last trade id −1 (the kline stream's {@code f}/{@code L}).
     */
    record Kline(long openTime, long open, long high, long low, long close, long volume, long closeTime,
                 long baseVolume, long trades, long takerBuyVolume, long takerBuyBaseVolume, long firstTradeId,
                 long lastTradeId) implements MarketView {
    }

    /**
     * The rolling 24 hours (the 1-minute bars opened in the last 24 h). {@code priceChangePercent} is in
     * 10^-3 percent, {@code weightedAvgPrice} in 10^-8; the trade ids are -1 when the window has no trade.
     */
    record Ticker24h(Instrument instrument, long priceChange, long priceChangePercent, long weightedAvgPrice,
                     long lastPrice, long lastQty, long openPrice, long highPrice, long lowPrice, long volume,
                     long baseVolume, long openTime, long closeTime, long firstId, long lastId, long count)
            implements MarketView {
    }

    /** The last trade price (0 and time 0 before the first trade). */
    record PriceTicker(Instrument instrument, long price, long time) implements MarketView {
    }

    /** The best bid and ask (0/0 for an empty side). */
    record BookTicker(Instrument instrument, long lastUpdateId, long bidPrice, long bidQty, long askPrice, long askQty,
                      long time) implements MarketView {
    }

    /**
     * Mark, index and estimated settle price in 10^-8 (the reference price: the sandbox's index; 0 while
     * unknown). Funding rates in 10^-8; {@code perpetual} false means the rates render empty and
     * {@code nextFundingTime} is 0, as for Binance's delivery contracts.
     */
    record PremiumIndex(Instrument instrument, long markPrice, long indexPrice, long estimatedSettlePrice,
                        long lastFundingRate, long interestRate, long nextFundingTime, long time, boolean perpetual)
            implements MarketView {
    }
}
