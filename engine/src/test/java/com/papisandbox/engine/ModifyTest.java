package com.papisandbox.engine;

import static com.papisandbox.engine.OrderStatus.CANCELED;
import static com.papisandbox.engine.OrderStatus.EXPIRED;
import static com.papisandbox.engine.OrderStatus.FILLED;
import static com.papisandbox.engine.OrderStatus.NEW;
import static com.papisandbox.engine.OrderStatus.PARTIALLY_FILLED;
import static com.papisandbox.engine.Side.BUY;
import static com.papisandbox.engine.Side.SELL;
import static com.papisandbox.engine.TestInstruments.BTC;
import static com.papisandbox.engine.TestInstruments.ETH;
import static com.papisandbox.engine.TestInstruments.btc;
import static org.assertj.core.api.Assertions.assertThat;

import com.papisandbox.engine.Event.Accepted;
import com.papisandbox.engine.Event.Amended;
import com.papisandbox.engine.Event.Canceled;
import com.papisandbox.engine.Event.Expired;
import com.papisandbox.engine.Event.Traded;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Modify CM Order (papi-cm-next §2.10) and its history (§2.11). */
class ModifyTest {
    static final long O1 = Engine.FIRST_ORDER_ID;
    static final long O2 = O1 + 1;
    static final long O3 = O1 + 2;
    static final long O4 = O1 + 3;
    static final Result NO_SUCH_ORDER = new Result.Rejected(Reject.NO_SUCH_ORDER);

    final EngineHarness h = new EngineHarness();
    long a;
    long b;

    @BeforeEach
    void accounts() {
        a = h.openAccount("alice");
        b = h.openAccount("bob");
    }

    Result modify(long account, long orderId, Side side, long price, long qty) {
        return h.execute(new Command.ModifyOrder(account, BTC, orderId, null, side, price, qty));
    }

    List<Amendment> amendments(long account, long orderId) {
        Result r = h.query(new Query.OrderAmendments(account, BTC, orderId, null, 0, Long.MAX_VALUE, 100));
        assertThat(r).isInstanceOf(Result.Amendments.class);
        return ((Result.Amendments) r).amendments();
    }

    @Test
    void aModifyChangesPriceAndQuantityAndKeepsTheOrdersIdentity() {
        OrderView placed = h.gtc(a, BUY, btc("65000.0"), 1, "mine");
        h.drain();
        long t = h.now;
        Result result = modify(a, O1, BUY, btc("64000.5"), 3);

        assertThat(h.drain()).containsExactly(
                new Amended(O1, 1, 640_005, 3, 650_000, 1));
        assertThat(result.changedState()).isTrue();
        OrderView o = EngineHarness.accepted(result);
        assertThat(o.orderId()).isEqualTo(O1);
        assertThat(o.clientOrderId()).isEqualTo("mine");
        assertThat(o.status()).isEqualTo(NEW);
        assertThat(o.price()).isEqualTo(640_005);
        assertThat(o.origQty()).isEqualTo(3);
        assertThat(o.time()).isEqualTo(placed.time());
        assertThat(o.updateTime()).isEqualTo(t);
        assertThat(EngineHarness.acknowledged(result)).isEqualTo(o.copy());
        assertThat(h.order(a, BTC, O1)).isEqualTo(o);
        assertThat(h.engine.book(BTC).bestPrice(BUY)).hasValue(640_005);
        assertThat(h.engine.book(BTC).restingCount()).isEqualTo(1);
        assertThat(placed.price()).as("the earlier view is a copy").isEqualTo(650_000);
    }

    @Test
    void aModifiedOrderLosesItsTimePriorityEvenAtTheSamePrice() {
        h.gtc(a, BUY, btc("65000.0"), 1);
        h.gtc(b, BUY, btc("65000.0"), 1);
        modify(a, O1, BUY, btc("65000.0"), 2);
        h.drain();
        h.gtc(b, SELL, btc("65000.0"), 1);

        assertThat(h.drain()).containsExactly(
                new Accepted(O3, b, BTC, SELL, 650_000, 1),
                new Traded  (O2, 1, true,       650_000, 1, 0),
                new Traded  (O3, 1, false,      650_000, 1, 0));
        assertThat(h.engine.book(BTC).orders(BUY)).extracting(Order::orderId).containsExactly(O1);
    }

