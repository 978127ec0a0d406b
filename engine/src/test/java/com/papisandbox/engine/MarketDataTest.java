package com.papisandbox.engine;

import static com.papisandbox.engine.TestInstruments.BTC;
import static com.papisandbox.engine.TestInstruments.ETH;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Market data derived from fills and books: tape, aggregated trades, klines, tickers, depth, premium index. */
class MarketDataTest {
    private static final long MINUTE = 60_000;
    private EngineHarness h;
    private long maker;
    private long taker;

    @BeforeEach
    void setUp() {
        h = new EngineHarness();
        maker = h.openAccount("maker");
        taker = h.openAccount("taker");
    }

    private <T extends Result> T query(Query q, Class<T> type) {
        Result r = h.engine.query(q, h.now);
        assertThat(r).isInstanceOf(type);
        return type.cast(r);
    }

    @Test
    void depthChangesNameEveryTouchedLevelEvenOneThatChangedBack() {
        long start = h.engine.book(BTC).updateId();
        assertThat(query(new Query.DepthChanges(BTC, start), Result.DepthChanges.class).changes()).as("a book nobody follows logs nothing").isNull();
        h.engine.book(BTC).follow();
        OrderView bid = h.gtc(maker, Side.BUY, 600_000, 2);          // update 1: bid 60000.0 → 2
        h.gtc(maker, Side.SELL, 610_000, 3);                          // update 2: ask 61000.0 → 3
        h.execute(new Command.CancelOrder(maker, BTC, bid.orderId(), null)); // update 3: bid 60000.0 → 0
        h.market(taker, BTC, Side.BUY, 1);                             // update 4: ask 61000.0 → 2
        MarketView.DepthChanges all = query(new Query.DepthChanges(BTC, start), Result.DepthChanges.class).changes();
        assertThat(all.firstUpdateId()).isEqualTo(start + 1);
        assertThat(all.lastUpdateId()).isEqualTo(start + 4);
        assertThat(all.previousUpdateId()).isEqualTo(start);
        assertThat(all.bids()).containsExactly(new MarketView.Level(600_000, 0));
        assertThat(all.asks()).containsExactly(new MarketView.Level(610_000, 2));
        MarketView.DepthChanges last = query(new Query.DepthChanges(BTC, start + 3), Result.DepthChanges.class).changes();
        assertThat(last.bids()).isEmpty();
        assertThat(last.asks()).containsExactly(new MarketView.Level(610_000, 2));
        MarketView.DepthChanges none = query(new Query.DepthChanges(BTC, start + 4), Result.DepthChanges.class).changes();
        assertThat(none.bids()).isEmpty();
        assertThat(none.asks()).isEmpty();
        assertThat(none.firstUpdateId()).isEqualTo(start + 5);
        assertThat(none.lastUpdateId()).isEqualTo(start + 4);
    }

    @Test
    void tradesCarryTheirBaseQuantityAndWhoWasMaker() {
        h.gtc(maker, Side.SELL, 96_350, 3);
        h.market(taker, BTC, Side.BUY, 1);
        long t1 = h.now - 1;
        h.gtc(maker, Side.BUY, 96_300, 2);
        h.market(taker, BTC, Side.SELL, 2);
        long t2 = h.now - 1;
        assertThat(query(new Query.RecentTrades(BTC, 500), Result.Trades.class).trades()).containsExactly(
                // 1 × 100 / 9635.0 = 0.0103788271… → 0.01037883
                new MarketView.Trade(1, 96_350, 1, 1_037_883, t1, false),
                new MarketView.Trade(2, 96_300, 2, 2_076_843, t2, true));
        assertThat(query(new Query.RecentTrades(BTC, 1), Result.Trades.class).trades()).extracting(MarketView.Trade::id).containsExactly(2L);
    }

