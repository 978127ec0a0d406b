package com.papisandbox.engine;

import static com.papisandbox.engine.OrderStatus.CANCELED;
import static com.papisandbox.engine.OrderStatus.NEW;
import static com.papisandbox.engine.Side.BUY;
import static com.papisandbox.engine.Side.SELL;
import static com.papisandbox.engine.TestInstruments.BTC;
import static com.papisandbox.engine.TestInstruments.BTC_QUARTER;
import static com.papisandbox.engine.TestInstruments.ETH;
import static com.papisandbox.engine.TestInstruments.btc;
import static com.papisandbox.engine.TestInstruments.eth;
import static org.assertj.core.api.Assertions.assertThat;

import com.papisandbox.engine.Event.Accepted;
import com.papisandbox.engine.Event.Canceled;
import com.papisandbox.engine.Event.Traded;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cancel and cancel-all (spec §6.1, §6.4, §10, §13). */
class CancelTest {
    static final Result UNKNOWN = new Result.Rejected(Reject.UNKNOWN_ORDER_ON_CANCEL);
    static final long O1 = Engine.FIRST_ORDER_ID;
    static final long O2 = O1 + 1;
    static final long O3 = O1 + 2;
    static final long O4 = O1 + 3;

    final EngineHarness h = new EngineHarness();
    long a;
    long b;

    @BeforeEach
    void accounts() {
        a = h.openAccount("alice");
        b = h.openAccount("bob");
    }

    @Test
    void cancelByOrderId() {
        OrderView placed = h.gtc(a, BUY, btc("65000.0"), 3, "mine");
        h.drain();
        long t = h.now;
        Result result = h.cancel(a, BTC, placed.orderId());

        assertThat(h.drain()).containsExactly(
                new Canceled(O1, 3));
        assertThat(result).isInstanceOf(Result.OrderResult.class);
        Result.OrderResult r = (Result.OrderResult) result;
        assertThat(r.changedState()).isTrue();
        assertThat(r.acknowledged()).isEqualTo(r.order());
        OrderView canceled = r.order();
        assertThat(canceled.status()).isEqualTo(CANCELED);
        assertThat(canceled.updateTime()).isEqualTo(t);
        assertThat(canceled.time()).isEqualTo(placed.time());
        assertThat(canceled.executedQty()).isZero();
        assertThat(canceled.clientOrderId()).isEqualTo("mine");
        assertThat(canceled.avgPrice()).isEqualTo(new BigDecimal("0.0"));

        assertThat(h.engine.book(BTC).restingCount()).isZero();
        assertThat(h.engine.book(BTC).bestPrice(BUY)).isEmpty();
        assertThat(h.openOrders(a, null, null)).isEmpty();
        assertThat(h.query(new Query.OpenOrderLookup(a, BTC, O1, null))).isEqualTo(new Result.Rejected(Reject.NO_SUCH_ORDER));
        assertThat(h.order(a, BTC, O1)).isEqualTo(canceled.copy());
    }

    @Test
    void cancelByClientOrderId() {
        h.gtc(a, SELL, btc("65000.0"), 2, "my-order");
        h.gtc(a, SELL, btc("65000.0"), 1, "other");
        h.drain();
        OrderView canceled = EngineHarness.accepted(h.cancelByClientId(a, BTC, "my-order"));

        assertThat(h.drain()).containsExactly(
                new Canceled(O1, 2));
        assertThat(canceled.orderId()).isEqualTo(O1);
        assertThat(canceled.status()).isEqualTo(CANCELED);
        assertThat(h.engine.book(BTC).orders(SELL)).extracting(Order::orderId).containsExactly(O2);
    }

    @Test
    void orderIdIsPreferredWhenBothIdsAreGiven() {
        h.gtc(a, BUY, btc("65000.0"), 1, "x1");
        h.gtc(a, BUY, btc("65000.0"), 1, "x2");
        h.drain();
        OrderView canceled = EngineHarness.accepted(h.execute(new Command.CancelOrder(a, BTC, O1, "x2")));

        assertThat(h.drain()).containsExactly(
                new Canceled(O1, 1));
        assertThat(canceled.orderId()).isEqualTo(O1);
        assertThat(h.order(a, BTC, O2).status()).isEqualTo(NEW);
    }