    @Test
    void aModifyToABetterPriceJoinsTheBackOfThatLevel() {
        h.gtc(a, BUY, btc("64000.0"), 1);
        h.gtc(b, BUY, btc("65000.0"), 1);
        h.drain();
        modify(a, O1, BUY, btc("65000.0"), 1);

        assertThat(h.drain()).containsExactly(
                new Amended(O1, 1, 650_000, 1, 640_000, 1));
        assertThat(h.engine.book(BTC).orders(BUY)).extracting(Order::orderId).containsExactly(O2, O1);
        assertThat(h.engine.book(BTC).bestPrice(BUY)).hasValue(650_000);
    }

    @Test
    void aModifyThatCrossesTradesAsATakerAndRestsTheRest() {
        h.gtc(b, SELL, btc("66000.0"), 3);
        h.gtc(a, BUY, btc("65000.0"), 2);
        h.drain();
        OrderView o = EngineHarness.accepted(modify(a, O2, BUY, btc("66000.0"), 5));

        assertThat(h.drain()).containsExactly(
                new Amended(O2, 1, 660_000, 5, 650_000, 2),
                new Traded (O1, 1, true,  660_000, 3, 0),
                new Traded (O2, 1, false, 660_000, 3, 2));
        assertThat(o.status()).isEqualTo(PARTIALLY_FILLED);
        assertThat(o.executedQty()).isEqualTo(3);
        assertThat(o.avgPrice()).isEqualByComparingTo("66000.0");
        assertThat(h.engine.book(BTC).orders(SELL)).isEmpty();
        assertThat(h.engine.book(BTC).orders(BUY)).extracting(Order::orderId).containsExactly(O2);
        assertThat(h.order(b, BTC, O1).status()).isEqualTo(FILLED);
        assertThat(h.position(a, BTC)).isEqualTo(3);
        assertThat(h.position(b, BTC)).isEqualTo(-3);
    }

    @Test
    void aModifyThatCrossesCanFillTheOrderCompletely() {
        h.gtc(b, SELL, btc("66000.0"), 3);
        h.gtc(a, BUY, btc("65000.0"), 2);
        h.drain();
        OrderView o = EngineHarness.accepted(modify(a, O2, BUY, btc("67000.0"), 2));

        assertThat(h.drain()).containsExactly(
                new Amended(O2, 1, 670_000, 2, 650_000, 2),
                new Traded (O1, 1, true,  660_000, 2, 1),
                new Traded (O2, 1, false, 660_000, 2, 0));
        assertThat(o.status()).isEqualTo(FILLED);
        assertThat(h.openOrders(a, null, null)).isEmpty();
        assertThat(h.engine.book(BTC).orders(BUY)).isEmpty();
        assertThat(modify(a, O2, BUY, btc("67000.0"), 3)).isEqualTo(NO_SUCH_ORDER);
        assertThat(amendments(a, O2)).hasSize(1);
    }