    @Test
    void aggregatedTradesJoinConsecutiveFillsOfOneTakerAtOnePrice() {
        h.gtc(maker, Side.SELL, 650_000, 1);
        h.gtc(maker, Side.SELL, 650_000, 2);
        h.gtc(maker, Side.SELL, 650_010, 4);
        h.market(taker, BTC, Side.BUY, 5);       // trades 1, 2 at 65000.0 (one agg), 3 at 65001.0
        long t = h.now - 1;
        h.market(taker, BTC, Side.BUY, 1);       // trade 4 at 65001.0: another taker, another agg
        long t2 = h.now - 1;
        List<MarketView.AggTrade> aggs = query(new Query.AggTrades(BTC, -1, -1, -1, 500), Result.AggTrades.class).aggTrades();
        assertThat(aggs).containsExactly(
                new MarketView.AggTrade(1, 650_000, 3, 1, 2, t, false),
                new MarketView.AggTrade(2, 650_010, 2, 3, 3, t, false),
                new MarketView.AggTrade(3, 650_010, 1, 4, 4, t2, false));
        assertThat(query(new Query.AggTrades(BTC, 2, -1, -1, 1), Result.AggTrades.class).aggTrades())
                .extracting(MarketView.AggTrade::aggId).containsExactly(2L);
        assertThat(query(new Query.AggTrades(BTC, -1, t2, t2, 500), Result.AggTrades.class).aggTrades())
                .extracting(MarketView.AggTrade::aggId).containsExactly(3L);
        assertThat(query(new Query.AggTrades(BTC, -1, -1, -1, 2), Result.AggTrades.class).aggTrades())
                .extracting(MarketView.AggTrade::aggId).containsExactly(2L, 3L);
    }

    @Test
    void klinesAggregateTradesAndFillQuietIntervalsWithThePreviousClose() {
        long bar = KlineInterval.M1.openTime(h.now) + MINUTE;
        h.now = bar + 5_000;
        h.gtc(maker, Side.SELL, 650_000, 10);
        h.market(taker, BTC, Side.BUY, 2);                 // taker buys 2 @ 65000.0
        h.gtc(maker, Side.BUY, 649_000, 10);
        h.market(taker, BTC, Side.SELL, 3);                // taker sells 3 @ 64900.0
        h.now = bar + 3 * MINUTE + 1;                      // two quiet minutes
        h.market(taker, BTC, Side.BUY, 1);                 // 1 @ 65000.0
        long now = bar + 3 * MINUTE + 30_000;
        Result r = h.engine.query(new Query.Klines(BTC, KlineInterval.M1, -1, -1, 500), now);
        List<MarketView.Kline> klines = ((Result.Klines) r).klines();
        long base2 = 307_692;  // 2 × 100 / 65000.0 = 0.00307692
        long base3 = 462_250;  // 3 × 100 / 64900.0 = 0.00462250
        long base1 = 153_846;
        assertThat(klines).containsExactly(
                new MarketView.Kline(bar, 650_000, 650_000, 649_000, 649_000, 5, bar + MINUTE - 1, base2 + base3, 2, 2, base2, 1, 2),
                new MarketView.Kline(bar + MINUTE, 649_000, 649_000, 649_000, 649_000, 0, bar + 2 * MINUTE - 1, 0, 0, 0, 0, -1, -1),
                new MarketView.Kline(bar + 2 * MINUTE, 649_000, 649_000, 649_000, 649_000, 0, bar + 3 * MINUTE - 1, 0, 0, 0, 0, -1, -1),
                new MarketView.Kline(bar + 3 * MINUTE, 650_000, 650_000, 650_000, 650_000, 1, bar + 4 * MINUTE - 1, base1, 1, 1, base1, 3, 3));
        List<MarketView.Kline> latestTwo = ((Result.Klines) h.engine.query(new Query.Klines(BTC, KlineInterval.M1, -1, -1, 2), now)).klines();
        assertThat(latestTwo).extracting(MarketView.Kline::openTime).containsExactly(bar + 2 * MINUTE, bar + 3 * MINUTE);
        List<MarketView.Kline> firstTwo = ((Result.Klines) h.engine.query(new Query.Klines(BTC, KlineInterval.M1, bar, -1, 2), now)).klines();
        assertThat(firstTwo).extracting(MarketView.Kline::openTime).containsExactly(bar, bar + MINUTE);
        List<MarketView.Kline> hour = ((Result.Klines) h.engine.query(new Query.Klines(BTC, KlineInterval.H1, -1, -1, 500), now)).klines();
        assertThat(hour).hasSize(1);
        assertThat(hour.get(0).volume()).isEqualTo(6);
        assertThat(hour.get(0).trades()).isEqualTo(3);
    }

