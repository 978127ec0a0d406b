package com.papisandbox.engine;

import static com.papisandbox.engine.Side.BUY;
import static com.papisandbox.engine.Side.SELL;
import static com.papisandbox.engine.TestInstruments.BTC;
import static com.papisandbox.engine.TestInstruments.btc;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ADL quantile estimate: the fifth of the same-side ranking (PnL % × effective leverage) a position is in. */
class AdlRankingTest {
    final EngineHarness h = new EngineHarness();
    final long m = h.openAccount("maker");

    List<LedgerViews.AdlView> rows(long account, String symbol) {
        return ((Result.AdlQuantiles) h.query(new Query.AdlQuantile(account, symbol))).rows();
    }

    /** Opens an account long one contract bought from the maker at {@code price}. */
    long longAt(String key, String price) {
        long account = h.openAccount(key);
        h.gtc(m, SELL, btc(price), 1);
        h.market(account, BTC, BUY, 1);
        return account;
    }

    @Test
    void theLongsRankByTheirProfitAndTheLoneShortIsLast() {
        List<Long> longs = new ArrayList<>();
        for (String price : List.of("50000.0", "52000.0", "54000.0", "56000.0", "58000.0")) longs.add(longAt("l" + price, price));
        h.execute(new Command.SetPrices(BTC, 6_000_000_000_000L, 6_000_000_000_000L));
        // equal balances and sizes: the cheaper the entry, the larger the profit, the earlier in the queue
        for (int k = 0; k < longs.size(); k++) {
            List<LedgerViews.AdlView> rows = rows(longs.get(k), null);
            assertThat(rows).hasSize(1);
            LedgerViews.AdlView row = rows.get(0);
            assertThat(row.instrument().symbol()).isEqualTo(BTC);
            assertThat(row.hedge()).isFalse();
            assertThat(row.bothQuantile()).as("long bought at the %d. price", k + 1).isEqualTo(4 - k);
            assertThat(row.longQuantile()).isZero();
            assertThat(row.shortQuantile()).isZero();
        }
        // the maker is short five, alone on its side
        assertThat(rows(m, BTC)).extracting(LedgerViews.AdlView::bothQuantile).containsExactly(0);
        assertThat(rows(m, TestInstruments.ETH)).isEmpty();
        assertThat(rows(h.openAccount("flat"), null)).isEmpty();
        assertThat(h.query(new Query.AdlQuantile(m, "NOPE_PERP"))).isEqualTo(new Result.Rejected(Reject.UNKNOWN_SYMBOL));
    }

    @Test
    void aHedgeAccountShowsOneValueForBothSides() {
        long hedged = h.openAccount("hedged");
        assertThat(h.execute(new Command.SetPositionMode(hedged, true))).isEqualTo(Result.Done.CHANGED);
        longAt("other", "59000.0");
        h.gtc(m, SELL, btc("50000.0"), 1);
        h.execute(new Command.PlaceOrder(hedged, BTC, BUY, OrderType.MARKET, null, PositionSide.LONG, false, 0, 1, "h1"));
        h.execute(new Command.SetPrices(BTC, 6_000_000_000_000L, 6_000_000_000_000L));
        List<LedgerViews.AdlView> rows = rows(hedged, BTC);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).hedge()).isTrue();
        // two longs: the hedged one (bought at 50 000) is ahead of the one bought at 59 000
        assertThat(rows.get(0).longQuantile()).isEqualTo(2);
        assertThat(rows.get(0).shortQuantile()).isEqualTo(rows.get(0).longQuantile());
    }
}