    @Test
    void onlyTheAccountsOpenOrderInThatBookCanBeModified() {
        h.gtc(a, BUY, btc("65000.0"), 1, "x1");
        h.gtc(a, SELL, btc("66000.0"), 1);
        h.cancel(a, BTC, O2);
        h.gtc(a, SELL, btc("67000.0"), 1);
        h.gtc(b, BUY, btc("67000.0"), 1);
        h.drain();

        assertThat(modify(b, O1, BUY, btc("65000.0"), 2)).as("another account's").isEqualTo(NO_SUCH_ORDER);
        assertThat(modify(a, O2, SELL, btc("66000.0"), 2)).as("canceled").isEqualTo(NO_SUCH_ORDER);
        assertThat(modify(a, O3, SELL, btc("67000.0"), 2)).as("filled").isEqualTo(NO_SUCH_ORDER);
        assertThat(modify(a, O1 + 99, BUY, btc("65000.0"), 2)).as("unknown").isEqualTo(NO_SUCH_ORDER);
        assertThat(h.execute(new Command.ModifyOrder(a, ETH, O1, null, BUY, 300_000, 2))).as("other book").isEqualTo(NO_SUCH_ORDER);
        assertThat(h.execute(new Command.ModifyOrder(a, BTC, -1, "nope", BUY, btc("65000.0"), 2))).isEqualTo(NO_SUCH_ORDER);
        assertThat(h.execute(new Command.ModifyOrder(a, "XRPUSD_PERP", O1, null, BUY, 1, 1))).isEqualTo(new Result.Rejected(Reject.UNKNOWN_SYMBOL));
        assertThat(h.execute(new Command.ModifyOrder(99, BTC, O1, null, BUY, 1, 1))).isEqualTo(new Result.Rejected(Reject.UNKNOWN_ACCOUNT));
        assertThat(h.drain()).isEmpty();
        assertThat(h.order(a, BTC, O1).origQty()).isEqualTo(1);
    }

    @Test
    void byClientOrderIdAndOrderIdWinsWhenBothAreGiven() {
        h.gtc(a, BUY, btc("65000.0"), 1, "x1");
        h.gtc(a, BUY, btc("65000.0"), 1, "x2");
        h.drain();
        h.execute(new Command.ModifyOrder(a, BTC, -1, "x2", BUY, btc("65000.0"), 4));
        h.execute(new Command.ModifyOrder(a, BTC, O1, "x2", BUY, btc("65000.0"), 3));

        assertThat(h.drain()).containsExactly(
                new Amended(O2, 1, 650_000, 4, 650_000, 1),
                new Amended(O1, 2, 650_000, 3, 650_000, 1));
    }

    @Test
    void refusalsLeaveTheOrderUntouched() {
        h.gtc(a, BUY, btc("65000.0"), 2);
        h.gtc(b, BUY, btc("65000.0"), 1);
        h.drain();
        OrderView before = h.order(a, BTC, O1).copy();

        assertThat(modify(a, O1, SELL, btc("65000.0"), 3)).isEqualTo(new Result.Rejected(Reject.MODIFY_SIDE_MISMATCH));
        assertThat(modify(a, O1, BUY, btc("65000.0"), 2)).isEqualTo(new Result.Rejected(Reject.MODIFY_NOTHING_TO_CHANGE));
        assertThat(modify(a, O1, BUY, 9_999, 2)).isEqualTo(new Result.Rejected(Reject.PRICE_LESS_THAN_MIN_PRICE));
        assertThat(modify(a, O1, BUY, 0, 2)).isEqualTo(new Result.Rejected(Reject.PRICE_LESS_THAN_ZERO));
        assertThat(modify(a, O1, BUY, 45_209_581, 2)).isEqualTo(new Result.Rejected(Reject.PRICE_GREATER_THAN_MAX_PRICE));
        assertThat(modify(a, O1, BUY, btc("65000.0"), 0)).isEqualTo(new Result.Rejected(Reject.QTY_LESS_THAN_ZERO));
        assertThat(modify(a, O1, BUY, btc("65000.0"), 1_000_001)).isEqualTo(new Result.Rejected(Reject.QTY_GREATER_THAN_MAX_QTY));

        assertThat(h.drain()).isEmpty();
        assertThat(h.order(a, BTC, O1)).isEqualTo(before);
        assertThat(h.engine.book(BTC).orders(BUY)).extracting(Order::orderId).containsExactly(O1, O2);
        assertThat(amendments(a, O1)).isEmpty();
    }

