package com.papisandbox.engine;

import static com.papisandbox.engine.EngineHarness.DAY;
import static com.papisandbox.engine.OrderStatus.CANCELED;
import static com.papisandbox.engine.OrderStatus.EXPIRED;
import static com.papisandbox.engine.OrderStatus.FILLED;
import static com.papisandbox.engine.OrderStatus.NEW;
import static com.papisandbox.engine.OrderStatus.PARTIALLY_FILLED;
import static com.papisandbox.engine.Side.BUY;
import static com.papisandbox.engine.Side.SELL;
import static com.papisandbox.engine.TestInstruments.BTC;
import static com.papisandbox.engine.TestInstruments.BTC_QUARTER;
import static com.papisandbox.engine.TestInstruments.ETH;
import static com.papisandbox.engine.TestInstruments.btc;
import static com.papisandbox.engine.TestInstruments.eth;
import static com.papisandbox.engine.TimeInForce.GTC;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Order ids, QueryOrder (spec §6.5), QueryOpenOrder (§6.6), QueryOpenOrders (§6.7) and the Balances read. */
class OrderIdsAndQueriesTest {
    static final Result NO_SUCH_ORDER = new Result.Rejected(Reject.NO_SUCH_ORDER);
    static final long O1 = Engine.FIRST_ORDER_ID;

    final EngineHarness h = new EngineHarness();
    long a;
    long b;

    @BeforeEach
    void accounts() {
        a = h.openAccount("alice");
        b = h.openAccount("bob");
    }

    @Test
    void orderIdsIncreaseByOneAndRejectedPlacesTakeNone() {
        List<Long> ids = new ArrayList<>();
        ids.add(h.gtc(a, SELL, btc("65000.0"), 1).orderId());
        assertThat(h.limit(a, BTC, BUY, TimeInForce.GTX, btc("65000.0"), 1)).isInstanceOf(Result.Rejected.class);
        assertThat(h.limit(a, BTC, BUY, TimeInForce.FOK, btc("65000.0"), 2)).isInstanceOf(Result.Rejected.class);
        assertThat(h.limit(a, BTC, BUY, GTC, btc("999.9"), 1)).isInstanceOf(Result.Rejected.class);
        assertThat(h.limit(a, BTC, BUY, GTC, btc("65000.0"), 0)).isInstanceOf(Result.Rejected.class);
        ids.add(EngineHarness.accepted(h.market(b, BTC, BUY, 1)).orderId());
        // the book is empty now: a MARKET order would be -2020 and take no id; an IOC expires with one
        assertThat(h.market(b, BTC, BUY, 1)).isInstanceOf(Result.Rejected.class);
        ids.add(EngineHarness.accepted(h.limit(b, BTC, BUY, TimeInForce.IOC, btc("65000.0"), 1)).orderId());
        ids.add(EngineHarness.accepted(h.limit(b, ETH, BUY, TimeInForce.IOC, eth("3000.00"), 1)).orderId());
        ids.add(h.gtc(a, BUY, btc("60000.0"), 1).orderId());
        h.cancel(a, BTC, ids.get(ids.size() - 1));
        ids.add(h.gtc(a, BUY, btc("60000.0"), 1).orderId());

        assertThat(ids).containsExactly(O1, O1 + 1, O1 + 2, O1 + 3, O1 + 4, O1 + 5);
        assertThat(h.engine.nextOrderId()).isEqualTo(O1 + 6);
    }

    @Test
    void tradeIdsIncreaseByOnePerMatch() {
        h.gtc(a, SELL, btc("65000.0"), 1);
        h.gtc(a, SELL, btc("65000.1"), 1);
        h.gtc(a, SELL, btc("65000.2"), 1);
        h.drain();
        h.market(b, BTC, BUY, 2);
        h.market(b, BTC, BUY, 1);

        assertThat(h.drain()).filteredOn(e -> e instanceof Event.Traded).extracting(e -> ((Event.Traded) e).tradeId())
                .containsExactly(1L, 1L, 2L, 2L, 3L, 3L);
    }

