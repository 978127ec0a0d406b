package com.papisandbox.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Answers the public market-data queries from the books, the tapes and the house's reference prices. */
final class MarketQueries {
    private static final long DAY = 86_400_000L;
    /** Binance's kline window when only one end is given (spec §5.6). */
    private static final long KLINE_WINDOW = 200 * DAY;
    private static final long FUNDING_INTERVAL = 8 * 3_600_000L;
    /** 0.01 % per funding interval, in 10^-8 (premiumIndex interestRate "0.00010000"). */
    private static final long INTEREST_RATE = 10_000;

    private final Engine engine;
    private final MarketData marketData;
    private final HouseMarket house;

    MarketQueries(Engine engine, MarketData marketData, HouseMarket house) {
        this.engine = engine;
        this.marketData = marketData;
        this.house = house;
    }

    Result answer(Query.Market query, long now) {
        if (query instanceof Query.Depth q) return depth(q, now);
        if (query instanceof Query.RecentTrades q) return withBook(q.symbol(), b -> new Result.Trades(marketData.tape(b).recentTrades(q.limit())));
        if (query instanceof Query.AggTrades q) {
            return withBook(q.symbol(), b -> new Result.AggTrades(marketData.tape(b).aggTrades(q.fromId(), q.startTime(), q.endTime(), q.limit())));
        }
        if (query instanceof Query.Klines q) return klines(q, now);
        if (query instanceof Query.Ticker24h q) return perBook(q.symbol(), q.pair(), b -> ticker24h(b, now), Result.Tickers24h::new);
        if (query instanceof Query.PriceTicker q) return perBook(q.symbol(), q.pair(), this::priceTicker, Result.PriceTickers::new);
        if (query instanceof Query.BookTicker q) return perBook(q.symbol(), q.pair(), MarketQueries::bookTicker, Result.BookTickers::new);
        if (query instanceof Query.PremiumIndex q) return perBook(q.symbol(), q.pair(), b -> premiumIndex(b, now), Result.PremiumIndexes::new);
        if (query instanceof Query.DepthChanges q) return withBook(q.symbol(), b -> new Result.DepthChanges(b.changesSince(q.sinceUpdateId(), now)));
        if (query instanceof Query.FundingRates q) {
            return withBook(q.symbol(), b -> new Result.FundingRates(b.instrument(),
                    marketData.fundings(b).select(q.startTime(), q.endTime(), q.limit())));
        }
        throw new IllegalArgumentException("unknown market query " + query);
    }

    private Result withBook(String symbol, Function<OrderBook, Result> answer) {
        OrderBook book = engine.book(symbol);
        return book == null ? new Result.Rejected(Reject.UNKNOWN_SYMBOL) : answer.apply(book);
    }

    /** One row per book of the symbol, of the pair, or of every symbol; an unknown symbol or pair is refused. */
    private <V, R extends Result> Result perBook(String symbol, String pair, Function<OrderBook, V> row, Function<List<V>, R> result) {
        List<V> rows = new ArrayList<>();
        for (Instrument instrument : engine.instruments().values()) {
            if (symbol != null && !instrument.symbol().equals(symbol)) continue;
            if (pair != null && !instrument.pair().equals(pair)) continue;
            rows.add(row.apply(engine.book(instrument.symbol())));
        }
        if (rows.isEmpty() && (symbol != null || pair != null)) return new Result.Rejected(Reject.UNKNOWN_SYMBOL);
        return result.apply(rows);
    }

    private Result depth(Query.Depth q, long now) {
        return withBook(q.symbol(), book -> new Result.Depth(new MarketView.Depth(book.instrument(), book.updateId(), now,
                book.updateTime(), book.levels(Side.BUY, q.limit()), book.levels(Side.SELL, q.limit()))));
    }

    /**
     * Binance's window rules (spec §5.6): no times = the latest bars up to now; startTime only = from it,
     * up to 200 days later (at most now); endTime only = the latest bars up to it.
     */
    private Result klines(Query.Klines q, long now) {
        return withBook(q.symbol(), book -> {
            long start = q.startTime();
            long end = q.endTime();
            boolean latest = start < 0;
            if (end < 0) end = start < 0 ? now : Math.min(start + KLINE_WINDOW, now);
            if (start < 0) start = Math.max(0, end - KLINE_WINDOW);
            return new Result.Klines(marketData.tape(book).klines(q.interval(), start, end, q.limit(), latest));
        });
    }

    private MarketView.Ticker24h ticker24h(OrderBook book, long now) {
        MarketTape tape = marketData.tape(book);
        Instrument instrument = book.instrument();
        long last = tape.lastPrice();
        long[] t = tape.minuteTotalsSince(now - DAY);
        if (t == null) {
            return new MarketView.Ticker24h(instrument, 0, 0, 0, last, tape.lastQty(), last, last, last, 0, 0,
                    now - DAY, now, -1, -1, 0);
        }
        long open = t[0];
        long change = last - open;
        long percent = BigDecimal.valueOf(change).multiply(BigDecimal.valueOf(100_000))
                .divide(BigDecimal.valueOf(open), 0, RoundingMode.HALF_UP).longValueExact();
        // For inverse contracts the average price weighs by coin: volume × contractSize / baseVolume.
        long weighted = t[5] == 0 ? 0 : instrument.quantityDecimal(t[4]).multiply(BigDecimal.valueOf(instrument.contractSize()))
                .movePointRight(2 * MarketView.COIN_SCALE).divide(BigDecimal.valueOf(t[5]), 0, RoundingMode.HALF_UP).longValueExact();
        return new MarketView.Ticker24h(instrument, change, percent, weighted, last, tape.lastQty(), open, t[1], t[2],
                t[4], t[5], t[9], now, t[7], t[8], t[6]);
    }

    private MarketView.PriceTicker priceTicker(OrderBook book) {
        MarketTape tape = marketData.tape(book);
        return new MarketView.PriceTicker(book.instrument(), tape.lastPrice(), tape.lastTradeTime());
    }

    private static MarketView.BookTicker bookTicker(OrderBook book) {
        List<MarketView.Level> bid = book.levels(Side.BUY, 1);
        List<MarketView.Level> ask = book.levels(Side.SELL, 1);
        return new MarketView.BookTicker(book.instrument(), book.updateId(),
                bid.isEmpty() ? 0 : bid.get(0).price(), bid.isEmpty() ? 0 : bid.get(0).qty(),
                ask.isEmpty() ? 0 : ask.get(0).price(), ask.isEmpty() ? 0 : ask.get(0).qty(), book.updateTime());
    }

    /**
     * The ledger's prices: the mark (the live market's reference price, else the last trade), the index (else
     * the mark), the funding rate the next funding time will apply; delivery contracts show no funding.
     */
    private MarketView.PremiumIndex premiumIndex(OrderBook book, long now) {
        Instrument instrument = book.instrument();
        MarketPrices prices = engine.prices();
        long mark = prices.valuation(instrument, book.index);
        long index = prices.index[book.index] > 0 ? prices.index[book.index] : mark;
        boolean perpetual = instrument.contractType().equals("PERPETUAL");
        long nextFunding = perpetual ? (Math.floorDiv(now, FUNDING_INTERVAL) + 1) * FUNDING_INTERVAL : 0;
        return new MarketView.PremiumIndex(instrument, mark, index, index, perpetual ? prices.fundingRate[book.index] : 0,
                perpetual ? INTEREST_RATE : 0, nextFunding, now, perpetual);
    }
}