    @Test
    void theFilterRulesOfANewOrderApply() {
        EngineHarness coarse = new EngineHarness(TestInstruments.btcWithPriceFilter(10_000, 45_209_580, 5));
        long alice = coarse.openAccount("alice");
        coarse.gtc(alice, BUY, 650_000, 1);
        assertThat(coarse.execute(new Command.ModifyOrder(alice, BTC, O1, null, BUY, 650_003, 1)))
                .isEqualTo(new Result.Rejected(Reject.PRICE_NOT_MULTIPLE_OF_TICK));
        EngineHarness lots = new EngineHarness(TestInstruments.btcWithLots(2, 100, 2, 1, 100, 1));
        long bob = lots.openAccount("bob");
        lots.gtc(bob, BUY, 650_000, 2);
        assertThat(lots.execute(new Command.ModifyOrder(bob, BTC, O1, null, BUY, 650_000, 1)))
                .isEqualTo(new Result.Rejected(Reject.QTY_LESS_THAN_MIN_QTY));
        assertThat(lots.execute(new Command.ModifyOrder(bob, BTC, O1, null, BUY, 650_000, 5)))
                .isEqualTo(new Result.Rejected(Reject.QTY_NOT_MULTIPLE_OF_STEP));
    }

    @Test
    void aPartlyFilledOrderAmendedToNoMoreThanItExecutedIsCanceled() {
        h.gtc(a, SELL, btc("65000.0"), 5);
        h.gtc(b, BUY, btc("65000.0"), 2);
        h.drain();
        long t = h.now;
        Result result = modify(a, O1, SELL, btc("65100.0"), 2);

        assertThat(h.drain()).containsExactly(
                new Canceled(O1, 3));
        OrderView o = EngineHarness.accepted(result);
        assertThat(o.status()).isEqualTo(CANCELED);
        assertThat(o.executedQty()).isEqualTo(2);
        assertThat(o.origQty()).as("the order is canceled as it was").isEqualTo(5);
        assertThat(o.price()).isEqualTo(650_000);
        assertThat(o.updateTime()).isEqualTo(t);
        assertThat(h.engine.book(BTC).orders(SELL)).isEmpty();
        assertThat(h.openOrders(a, null, null)).isEmpty();
        assertThat(amendments(a, O1)).as("no amendment is recorded").isEmpty();
    }

    @Test
    void aQuantityBelowTheExecutedOneAlsoCancels() {
        h.gtc(a, SELL, btc("65000.0"), 5);
        h.gtc(b, BUY, btc("65000.0"), 3);
        h.drain();
        assertThat(EngineHarness.accepted(modify(a, O1, SELL, btc("65000.0"), 1)).status()).isEqualTo(CANCELED);
        assertThat(h.drain()).containsExactly(
                new Canceled(O1, 2));
    }

    @Test
    void aPartlyFilledOrderMayBeAmendedAboveItsExecutedQuantity() {
        h.gtc(a, SELL, btc("65000.0"), 5);
        h.gtc(b, BUY, btc("65000.0"), 2);
        h.drain();
        OrderView o = EngineHarness.accepted(modify(a, O1, SELL, btc("65000.0"), 3));

        assertThat(h.drain()).containsExactly(
                new Amended(O1, 1, 650_000, 3, 650_000, 5));
        assertThat(o.status()).isEqualTo(PARTIALLY_FILLED);
        assertThat(o.executedQty()).isEqualTo(2);
        assertThat(o.origQty() - o.executedQty()).isEqualTo(1);
    }

    @Test
    void aPostOnlyOrderWhoseNewPriceWouldCrossExpires() {
        h.gtc(b, SELL, btc("66000.0"), 1);
        h.limit(a, BTC, BUY, TimeInForce.GTX, btc("65000.0"), 2);
        h.drain();
        Result result = modify(a, O2, BUY, btc("66000.0"), 2);

        assertThat(h.drain()).containsExactly(
                new Expired(O2, 2));
        OrderView o = EngineHarness.accepted(result);
        assertThat(o.status()).isEqualTo(EXPIRED);
        assertThat(o.price()).isEqualTo(650_000);
        assertThat(h.engine.book(BTC).orders(BUY)).isEmpty();
        assertThat(h.engine.book(BTC).orders(SELL)).extracting(Order::orderId).containsExactly(O1);
        assertThat(h.openOrders(a, null, null)).isEmpty();
    }