    @Test
    void intervalsOpenOnEpochMultiplesMondaysAndFirstsOfMonths() {
        long t = 1_749_990_896_789L; // 2025-06-15T12:34:56.789Z, a Sunday
        assertThat(KlineInterval.M1.openTime(t)).isEqualTo(1_749_990_840_000L);
        assertThat(KlineInterval.H4.openTime(t)).isEqualTo(1_749_988_800_000L);        // 12:00
        assertThat(KlineInterval.D1.openTime(t)).isEqualTo(1_749_945_600_000L);        // 2025-06-15
        assertThat(KlineInterval.W1.openTime(t)).isEqualTo(1_749_427_200_000L);        // Monday 2025-06-09
        assertThat(KlineInterval.MONTH1.openTime(t)).isEqualTo(1_748_736_000_000L);    // 2025-06-01
        assertThat(KlineInterval.MONTH1.next(1_748_736_000_000L)).isEqualTo(1_751_328_000_000L); // 2025-07-01
        assertThat(KlineInterval.MONTH1.openTime(1_709_251_199_999L)).isEqualTo(1_706_745_600_000L); // 2024-02-29 → 02-01
        assertThat(KlineInterval.fromLabel("1M")).isEqualTo(KlineInterval.MONTH1);
        assertThat(KlineInterval.fromLabel("1m")).isEqualTo(KlineInterval.M1);
        assertThat(KlineInterval.fromLabel("2m")).isNull();
    }

    @Test
    void tickerOf24HoursAndPriceTicker() {
        h.gtc(maker, Side.SELL, 600_000, 4);
        h.market(taker, BTC, Side.BUY, 4);
        long firstTime = h.now - 1;
        h.now += 60 * MINUTE;
        h.gtc(maker, Side.BUY, 660_000, 10);
        h.market(taker, BTC, Side.SELL, 2);
        long lastTime = h.now - 1;
        long now = lastTime + 1000;
        MarketView.Ticker24h t = ((Result.Tickers24h) h.engine.query(new Query.Ticker24h(BTC, null), now)).tickers().get(0);
        long base4 = 666_667; // 4 × 100 / 60000.0
        long base2 = 303_030; // 2 × 100 / 66000.0
        assertThat(t.priceChange()).isEqualTo(60_000);
        assertThat(t.priceChangePercent()).isEqualTo(10_000);                 // 10.000 %
        assertThat(t.lastPrice()).isEqualTo(660_000);
        assertThat(t.lastQty()).isEqualTo(2);
        assertThat(t.openPrice()).isEqualTo(600_000);
        assertThat(t.highPrice()).isEqualTo(660_000);
        assertThat(t.lowPrice()).isEqualTo(600_000);
        assertThat(t.volume()).isEqualTo(6);
        assertThat(t.baseVolume()).isEqualTo(base4 + base2);
        assertThat(t.weightedAvgPrice()).isEqualTo(6_187_499_806_641L);      // 600 / 0.00969697 = 61874.99806641
        assertThat(t.firstId()).isEqualTo(1);
        assertThat(t.lastId()).isEqualTo(2);
        assertThat(t.count()).isEqualTo(2);
        assertThat(t.openTime()).isEqualTo(KlineInterval.M1.openTime(firstTime));
        assertThat(t.closeTime()).isEqualTo(now);
        // A day later the window is empty; the last price stays.
        MarketView.Ticker24h later = ((Result.Tickers24h) h.engine.query(new Query.Ticker24h(BTC, null), now + EngineHarness.DAY)).tickers().get(0);
        assertThat(later.count()).isZero();
        assertThat(later.firstId()).isEqualTo(-1);
        assertThat(later.lastPrice()).isEqualTo(660_000);
        assertThat(((Result.PriceTickers) h.engine.query(new Query.PriceTicker(BTC, null), now)).tickers())
                .containsExactly(new MarketView.PriceTicker(h.engine.instruments().get(BTC), 660_000, lastTime));
        assertThat(((Result.PriceTickers) h.engine.query(new Query.PriceTicker(null, "BTCUSD"), now)).tickers()).hasSize(2);
        assertThat(((Result.PriceTickers) h.engine.query(new Query.PriceTicker(null, null), now)).tickers()).hasSize(3);
        assertThat(h.engine.query(new Query.PriceTicker(null, "XRPUSD"), now)).isEqualTo(new Result.Rejected(Reject.UNKNOWN_SYMBOL));
    }

