package com.papisandbox.engine;

import static com.papisandbox.engine.Side.BUY;
import static com.papisandbox.engine.Side.SELL;
import static com.papisandbox.engine.TestInstruments.BTC;
import static com.papisandbox.engine.TestInstruments.btc;
import static org.assertj.core.api.Assertions.assertThat;

import com.papisandbox.engine.LedgerViews.TradeView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parameter rules and windows of userTrades, income and allOrders (spec-next §2.7–2.9, base spec §6.8). */
class HistoryQueriesTest {
    static final long HOUR = 60L * 60 * 1000;

    final EngineHarness h = new EngineHarness();
    final long m = h.openAccount("maker");
    final long a = h.openAccount("trader");

    static Result rejected(Reject r) {
        return new Result.Rejected(r);
    }

    Result trades(String symbol, String pair, long orderId, long start, long end, long fromId, int limit) {
        return h.query(new Query.UserTrades(a, symbol, pair, orderId, start, end, fromId, limit));
    }

    List<Long> ids(Result r) {
        return ((Result.UserTrades) r).trades().stream().map(TradeView::id).toList();
    }

    @Test
    void userTradesRules() {
        for (int i = 0; i < 5; i++) {
            h.gtc(m, SELL, btc("60000.0"), 1);
            h.market(a, BTC, BUY, 1);
            h.now += HOUR;
        }
        assertThat(trades(BTC, "BTCUSD", -1, -1, -1, -1, 0)).isEqualTo(rejected(Reject.PARAMS_COMBINATION_INVALID));
        assertThat(trades(null, null, -1, -1, -1, -1, 0)).isEqualTo(rejected(Reject.SYMBOL_OR_PAIR_REQUIRED));
        assertThat(trades(null, "BTCUSD", -1, -1, -1, 1, 0)).isEqualTo(rejected(Reject.PARAMS_COMBINATION_INVALID));
        assertThat(trades(BTC, null, -1, h.now - HOUR, -1, 1, 0)).isEqualTo(rejected(Reject.PARAMS_COMBINATION_INVALID));
        assertThat(trades(null, "BTCUSD", 5, -1, -1, -1, 0)).isEqualTo(rejected(Reject.PARAMS_COMBINATION_INVALID));
        assertThat(trades(BTC, null, -1, 0, 25 * HOUR, -1, 0)).isEqualTo(rejected(Reject.TIME_WINDOW_OVER_24_HOURS));
        assertThat(trades(BTC, null, -1, 10, 5, -1, 0)).isEqualTo(rejected(Reject.START_TIME_AFTER_END_TIME));
        assertThat(trades(BTC, null, -1, -1, -1, -1, 1001)).isEqualTo(rejected(Reject.LIMIT_NOT_VALID));
        // the default window is the last 24 h: all five; limit 2 gives the newest two, oldest first
        assertThat(ids(trades(BTC, null, -1, -1, -1, -1, 0))).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(ids(trades(null, "BTCUSD", -1, -1, -1, -1, 2))).containsExactly(4L, 5L);
        // fromId: the first ones from that id on
        assertThat(ids(trades(BTC, null, -1, -1, -1, 2, 2))).containsExactly(2L, 3L);
        // a window of the first two hours
        long first = ((Result.UserTrades) trades(BTC, null, -1, -1, -1, -1, 0)).trades().get(0).time();
        assertThat(ids(trades(BTC, null, -1, first, first + HOUR + 5, -1, 0))).containsExactly(1L, 2L);
        // orderId with symbol
        long orderId = ((Result.UserTrades) trades(BTC, null, -1, -1, -1, -1, 0)).trades().get(2).orderId();
        assertThat(ids(trades(BTC, null, orderId, -1, -1, -1, 0))).containsExactly(3L);
    }

    @Test
    void incomeRules() {
        h.gtc(m, SELL, btc("60000.0"), 1);
        h.market(a, BTC, BUY, 1);
        h.gtc(m, BUY, btc("61000.0"), 1);
        h.market(a, BTC, SELL, 1);
        Query.Income all = new Query.Income(a, null, null, -1, -1, 0, 0);
        assertThat(((Result.Incomes) h.query(all)).incomes()).extracting(LedgerViews.IncomeView::incomeType)
                .containsExactly(IncomeType.COMMISSION, IncomeType.REALIZED_PNL, IncomeType.COMMISSION);
        assertThat(((Result.Incomes) h.query(new Query.Income(a, BTC, IncomeType.REALIZED_PNL, -1, -1, 0, 0))).incomes())
                .hasSize(1);
        assertThat(h.query(new Query.Income(a, null, null, 0, 201 * AccountViews.DAY, 0, 0)))
                .isEqualTo(rejected(Reject.TIME_WINDOW_OVER_200_DAYS));
        assertThat(h.query(new Query.Income(a, null, null, -1, -1, 1001, 0))).isEqualTo(rejected(Reject.LIMIT_NOT_VALID));
        assertThat(h.query(new Query.Income(a, "NOPE", null, -1, -1, 0, 0))).isEqualTo(rejected(Reject.UNKNOWN_SYMBOL));
        // newest first page of 2, then the page before it
        assertThat(((Result.Incomes) h.query(new Query.Income(a, null, null, -1, -1, 2, 1))).incomes())
                .extracting(LedgerViews.IncomeView::incomeType).containsExactly(IncomeType.REALIZED_PNL, IncomeType.COMMISSION);
        assertThat(((Result.Incomes) h.query(new Query.Income(a, null, null, -1, -1, 2, 2))).incomes())
                .extracting(LedgerViews.IncomeView::incomeType).containsExactly(IncomeType.COMMISSION);
    }

    @Test
    void allOrdersRules() {
        OrderView first = h.gtc(a, BUY, btc("50000.0"), 1);
        h.cancel(a, BTC, first.orderId());
        OrderView second = h.gtc(a, BUY, btc("50000.0"), 1);
        assertThat(h.query(new Query.AllOrders(a, null, null, -1, -1, -1, 0))).isEqualTo(rejected(Reject.SYMBOL_OR_PAIR_REQUIRED));
        assertThat(h.query(new Query.AllOrders(a, BTC, null, -1, -1, -1, 101))).isEqualTo(rejected(Reject.LIMIT_NOT_VALID));
        Result.Orders orders = (Result.Orders) h.query(new Query.AllOrders(a, null, "BTCUSD", -1, -1, -1, 0));
        assertThat(orders.orders()).extracting(OrderView::orderId).containsExactly(first.orderId(), second.orderId());
        assertThat(((Result.Orders) h.query(new Query.AllOrders(a, BTC, null, second.orderId(), -1, -1, 0))).orders())
                .extracting(OrderView::orderId).containsExactly(second.orderId());
        // three days later the unfilled cancelled order is gone, the open one stays
        h.now += Engine.UNFILLED_CLOSED_ORDER_VISIBILITY_MS + 10;
        assertThat(((Result.Orders) h.query(new Query.AllOrders(a, BTC, null, -1, -1, -1, 0))).orders())
                .extracting(OrderView::orderId).containsExactly(second.orderId());
    }
}