    @Test
    void queryOrderFindsOpenAndClosedOrders() {
        OrderView open = h.gtc(a, SELL, btc("65000.0"), 5, "open");
        OrderView filled = h.gtc(b, BUY, btc("65000.0"), 2, "filled");
        OrderView canceled = h.gtc(b, BUY, btc("60000.0"), 2, "canceled");
        canceled = EngineHarness.accepted(h.cancel(b, BTC, canceled.orderId()));
        OrderView expired = EngineHarness.accepted(h.limit(b, ETH, SELL, TimeInForce.IOC, eth("3000.00"), 1));

        assertThat(h.order(a, BTC, open.orderId()).status()).isEqualTo(PARTIALLY_FILLED);
        assertThat(h.order(b, BTC, filled.orderId())).isEqualTo(filled.copy());
        assertThat(filled.status()).isEqualTo(FILLED);
        assertThat(h.order(b, BTC, canceled.orderId())).isEqualTo(canceled.copy());
        assertThat(canceled.status()).isEqualTo(CANCELED);
        assertThat(h.order(b, ETH, expired.orderId())).isEqualTo(expired.copy());
        assertThat(expired.status()).isEqualTo(EXPIRED);

        // by client order id
        assertThat(h.query(new Query.OrderLookup(b, BTC, -1, "filled"))).isEqualTo(new Result.Orders(List.of(filled.copy())));
        assertThat(h.query(new Query.OrderLookup(b, BTC, -1, "canceled"))).isEqualTo(new Result.Orders(List.of(canceled.copy())));
        // orderId wins over the client order id
        assertThat(h.query(new Query.OrderLookup(b, BTC, filled.orderId(), "canceled"))).isEqualTo(new Result.Orders(List.of(filled.copy())));
    }

    @Test
    void queryOrderDoesNotShowAnotherAccountsOrWrongSymbolOrUnknownOrders() {
        OrderView mine = h.gtc(a, SELL, btc("65000.0"), 5, "mine");

        assertThat(h.queryOrder(b, BTC, mine.orderId())).isEqualTo(NO_SUCH_ORDER);
        assertThat(h.query(new Query.OrderLookup(b, BTC, -1, "mine"))).isEqualTo(NO_SUCH_ORDER);
        assertThat(h.queryOrder(a, ETH, mine.orderId())).isEqualTo(NO_SUCH_ORDER);
        assertThat(h.queryOrder(a, BTC_QUARTER, mine.orderId())).isEqualTo(NO_SUCH_ORDER);
        assertThat(h.queryOrder(a, BTC, mine.orderId() + 1)).isEqualTo(NO_SUCH_ORDER);
        assertThat(h.query(new Query.OrderLookup(a, BTC, -1, "other"))).isEqualTo(NO_SUCH_ORDER);
        assertThat(h.queryOrder(a, "NOPE", mine.orderId())).isEqualTo(new Result.Rejected(Reject.UNKNOWN_SYMBOL));
        assertThat(h.queryOrder(77, BTC, mine.orderId())).isEqualTo(new Result.Rejected(Reject.UNKNOWN_ACCOUNT));
    }

    @Test
    void queriesChangeNothing() {
        h.gtc(a, SELL, btc("65000.0"), 5, "mine");
        h.drain();
        List<OrderView> before = h.allOrders();
        Result r1 = h.queryOrder(a, BTC, O1);
        Result r2 = h.query(new Query.OpenOrderLookup(a, BTC, O1, null));
        Result r3 = h.query(new Query.OpenOrders(a, null, null));

        assertThat(r1.changedState()).isFalse();
        assertThat(r2.changedState()).isFalse();
        assertThat(r3.changedState()).isFalse();
        assertThat(h.drain()).isEmpty();
        assertThat(h.allOrders()).isEqualTo(before);
    }

    @Test
    void aCanceledOrderWithoutFillsIsForgottenThreeDaysAfterItWasCreated() {
        long created = h.now;
        long id = h.gtc(a, BUY, btc("60000.0"), 1).orderId();
        h.now = created + 2 * DAY;
        h.cancel(a, BTC, id);

        h.now = created + 3 * DAY;
        assertThat(h.order(a, BTC, id).status()).isEqualTo(CANCELED);
        h.now = created + 3 * DAY + 1;
        assertThat(h.queryOrder(a, BTC, id)).isEqualTo(NO_SUCH_ORDER);
        assertThat(h.query(new Query.OrderLookup(a, BTC, -1, "cid-1"))).isEqualTo(NO_SUCH_ORDER);
    }