    @Test
    void aPostOnlyOrderThatStaysPassiveIsAmended() {
        h.gtc(b, SELL, btc("66000.0"), 1);
        h.limit(a, BTC, BUY, TimeInForce.GTX, btc("65000.0"), 2);
        h.drain();
        OrderView o = EngineHarness.accepted(modify(a, O2, BUY, btc("65999.9"), 2));

        assertThat(h.drain()).containsExactly(
                new Amended(O2, 1, 659_999, 2, 650_000, 2));
        assertThat(o.status()).isEqualTo(NEW);
        assertThat(o.timeInForce()).isEqualTo(TimeInForce.GTX);
    }

    @Test
    void aReduceOnlyOrderCannotBeAmendedBeyondThePosition() {
        h.gtc(a, BUY, btc("65000.0"), 2);
        h.gtc(b, SELL, btc("65000.0"), 2);
        h.execute(new Command.PlaceOrder(a, BTC, SELL, OrderType.LIMIT, TimeInForce.GTC, PositionSide.BOTH, true,
                btc("70000.0"), 1, "ro"));
        h.drain();

        assertThat(modify(a, O3, SELL, btc("70000.0"), 3)).isEqualTo(new Result.Rejected(Reject.REDUCE_ONLY_REJECTED));
        assertThat(h.drain()).isEmpty();
        assertThat(EngineHarness.accepted(modify(a, O3, SELL, btc("70000.0"), 2)).origQty()).isEqualTo(2);
        assertThat(h.drain()).containsExactly(
                new Amended(O3, 1, 700_000, 2, 700_000, 1));
    }

    @Test
    void aReduceOnlyOrderThatTakesAndClosesThePositionExpiresItsRest() {
        h.gtc(a, BUY, btc("65000.0"), 2);
        h.gtc(b, SELL, btc("65000.0"), 2);
        h.execute(new Command.PlaceOrder(a, BTC, SELL, OrderType.LIMIT, TimeInForce.GTC, PositionSide.BOTH, true,
                btc("70000.0"), 1, "ro"));
        h.gtc(b, BUY, btc("64000.0"), 1);
        h.gtc(b, BUY, btc("63000.0"), 5);
        h.drain();
        modify(a, O3, SELL, btc("63000.0"), 2);

        assertThat(h.drain()).containsExactly(
                new Amended(O3, 1, 630_000, 2, 700_000, 1),
                new Traded (O4, 2, true,  640_000, 1, 0),
                new Traded (O3, 2, false, 640_000, 1, 1),
                new Traded (O4 + 1, 3, true,  630_000, 1, 4),
                new Traded (O3, 3, false, 630_000, 1, 0));
        assertThat(h.position(a, BTC)).isZero();
        assertThat(h.order(a, BTC, O3).status()).isEqualTo(FILLED);
    }

    @Test
    void theTenThousandAndFirstAmendmentIsRefused() {
        h.gtc(a, BUY, btc("65000.0"), 1);
        for (int i = 0; i < AmendmentLog.MAX_PER_ORDER; i++) {
            assertThat(modify(a, O1, BUY, btc("65000.0"), 1 + (i + 1) % 2)).isInstanceOf(Result.OrderResult.class);
        }
        h.drain();
        assertThat(modify(a, O1, BUY, btc("65000.0"), 7)).isEqualTo(new Result.Rejected(Reject.MODIFY_LIMIT_REACHED));
        assertThat(h.drain()).isEmpty();
        List<Amendment> newest = amendments(a, O1);
        assertThat(newest).hasSize(100);
        assertThat(newest.get(0).count()).isEqualTo(AmendmentLog.MAX_PER_ORDER);
        assertThat(h.cancel(a, BTC, O1)).as("the order itself is still fine").isInstanceOf(Result.OrderResult.class);
    }