    @Test
    void depthAggregatesByPriceAndCountsEveryBookChange() {
        OrderBook book = h.engine.book(BTC);
        assertThat(book.updateId()).isZero();
        h.gtc(maker, Side.BUY, 649_000, 2);                 // 1
        OrderView second = h.gtc(maker, Side.BUY, 649_000, 3); // 2
        h.gtc(maker, Side.BUY, 648_000, 1);                 // 3
        h.gtc(maker, Side.SELL, 651_000, 4);                // 4
        h.market(taker, BTC, Side.BUY, 1);                  // 5 (a fill)
        h.execute(new Command.CancelOrder(maker, BTC, second.orderId(), null)); // 6
        long changed = h.now - 1;
        MarketView.Depth depth = ((Result.Depth) h.engine.query(new Query.Depth(BTC, 5), changed + 7)).depth();
        assertThat(depth.lastUpdateId()).isEqualTo(6);
        assertThat(depth.eventTime()).isEqualTo(changed + 7);
        assertThat(depth.transactionTime()).isEqualTo(changed);
        assertThat(depth.bids()).containsExactly(new MarketView.Level(649_000, 2), new MarketView.Level(648_000, 1));
        assertThat(depth.asks()).containsExactly(new MarketView.Level(651_000, 3));
        assertThat(((Result.Depth) h.engine.query(new Query.Depth(BTC, 1), 0)).depth().bids()).hasSize(1);
        MarketView.BookTicker top = ((Result.BookTickers) h.engine.query(new Query.BookTicker(BTC, null), 0)).tickers().get(0);
        assertThat(top).isEqualTo(new MarketView.BookTicker(h.engine.instruments().get(BTC), 6, 649_000, 2, 651_000, 3, changed));
        assertThat(h.engine.query(new Query.Depth("NOPE", 5), 0)).isEqualTo(new Result.Rejected(Reject.UNKNOWN_SYMBOL));
    }

    @Test
    void premiumIndexFollowsTheReferencePrice() {
        long house = h.openAccount("house");
        h.execute(new Command.ConfigureHouse(house, 20, 100, 100));
        h.execute(new Command.Requote(ETH, 312_345));
        long now = 1_596_094_042_000L;
        List<MarketView.PremiumIndex> rows = ((Result.PremiumIndexes) h.engine.query(new Query.PremiumIndex(null, null), now)).indexes();
        MarketView.PremiumIndex eth = rows.stream().filter(p -> p.instrument().symbol().equals(ETH)).findFirst().orElseThrow();
        assertThat(eth).isEqualTo(new MarketView.PremiumIndex(h.engine.instruments().get(ETH), 312_345_000_000L, 312_345_000_000L,
                312_345_000_000L, 10_000, 10_000, 1_596_096_000_000L, now, true));
        MarketView.PremiumIndex quarter = rows.stream().filter(p -> p.instrument().symbol().equals(TestInstruments.BTC_QUARTER)).findFirst().orElseThrow();
        assertThat(quarter.perpetual()).isFalse();
        assertThat(quarter.nextFundingTime()).isZero();
        assertThat(quarter.markPrice()).isZero();
    }

    @Test
    void recordingAFillAllocatesNothingOnceTheRingsAreFull() {
        MarketTape tape = new MarketTape(TestInstruments.btcPerp());
        long t = EngineHarness.T0;
        for (int i = 1; i <= 10_000; i++) tape.onTrade(i, 650_000 + i % 7, 1 + i % 3, i % 2 == 0, i, t + i * 50L);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        // Within the bars that exist (a new bar may grow a kline ring until it holds its bound).
        for (int i = 10_001; i <= 20_000; i++) tape.onTrade(i, 650_000 + i % 7, 1 + i % 3, i % 2 == 0, i, t + 10_000 * 50L);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).isLessThan(256);
    }
}