    @Test
    void anUnknownOrderIdDoesNotFallBackToTheClientOrderId() {
        h.gtc(a, BUY, btc("65000.0"), 1, "x1");
        h.drain();

        assertThat(h.execute(new Command.CancelOrder(a, BTC, O1 + 999, "x1"))).isEqualTo(UNKNOWN);
        assertThat(h.drain()).isEmpty();
        assertThat(h.order(a, BTC, O1).status()).isEqualTo(NEW);
    }

    @Test
    void unknownIdsAreRejected() {
        h.gtc(a, BUY, btc("65000.0"), 1, "x1");
        h.drain();

        assertThat(h.cancel(a, BTC, O1 + 1)).isEqualTo(UNKNOWN);
        assertThat(h.cancel(a, BTC, 0)).isEqualTo(UNKNOWN);
        assertThat(h.cancelByClientId(a, BTC, "nope")).isEqualTo(UNKNOWN);
        assertThat(h.cancelByClientId(a, BTC, null)).isEqualTo(UNKNOWN);
        assertThat(h.drain()).isEmpty();
        assertThat(h.engine.book(BTC).restingCount()).isEqualTo(1);
    }

    @Test
    void aSecondCancelOfTheSameOrderIsRejected() {
        h.gtc(a, BUY, btc("65000.0"), 1, "x1");
        h.cancel(a, BTC, O1);
        h.drain();

        assertThat(h.cancel(a, BTC, O1)).isEqualTo(UNKNOWN);
        assertThat(h.cancelByClientId(a, BTC, "x1")).isEqualTo(UNKNOWN);
        assertThat(h.drain()).isEmpty();
        assertThat(h.order(a, BTC, O1).status()).isEqualTo(CANCELED);
    }

    @Test
    void filledOrdersCannotBeCanceled() {
        h.gtc(a, BUY, btc("65000.0"), 1, "maker");
        h.gtc(b, SELL, btc("65000.0"), 1, "taker");
        h.drain();

        assertThat(h.cancel(a, BTC, O1)).isEqualTo(UNKNOWN);
        assertThat(h.cancelByClientId(a, BTC, "maker")).isEqualTo(UNKNOWN);
        assertThat(h.cancel(b, BTC, O2)).isEqualTo(UNKNOWN);
        assertThat(h.cancelByClientId(b, BTC, "taker")).isEqualTo(UNKNOWN);
        assertThat(h.drain()).isEmpty();
    }

    @Test
    void expiredOrdersCannotBeCanceled() {
        h.limit(a, BTC, BUY, TimeInForce.IOC, btc("65000.0"), 1);
        h.market(a, BTC, SELL, 1);
        h.drain();

        assertThat(h.cancel(a, BTC, O1)).isEqualTo(UNKNOWN);
        assertThat(h.cancel(a, BTC, O2)).isEqualTo(UNKNOWN);
        assertThat(h.drain()).isEmpty();
    }

    @Test
    void anotherAccountsOrderIsUnknown() {
        h.gtc(a, BUY, btc("65000.0"), 1, "alices");
        h.drain();

        assertThat(h.cancel(b, BTC, O1)).isEqualTo(UNKNOWN);
        assertThat(h.cancelByClientId(b, BTC, "alices")).isEqualTo(UNKNOWN);
        assertThat(h.drain()).isEmpty();
        assertThat(h.order(a, BTC, O1).status()).isEqualTo(NEW);
    }

    @Test
    void theWrongSymbolMakesTheOrderUnknown() {
        h.gtc(a, BUY, btc("65000.0"), 1, "x1");
        h.drain();

        assertThat(h.cancel(a, ETH, O1)).isEqualTo(UNKNOWN);
        assertThat(h.cancel(a, BTC_QUARTER, O1)).isEqualTo(UNKNOWN);
        assertThat(h.cancelByClientId(a, ETH, "x1")).isEqualTo(UNKNOWN);
        assertThat(h.cancel(a, "XRPUSD_PERP", O1)).isEqualTo(new Result.Rejected(Reject.UNKNOWN_SYMBOL));
        assertThat(h.cancel(99, BTC, O1)).isEqualTo(new Result.Rejected(Reject.UNKNOWN_ACCOUNT));
        assertThat(h.drain()).isEmpty();
        assertThat(h.order(a, BTC, O1).status()).isEqualTo(NEW);
    }