    @Test
    void anExpiredOrderWithoutFillsIsForgottenAfterThreeDays() {
        long created = h.now;
        long id = EngineHarness.accepted(h.limit(a, BTC, BUY, TimeInForce.IOC, btc("65000.0"), 1)).orderId();

        h.now = created + 3 * DAY;
        assertThat(h.order(a, BTC, id).status()).isEqualTo(EXPIRED);
        h.now = created + 3 * DAY + 1;
        assertThat(h.queryOrder(a, BTC, id)).isEqualTo(NO_SUCH_ORDER);
    }

    @Test
    void ordersWithFillsAndOpenOrdersAreNeverForgotten() {
        long created = h.now;
        long partlyCanceled = h.gtc(a, SELL, btc("65000.0"), 5).orderId();
        h.gtc(b, BUY, btc("65000.0"), 2);
        h.cancel(a, BTC, partlyCanceled);
        h.gtc(a, BUY, btc("60000.0"), 1);
        long expiredWithFill = EngineHarness.accepted(h.limit(b, BTC, SELL, TimeInForce.IOC, btc("60000.0"), 3)).orderId();
        long restingMaker = h.gtc(a, BUY, btc("60000.0"), 2).orderId();
        long filledTaker = h.gtc(b, SELL, btc("60000.0"), 1).orderId();
        long stillNew = h.gtc(a, BUY, btc("50000.0"), 1).orderId();

        h.now = created + 365 * DAY;
        assertThat(h.order(a, BTC, partlyCanceled).status()).isEqualTo(CANCELED);
        assertThat(h.order(b, BTC, expiredWithFill).status()).isEqualTo(EXPIRED);
        assertThat(h.order(b, BTC, expiredWithFill).executedQty()).isEqualTo(1);
        assertThat(h.order(a, BTC, restingMaker).status()).isEqualTo(PARTIALLY_FILLED);
        assertThat(h.order(b, BTC, filledTaker).status()).isEqualTo(FILLED);
        assertThat(h.order(a, BTC, stillNew).status()).isEqualTo(NEW);
    }

    @Test
    void queryOpenOrderFindsOnlyOpenOrders() {
        OrderView resting = h.gtc(a, SELL, btc("65000.0"), 5, "resting");
        h.gtc(b, BUY, btc("65000.0"), 2, "taker");
        OrderView canceled = h.gtc(a, BUY, btc("60000.0"), 1, "gone");
        h.cancel(a, BTC, canceled.orderId());

        Result found = h.query(new Query.OpenOrderLookup(a, BTC, resting.orderId(), null));
        assertThat(found).isInstanceOf(Result.Orders.class);
        OrderView view = ((Result.Orders) found).orders().get(0);
        assertThat(view.status()).isEqualTo(PARTIALLY_FILLED);
        assertThat(view.executedQty()).isEqualTo(2);
        assertThat(h.query(new Query.OpenOrderLookup(a, BTC, -1, "resting"))).isEqualTo(found);
        assertThat(h.query(new Query.OpenOrderLookup(a, BTC, resting.orderId(), "gone"))).isEqualTo(found);

        assertThat(h.query(new Query.OpenOrderLookup(a, BTC, canceled.orderId(), null))).isEqualTo(NO_SUCH_ORDER);
        assertThat(h.query(new Query.OpenOrderLookup(a, BTC, -1, "gone"))).isEqualTo(NO_SUCH_ORDER);
        assertThat(h.query(new Query.OpenOrderLookup(b, BTC, O1 + 1, null))).isEqualTo(NO_SUCH_ORDER);
        assertThat(h.query(new Query.OpenOrderLookup(b, BTC, -1, "taker"))).isEqualTo(NO_SUCH_ORDER);
        assertThat(h.query(new Query.OpenOrderLookup(b, BTC, resting.orderId(), null))).isEqualTo(NO_SUCH_ORDER);
        assertThat(h.query(new Query.OpenOrderLookup(a, ETH, resting.orderId(), null))).isEqualTo(NO_SUCH_ORDER);
        assertThat(h.query(new Query.OpenOrderLookup(a, "NOPE", resting.orderId(), null)))
                .isEqualTo(new Result.Rejected(Reject.UNKNOWN_SYMBOL));
    }