    @Test
    void theHistoryListsAmendmentsNewestFirstWithinTheWindow() {
        h.gtc(a, BUY, btc("65000.0"), 1, "hist");
        h.gtc(b, BUY, btc("60000.0"), 1);
        long t1 = h.now;
        modify(a, O1, BUY, btc("65000.5"), 1);
        modify(b, O2, BUY, btc("60000.5"), 1);
        long t3 = h.now;
        modify(a, O1, BUY, btc("65001.0"), 2);
        long t4 = h.now;
        modify(a, O1, BUY, btc("65001.0"), 3);

        Instrument btc = h.engine.instruments().get(BTC);
        assertThat(amendments(a, O1)).containsExactly(
                new Amendment(4, O1, btc, "hist", t4, 650_010, 650_010, 2, 3, 3),
                new Amendment(3, O1, btc, "hist", t3, 650_005, 650_010, 1, 2, 2),
                new Amendment(1, O1, btc, "hist", t1, 650_000, 650_005, 1, 1, 1));
        assertThat(amendments(b, O2)).extracting(Amendment::amendmentId, Amendment::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, 1));
        assertThat(window(t3, t4, 100)).extracting(Amendment::amendmentId).containsExactly(4L, 3L);
        assertThat(window(t1, t3, 100)).extracting(Amendment::amendmentId).containsExactly(3L, 1L);
        assertThat(window(t1 + 1, t3 - 1, 100)).isEmpty();
        assertThat(window(0, Long.MAX_VALUE, 2)).extracting(Amendment::amendmentId).containsExactly(4L, 3L);
        Result byClientId = h.query(new Query.OrderAmendments(a, BTC, -1, "hist", 0, Long.MAX_VALUE, 1));
        assertThat(((Result.Amendments) byClientId).amendments()).extracting(Amendment::amendmentId).containsExactly(4L);
    }

    List<Amendment> window(long start, long end, int limit) {
        return ((Result.Amendments) h.query(new Query.OrderAmendments(a, BTC, O1, null, start, end, limit))).amendments();
    }

    @Test
    void theHistoryOfAnUnknownOrForeignOrderIsRefusedAndOfAnUnmodifiedOneEmpty() {
        h.gtc(a, BUY, btc("65000.0"), 1);
        assertThat(amendments(a, O1)).isEmpty();
        assertThat(h.query(new Query.OrderAmendments(b, BTC, O1, null, 0, Long.MAX_VALUE, 50))).isEqualTo(NO_SUCH_ORDER);
        assertThat(h.query(new Query.OrderAmendments(a, ETH, O1, null, 0, Long.MAX_VALUE, 50))).isEqualTo(NO_SUCH_ORDER);
        assertThat(h.query(new Query.OrderAmendments(a, BTC, O2, null, 0, Long.MAX_VALUE, 50))).isEqualTo(NO_SUCH_ORDER);
        assertThat(h.query(new Query.OrderAmendments(a, BTC, -1, "nope", 0, Long.MAX_VALUE, 50))).isEqualTo(NO_SUCH_ORDER);
        assertThat(h.query(new Query.OrderAmendments(a, "NOPE", O1, null, 0, Long.MAX_VALUE, 50)))
                .isEqualTo(new Result.Rejected(Reject.UNKNOWN_SYMBOL));
    }

    @Test
    void aClosedOrdersHistoryStaysUntilTheOrderIsForgotten() {
        h.gtc(a, BUY, btc("65000.0"), 1);
        modify(a, O1, BUY, btc("65000.0"), 2);
        h.cancel(a, BTC, O1);
        assertThat(amendments(a, O1)).hasSize(1);
        // unfilled and closed: forgotten after three days, by the next command
        h.now += 3 * EngineHarness.DAY + 1;
        h.gtc(b, BUY, btc("60000.0"), 1);
        assertThat(h.engine.amendmentLog().rows()).isZero();
        assertThat(h.engine.remembers(O1)).isFalse();
    }
}