    @Test
    void cancelAfterAPartialFillKeepsExecutedQtyAndCumBase() {
        h.gtc(a, SELL, btc("65000.0"), 5, "partly");
        h.gtc(b, BUY, btc("65000.0"), 2);
        h.drain();
        OrderView canceled = EngineHarness.accepted(h.cancel(a, BTC, O1));

        assertThat(h.drain()).containsExactly(
                new Canceled(O1, 3));
        assertThat(canceled.status()).isEqualTo(CANCELED);
        assertThat(canceled.executedQty()).isEqualTo(2);
        assertThat(canceled.origQty()).isEqualTo(5);
        // 2 × 100 / 65000.0 = 0.00307692307...
        assertThat(ContractMath.roundedBase(canceled.cumBase())).isEqualTo(new BigDecimal("0.00307692"));
        assertThat(canceled.avgPrice()).isEqualTo(new BigDecimal("65000.0"));
        assertThat(h.position(a, BTC)).isEqualTo(-2);
        assertThat(h.order(a, BTC, O1)).isEqualTo(canceled.copy());
    }

    @Test
    void cancelAllCancelsOnlyThatAccountsOrdersOnThatSymbol() {
        h.gtc(a, BTC, BUY, btc("64000.0"), 1);
        h.gtc(b, BTC, BUY, btc("64000.0"), 1);
        h.gtc(a, ETH, BUY, eth("3000.00"), 1);
        h.gtc(a, BTC, SELL, btc("66000.0"), 2);
        h.gtc(a, BTC_QUARTER, SELL, btc("66000.0"), 2);
        h.drain();
        long t = h.now;
        Result result = h.execute(new Command.CancelAllOrders(a, BTC));

        assertThat(h.drain()).containsExactly(
                new Canceled(O1, 1),
                new Canceled(O4, 2));
        assertThat(result).isInstanceOf(Result.OrdersCanceled.class);
        assertThat(result.changedState()).isTrue();
        List<OrderView> canceled = ((Result.OrdersCanceled) result).canceled();
        assertThat(canceled).extracting(OrderView::orderId).containsExactly(O1, O4);
        assertThat(canceled).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(CANCELED);
            assertThat(o.updateTime()).isEqualTo(t);
        });

        assertThat(h.openOrders(a, null, null)).extracting(OrderView::orderId).containsExactly(O3, O1 + 4);
        assertThat(h.openOrders(b, null, null)).extracting(OrderView::orderId).containsExactly(O2);
        assertThat(h.engine.book(BTC).orders(BUY)).extracting(Order::orderId).containsExactly(O2);
        assertThat(h.engine.book(BTC).orders(SELL)).isEmpty();
    }

    @Test
    void cancelAllKeepsPartialFills() {
        h.gtc(a, SELL, btc("65000.0"), 5);
        h.gtc(b, BUY, btc("65000.0"), 2);
        h.drain();
        Result result = h.execute(new Command.CancelAllOrders(a, BTC));

        assertThat(h.drain()).containsExactly(
                new Canceled(O1, 3));
        OrderView canceled = ((Result.OrdersCanceled) result).canceled().get(0);
        assertThat(canceled.executedQty()).isEqualTo(2);
        assertThat(canceled.avgPrice()).isEqualTo(new BigDecimal("65000.0"));
    }

    @Test
    void cancelAllWithNothingOpenChangesNothing() {
        h.gtc(b, BUY, btc("64000.0"), 1);
        h.drain();
        Result result = h.execute(new Command.CancelAllOrders(a, BTC));

        assertThat(result).isEqualTo(new Result.OrdersCanceled(List.of()));
        assertThat(result.changedState()).isFalse();
        assertThat(h.drain()).isEmpty();
        assertThat(h.execute(new Command.CancelAllOrders(a, "NOPE"))).isEqualTo(new Result.Rejected(Reject.UNKNOWN_SYMBOL));
        assertThat(h.execute(new Command.CancelAllOrders(42, BTC))).isEqualTo(new Result.Rejected(Reject.UNKNOWN_ACCOUNT));
        assertThat(h.engine.book(BTC).restingCount()).isEqualTo(1);
    }

    @Test
    void aCanceledMakerNoLongerTrades() {
        h.gtc(a, SELL, btc("65000.0"), 1);
        h.gtc(a, SELL, btc("65000.0"), 1);
        h.cancel(a, BTC, O1);
        h.drain();
        h.gtc(b, BUY, btc("65000.0"), 1);

        assertThat(h.drain()).containsExactly(
                new Accepted(O3, b, BTC, BUY, 650_000, 1),
                new Traded  (O2, 1, true,      650_000, 1, 0),
                new Traded  (O3, 1, false,     650_000, 1, 0));
    }
}