    @Test
    void queryOpenOrdersListsOldestFirstFilteredBySymbolOrPair() {
        long q1 = h.gtc(a, BTC_QUARTER, BUY, btc("60000.0"), 1).orderId();
        long e1 = h.gtc(a, ETH, SELL, eth("3000.00"), 1).orderId();
        long p1 = h.gtc(a, BTC, BUY, btc("60000.0"), 1).orderId();
        long other = h.gtc(b, BTC, BUY, btc("60000.0"), 1).orderId();
        long p2 = h.gtc(a, BTC, SELL, btc("70000.0"), 1).orderId();
        long closed = h.gtc(a, BTC, BUY, btc("60000.0"), 1).orderId();
        h.cancel(a, BTC, closed);
        long e2 = h.gtc(a, ETH, BUY, eth("2000.00"), 1).orderId();

        assertThat(h.openOrders(a, null, null)).extracting(OrderView::orderId).containsExactly(q1, e1, p1, p2, e2);
        assertThat(h.openOrders(a, BTC, null)).extracting(OrderView::orderId).containsExactly(p1, p2);
        assertThat(h.openOrders(a, ETH, null)).extracting(OrderView::orderId).containsExactly(e1, e2);
        assertThat(h.openOrders(a, null, "BTCUSD")).extracting(OrderView::orderId).containsExactly(q1, p1, p2);
        assertThat(h.openOrders(a, null, "ETHUSD")).extracting(OrderView::orderId).containsExactly(e1, e2);
        assertThat(h.openOrders(a, null, "XRPUSD")).isEmpty();
        assertThat(h.openOrders(a, BTC_QUARTER, "BTCUSD")).extracting(OrderView::orderId).containsExactly(q1);
        assertThat(h.openOrders(a, ETH, "BTCUSD")).isEmpty();
        assertThat(h.openOrders(b, null, null)).extracting(OrderView::orderId).containsExactly(other);
        assertThat(h.openOrders(a, null, null)).allSatisfy(o -> assertThat(o.status()).isEqualTo(NEW));
        assertThat(h.query(new Query.OpenOrders(a, "NOPE", null))).isEqualTo(new Result.Rejected(Reject.UNKNOWN_SYMBOL));
        assertThat(h.query(new Query.OpenOrders(42, null, null))).isEqualTo(new Result.Rejected(Reject.UNKNOWN_ACCOUNT));
    }

    @Test
    void queryByClientOrderIdFindsTheNewestOrderWithThatIdOnTheSymbol() {
        long first = h.gtc(a, BUY, btc("60000.0"), 1, "again").orderId();
        h.cancel(a, BTC, first);
        long second = h.gtc(a, BUY, btc("60000.0"), 1, "again").orderId();

        assertThat(h.query(new Query.OrderLookup(a, BTC, -1, "again")))
                .isEqualTo(new Result.Orders(List.of(h.order(a, BTC, second))));
        assertThat(h.order(a, BTC, first).status()).isEqualTo(CANCELED);
    }

    @Test
    void queryByClientOrderIdIsScopedToTheSymbol() {
        long btcDup = h.gtc(a, BUY, btc("60000.0"), 1, "dup").orderId();
        h.cancel(a, BTC, btcDup);
        h.place(a, ETH, BUY, OrderType.LIMIT, GTC, eth("3000.00"), 1, "dup");

        Result r = h.query(new Query.OrderLookup(a, BTC, -1, "dup"));
        assertThat(r).isInstanceOf(Result.Orders.class);
        assertThat(((Result.Orders) r).orders()).extracting(OrderView::orderId).containsExactly(btcDup);
    }

    @Test
    void balancesAreTheAccountsByAssetAndUnknownAccountsAreRejected() {
        Result r = h.query(new Query.Balances(a));
        assertThat(r).isInstanceOf(Result.Balances.class);
        // the harness opens accounts with BTC 10 and ETH 100 (ETH orders need margin since the ledger)
        assertThat(((Result.Balances) r).byAsset()).containsExactly(java.util.Map.entry("BTC", java.math.BigDecimal.TEN),
                java.util.Map.entry("ETH", new java.math.BigDecimal(100)));
        assertThat(h.query(new Query.Balances(42))).isEqualTo(new Result.Rejected(Reject.UNKNOWN_ACCOUNT));
    }
}
