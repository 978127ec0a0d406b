package com.papisandbox.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * One symbol's trade history, derived from its fills: the recent trades, the aggregated trades and the
 * klines of every interval, each a bounded primitive ring ({@link ColumnRing}), so recording a fill
 * allocates nothing once the rings are full. Bounds: {@link #TRADES} trades, {@link #AGG_TRADES}
 * aggregated trades and {@link #KLINES} bars per interval (bars with trades; empty bars are filled in
 * when answering).
 */
final class MarketTape {
    static final int TRADES = 1000;
    static final int AGG_TRADES = 5000;
    static final int KLINES = 1500;

    private static final int T_ID = 0, T_PRICE = 1, T_QTY = 2, T_BASE = 3, T_TIME = 4, T_BUYER_MAKER = 5;
    private static final int A_ID = 0, A_PRICE = 1, A_QTY = 2, A_FIRST = 3, A_LAST = 4, A_TIME = 5, A_BUYER_MAKER = 6, A_TAKER = 7;
    private static final int K_OPEN_TIME = 0, K_OPEN = 1, K_HIGH = 2, K_LOW = 3, K_CLOSE = 4, K_VOLUME = 5, K_BASE = 6,
            K_COUNT = 7, K_TAKER_BUY = 8, K_TAKER_BUY_BASE = 9, K_FIRST_ID = 10, K_LAST_ID = 11;
    private static final KlineInterval[] INTERVALS = KlineInterval.values();

    private final Instrument instrument;
    /** qty units × this / price units = base coin in 10^-8 (before rounding). */
    private final long baseFactor;
    private final int baseDivisorPower;
    private final ColumnRing trades = new ColumnRing(6, TRADES);
    private final ColumnRing aggTrades = new ColumnRing(8, AGG_TRADES);
    private final ColumnRing[] klines = new ColumnRing[INTERVALS.length];
    private long nextAggId = 1;

    MarketTape(Instrument instrument) {
        this.instrument = instrument;
        // base = qtyUnits / 10^qp × contractSize / (priceUnits / 10^pp), in 10^-8: × 10^(8 + pp - qp).
        int power = MarketView.COIN_SCALE + instrument.pricePrecision() - instrument.quantityPrecision();
        this.baseFactor = instrument.contractSize() * pow10(Math.max(0, power));
        this.baseDivisorPower = Math.max(0, -power);
        for (int i = 0; i < klines.length; i++) klines[i] = new ColumnRing(12, KLINES);
    }

    Instrument instrument() {
        return instrument;
    }

    /** Records one fill; {@code takerOrderId} decides whether it extends the last aggregated trade. */
    void onTrade(long tradeId, long price, long qty, boolean buyerMaker, long takerOrderId, long time) {
        long base = baseUnits(qty, price);
        int t = trades.append();
        trades.set(T_ID, t, tradeId);
        trades.set(T_PRICE, t, price);
        trades.set(T_QTY, t, qty);
        trades.set(T_BASE, t, base);
        trades.set(T_TIME, t, time);
        trades.set(T_BUYER_MAKER, t, buyerMaker ? 1 : 0);
        aggregate(tradeId, price, qty, buyerMaker, takerOrderId, time);
        for (int i = 0; i < INTERVALS.length; i++) addToBar(klines[i], INTERVALS[i], tradeId, price, qty, base, !buyerMaker, time);
    }

    private void aggregate(long tradeId, long price, long qty, boolean buyerMaker, long takerOrderId, long time) {
        if (aggTrades.size() > 0) {
            int last = aggTrades.lastSlot();
            if (aggTrades.get(A_TAKER, last) == takerOrderId && aggTrades.get(A_PRICE, last) == price
                    && aggTrades.get(A_LAST, last) == tradeId - 1) {
                aggTrades.add(A_QTY, last, qty);
                aggTrades.set(A_LAST, last, tradeId);
                return;
            }
        }
        int a = aggTrades.append();
        aggTrades.set(A_ID, a, nextAggId++);
        aggTrades.set(A_PRICE, a, price);
        aggTrades.set(A_QTY, a, qty);
        aggTrades.set(A_FIRST, a, tradeId);
        aggTrades.set(A_LAST, a, tradeId);
        aggTrades.set(A_TIME, a, time);
        aggTrades.set(A_BUYER_MAKER, a, buyerMaker ? 1 : 0);
        aggTrades.set(A_TAKER, a, takerOrderId);
    }

    /** A trade joins its bar; a clock that went back puts it into the latest bar (bars never reorder). */
    private static void addToBar(ColumnRing bars, KlineInterval interval, long tradeId, long price, long qty, long base,
                                 boolean takerBuys, long time) {
        long openTime = interval.openTime(time);
        int k;
        if (bars.size() > 0 && bars.get(K_OPEN_TIME, bars.lastSlot()) >= openTime) {
            k = bars.lastSlot();
            if (price > bars.get(K_HIGH, k)) bars.set(K_HIGH, k, price);
            if (price < bars.get(K_LOW, k)) bars.set(K_LOW, k, price);
        } else {
            k = bars.append();
            bars.set(K_OPEN_TIME, k, openTime);
            bars.set(K_OPEN, k, price);
            bars.set(K_HIGH, k, price);
            bars.set(K_LOW, k, price);
            bars.set(K_VOLUME, k, 0);
            bars.set(K_BASE, k, 0);
            bars.set(K_COUNT, k, 0);
            bars.set(K_TAKER_BUY, k, 0);
            bars.set(K_TAKER_BUY_BASE, k, 0);
            bars.set(K_FIRST_ID, k, tradeId);
        }
        bars.set(K_CLOSE, k, price);
        bars.add(K_VOLUME, k, qty);
        bars.add(K_BASE, k, base);
        bars.add(K_COUNT, k, 1);
        if (takerBuys) {
            bars.add(K_TAKER_BUY, k, qty);
            bars.add(K_TAKER_BUY_BASE, k, base);
        }
        bars.set(K_LAST_ID, k, tradeId);
    }

    /** qty × contractSize / price in 10^-8 coin, half-up; exact integer arithmetic, no allocation unless it overflows. */
    long baseUnits(long qty, long price) {
        long numerator;
        try {
            numerator = Math.multiplyExact(qty, baseFactor);
        } catch (ArithmeticException overflow) {
            return BigInteger.valueOf(qty).multiply(BigInteger.valueOf(baseFactor)).add(BigInteger.valueOf(price / 2))
                    .divide(BigInteger.valueOf(price)).longValueExact() / pow10(baseDivisorPower);
        }
        long divisor = price * pow10(baseDivisorPower);
        return (numerator + divisor / 2) / divisor;
    }

    // Queries

    long lastPrice() {
        return trades.size() == 0 ? 0 : trades.get(T_PRICE, trades.lastSlot());
    }

    long lastQty() {
        return trades.size() == 0 ? 0 : trades.get(T_QTY, trades.lastSlot());
    }

    long lastTradeTime() {
        return trades.size() == 0 ? 0 : trades.get(T_TIME, trades.lastSlot());
    }

    List<MarketView.Trade> recentTrades(int limit) {
        int n = Math.min(limit, trades.size());
        List<MarketView.Trade> result = new ArrayList<>(n);
        for (int row = trades.size() - n; row < trades.size(); row++) {
            int s = trades.slot(row);
            result.add(new MarketView.Trade(trades.get(T_ID, s), trades.get(T_PRICE, s), trades.get(T_QTY, s),
                    trades.get(T_BASE, s), trades.get(T_TIME, s), trades.get(T_BUYER_MAKER, s) == 1));
        }
        return result;
    }

    /**
     * From aggregated trade id {@code fromId} on when it is not negative; else the first {@code limit}
     * in the time window [startTime, endTime] when startTime is not negative; else the most recent
     * {@code limit}. Oldest first.
     */
    List<MarketView.AggTrade> aggTrades(long fromId, long startTime, long endTime, int limit) {
        int from;
        int to = aggTrades.size();
        if (fromId >= 0) {
            from = aggTrades.firstAtLeast(A_ID, fromId);
        } else if (startTime >= 0) {
            from = aggTrades.firstAtLeast(A_TIME, startTime);
            to = aggTrades.firstAtLeast(A_TIME, endTime + 1);
        } else {
            from = Math.max(0, to - limit);
        }
        to = Math.min(to, from + limit);
        List<MarketView.AggTrade> result = new ArrayList<>(Math.max(0, to - from));
        for (int row = from; row < to; row++) {
            int s = aggTrades.slot(row);
            result.add(new MarketView.AggTrade(aggTrades.get(A_ID, s), aggTrades.get(A_PRICE, s), aggTrades.get(A_QTY, s),
                    aggTrades.get(A_FIRST, s), aggTrades.get(A_LAST, s), aggTrades.get(A_TIME, s),
                    aggTrades.get(A_BUYER_MAKER, s) == 1));
        }
        return result;
    }

    /**
     * The bars opened in [startTime, endTime]: the latest {@code limit} of them when {@code latest}, else
     * the first {@code limit}. From the first recorded bar on, an interval without a trade is a bar at the
     * previous close with no volume, as Binance shows quiet intervals; before it there are no bars.
     */
    List<MarketView.Kline> klines(KlineInterval interval, long startTime, long endTime, int limit, boolean latest) {
        ColumnRing bars = klines[interval.ordinal()];
        List<MarketView.Kline> result = new ArrayList<>();
        if (bars.size() == 0 || endTime < startTime) return result;
        long first = interval.openTime(startTime);
        if (first < startTime) first = interval.next(first);
        first = Math.max(first, bars.get(K_OPEN_TIME, bars.slot(0)));
        long lastOpen = interval.openTime(endTime);
        if (first > lastOpen) return result;
        if (latest) first = Math.max(first, back(interval, lastOpen, limit - 1));
        int row = bars.firstAtLeast(K_OPEN_TIME, first);
        long prevClose = row > 0 ? bars.get(K_CLOSE, bars.slot(row - 1)) : 0;
        for (long open = first; open <= lastOpen && result.size() < limit; open = interval.next(open)) {
            long close = interval.next(open) - 1;
            MarketView.Kline bar;
            if (row < bars.size() && bars.get(K_OPEN_TIME, bars.slot(row)) == open) {
                int s = bars.slot(row++);
                bar = new MarketView.Kline(open, bars.get(K_OPEN, s), bars.get(K_HIGH, s), bars.get(K_LOW, s),
                        bars.get(K_CLOSE, s), bars.get(K_VOLUME, s), close, bars.get(K_BASE, s), bars.get(K_COUNT, s),
                        bars.get(K_TAKER_BUY, s), bars.get(K_TAKER_BUY_BASE, s), bars.get(K_FIRST_ID, s), bars.get(K_LAST_ID, s));
            } else {
                bar = new MarketView.Kline(open, prevClose, prevClose, prevClose, prevClose, 0, close, 0, 0, 0, 0, -1, -1);
            }
            prevClose = bar.close();
            result.add(bar);
        }
        return result;
    }

    /** The open time {@code n} bars before {@code open}. */
    private static long back(KlineInterval interval, long open, int n) {
        if (interval != KlineInterval.MONTH1) return open - n * (interval.next(open) - open);
        long t = open;
        for (int i = 0; i < n; i++) t = interval.openTime(t - 1);
        return t;
    }

    /**
     * Totals of the 1-minute bars opened after {@code since}: {open, high, low, close, volume, base,
     * count, firstId, lastId, firstOpenTime}; null when no bar is in the window.
     */
    long[] minuteTotalsSince(long since) {
        ColumnRing bars = klines[KlineInterval.M1.ordinal()];
        int row = bars.firstAtLeast(K_OPEN_TIME, since + 1);
        if (row >= bars.size()) return null;
        long high = Long.MIN_VALUE;
        long low = Long.MAX_VALUE;
        long volume = 0, base = 0, count = 0;
        int first = bars.slot(row);
        int last = bars.lastSlot();
        for (int r = row; r < bars.size(); r++) {
            int s = bars.slot(r);
            high = Math.max(high, bars.get(K_HIGH, s));
            low = Math.min(low, bars.get(K_LOW, s));
            volume += bars.get(K_VOLUME, s);
            base += bars.get(K_BASE, s);
            count += bars.get(K_COUNT, s);
        }
        return new long[]{bars.get(K_OPEN, first), high, low, bars.get(K_CLOSE, last), volume, base, count,
                bars.get(K_FIRST_ID, first), bars.get(K_LAST_ID, last), bars.get(K_OPEN_TIME, first)};
    }

    void write(SnapshotBuffer.Out out) {
        out.writeLong(nextAggId);
        trades.write(out);
        aggTrades.write(out);
        out.writeInt(INTERVALS.length);
        for (KlineInterval interval : INTERVALS) {
            out.writeInt(interval.code());
            klines[interval.ordinal()].write(out);
        }
    }

    void read(SnapshotBuffer.In in) {
        nextAggId = in.readLong();
        trades.read(in);
        aggTrades.read(in);
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            klines[KlineInterval.fromCode(in.readInt()).ordinal()].read(in);
        }
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) p *= 10;
        return p;
    }
}
