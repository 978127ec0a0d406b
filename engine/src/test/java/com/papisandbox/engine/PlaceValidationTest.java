package com.papisandbox.engine;

import java.math.BigDecimal;

import static com.papisandbox.engine.OrderType.LIMIT;
import static com.papisandbox.engine.OrderType.MARKET;
import static com.papisandbox.engine.Side.BUY;
import static com.papisandbox.engine.Side.SELL;
import static com.papisandbox.engine.TestInstruments.BTC;
import static com.papisandbox.engine.TestInstruments.ETH;
import static com.papisandbox.engine.TestInstruments.btc;
import static com.papisandbox.engine.TestInstruments.eth;
import static com.papisandbox.engine.TimeInForce.GTC;
import static org.assertj.core.api.Assertions.assertThat;

import com.papisandbox.engine.Event.Accepted;
import com.papisandbox.engine.Event.Canceled;
import com.papisandbox.engine.Event.Traded;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Filters (spec §11), client order ids, MAX_NUM_ORDERS, reduceOnly and positionSide (spec §6.2). */
class PlaceValidationTest {
    static final long O1 = Engine.FIRST_ORDER_ID;

    static Result rejected(Reject reason) {
        return new Result.Rejected(reason);
    }

    /**
     * A fresh engine with the instrument and one account; the place's result; asserts a reject has no effect.
     * The account is rich and at 1x, so that only the filters can refuse; a MARKET order finds a resting
     * SELL of another account (a MARKET order on an empty book is -2020).
     */
    static Result placeOn(Instrument instrument, OrderType type, long price, long qty) {
        EngineHarness h = new EngineHarness(instrument);
        long a = richAccountAt1x(h, "a", instrument);
        long first = Engine.FIRST_ORDER_ID;
        if (type == MARKET) {
            long m = richAccountAt1x(h, "m", instrument);
            long makerQty = instrument.maxQty() > 0 ? instrument.maxQty() : 1_000;
            assertThat(h.place(m, instrument.symbol(), Side.SELL, LIMIT, GTC, btc("65000.0"), makerQty, "maker"))
                    .isInstanceOf(Result.OrderResult.class);
            first++;
        }
        h.drain();
        Result r = h.place(a, instrument.symbol(), BUY, type, type == LIMIT ? GTC : null, price, qty, "x");
        if (r instanceof Result.Rejected) {
            assertThat(h.drain()).isEmpty();
            assertThat(h.engine.nextOrderId()).isEqualTo(first);
            assertThat(h.engine.book(instrument.symbol()).restingCount()).isEqualTo(type == MARKET ? 1 : 0);
        } else {
            assertThat(r).isInstanceOf(Result.OrderResult.class);
        }
        return r;
    }

    static long richAccountAt1x(EngineHarness h, String key, Instrument instrument) {
        Result r = h.execute(new Command.OpenAccount(key, key + "-secret", java.util.Map.of("BTC", new BigDecimal(100_000), "ETH", new BigDecimal(1_000_000))));
        long id = ((Result.AccountOpened) r).accountId();
        assertThat(h.execute(new Command.SetLeverage(id, instrument.symbol(), 1))).isInstanceOf(Result.LeverageSet.class);
        return id;
    }

    static Result limitOn(Instrument instrument, long price, long qty) {
        return placeOn(instrument, LIMIT, price, qty);
    }

    @Test
    void priceFilterOfBtcusdPerp() {
        Instrument btc = TestInstruments.btcPerp();
        assertThat(limitOn(btc, 0, 1)).isEqualTo(rejected(Reject.PRICE_LESS_THAN_ZERO));
        assertThat(limitOn(btc, -10, 1)).isEqualTo(rejected(Reject.PRICE_LESS_THAN_ZERO));
        assertThat(limitOn(btc, btc("999.9"), 1)).isEqualTo(rejected(Reject.PRICE_LESS_THAN_MIN_PRICE));
        assertThat(limitOn(btc, btc("1000.0"), 1)).isInstanceOf(Result.OrderResult.class);
        assertThat(limitOn(btc, btc("4520958.0"), 1)).isInstanceOf(Result.OrderResult.class);
        assertThat(limitOn(btc, btc("4520958.1"), 1)).isEqualTo(rejected(Reject.PRICE_GREATER_THAN_MAX_PRICE));
        // tick 0.1 is one unit: every unit price is on the tick
        assertThat(limitOn(btc, btc("65000.1"), 1)).isInstanceOf(Result.OrderResult.class);
    }

    @Test
    void priceFilterOfEthusdPerp() {
        Instrument eth = TestInstruments.ethPerp();
        assertThat(limitOn(eth, eth("9.99"), 1)).isEqualTo(rejected(Reject.PRICE_LESS_THAN_MIN_PRICE));
        assertThat(limitOn(eth, eth("10.00"), 1)).isInstanceOf(Result.OrderResult.class);
        assertThat(limitOn(eth, eth("4522.14"), 1)).isInstanceOf(Result.OrderResult.class);
        assertThat(limitOn(eth, eth("100000.01"), 1)).isEqualTo(rejected(Reject.PRICE_GREATER_THAN_MAX_PRICE));
    }

    @Test
    void tickSizeIsCountedFromMinPrice() {
        // tick 0.5 from 1000.0
        Instrument halves = TestInstruments.btcWithPriceFilter(btc("1000.0"), btc("100000.0"), 5);
        assertThat(limitOn(halves, btc("65000.5"), 1)).isInstanceOf(Result.OrderResult.class);
        assertThat(limitOn(halves, btc("65000.1"), 1)).isEqualTo(rejected(Reject.PRICE_NOT_MULTIPLE_OF_TICK));
        assertThat(limitOn(halves, btc("65000.4"), 1)).isEqualTo(rejected(Reject.PRICE_NOT_MULTIPLE_OF_TICK));
        // (price − minPrice) % tickSize == 0: with minPrice 1000.3 the ticks are ….3 and ….8
        Instrument shifted = TestInstruments.btcWithPriceFilter(btc("1000.3"), btc("100000.0"), 5);
        assertThat(limitOn(shifted, btc("65000.8"), 1)).isInstanceOf(Result.OrderResult.class);
        assertThat(limitOn(shifted, btc("65000.5"), 1)).isEqualTo(rejected(Reject.PRICE_NOT_MULTIPLE_OF_TICK));
    }

    @Test
    void aZeroBoundDisablesItsRule() {
        Instrument open = TestInstruments.btcWithPriceFilter(0, 0, 0);
        assertThat(limitOn(open, 1, 1)).isInstanceOf(Result.OrderResult.class);
        assertThat(limitOn(open, Long.MAX_VALUE / 2, 1)).isInstanceOf(Result.OrderResult.class);
        assertThat(limitOn(open, 0, 1)).isEqualTo(rejected(Reject.PRICE_LESS_THAN_ZERO));
    }

    @Test
    void lotSizeOfBtcusdPerp() {
        Instrument btc = TestInstruments.btcPerp();
        long p = btc("65000.0");
        assertThat(limitOn(btc, p, 0)).isEqualTo(rejected(Reject.QTY_LESS_THAN_ZERO));
        assertThat(limitOn(btc, p, -1)).isEqualTo(rejected(Reject.QTY_LESS_THAN_ZERO));
        assertThat(limitOn(btc, p, 1)).isInstanceOf(Result.OrderResult.class);
        assertThat(limitOn(btc, p, 1_000_000)).isInstanceOf(Result.OrderResult.class);
        assertThat(limitOn(btc, p, 1_000_001)).isEqualTo(rejected(Reject.QTY_GREATER_THAN_MAX_QTY));
        // LIMIT uses LOT_SIZE (max 1000000), MARKET uses MARKET_LOT_SIZE (max 60000)
        assertThat(limitOn(btc, p, 60_001)).isInstanceOf(Result.OrderResult.class);
        assertThat(placeOn(btc, MARKET, 0, 60_000)).isInstanceOf(Result.OrderResult.class);
        assertThat(placeOn(btc, MARKET, 0, 60_001)).isEqualTo(rejected(Reject.QTY_GREATER_THAN_MAX_QTY));
        assertThat(placeOn(btc, MARKET, 0, 0)).isEqualTo(rejected(Reject.QTY_LESS_THAN_ZERO));
    }

    @Test
    void minQtyAndStepSize() {
        // LOT_SIZE 10..100 step 5; MARKET_LOT_SIZE 2..50 step 4
        Instrument lots = TestInstruments.btcWithLots(10, 100, 5, 2, 50, 4);
        long p = btc("65000.0");
        assertThat(limitOn(lots, p, 5)).isEqualTo(rejected(Reject.QTY_LESS_THAN_MIN_QTY));
        assertThat(limitOn(lots, p, 10)).isInstanceOf(Result.OrderResult.class);
        assertThat(limitOn(lots, p, 12)).isEqualTo(rejected(Reject.QTY_NOT_MULTIPLE_OF_STEP));
        assertThat(limitOn(lots, p, 15)).isInstanceOf(Result.OrderResult.class);
        assertThat(limitOn(lots, p, 100)).isInstanceOf(Result.OrderResult.class);
        assertThat(limitOn(lots, p, 105)).isEqualTo(rejected(Reject.QTY_GREATER_THAN_MAX_QTY));

        assertThat(placeOn(lots, MARKET, 0, 1)).isEqualTo(rejected(Reject.QTY_LESS_THAN_MIN_QTY));
        assertThat(placeOn(lots, MARKET, 0, 2)).isInstanceOf(Result.OrderResult.class);
        assertThat(placeOn(lots, MARKET, 0, 6)).isInstanceOf(Result.OrderResult.class);
        assertThat(placeOn(lots, MARKET, 0, 5)).isEqualTo(rejected(Reject.QTY_NOT_MULTIPLE_OF_STEP));
        assertThat(placeOn(lots, MARKET, 0, 54)).isEqualTo(rejected(Reject.QTY_GREATER_THAN_MAX_QTY));
    }

    @Test
    void marketOrdersSkipThePriceFilter() {
        Instrument btc = TestInstruments.btcPerp();
        assertThat(placeOn(btc, MARKET, 0, 1)).isInstanceOf(Result.OrderResult.class);
        assertThat(placeOn(btc, MARKET, -5, 1)).isInstanceOf(Result.OrderResult.class);
        assertThat(placeOn(btc, MARKET, btc("1.0"), 1)).isInstanceOf(Result.OrderResult.class);
    }

    @Test
    void priceRulesAreCheckedBeforeQuantityRules() {
        Instrument btc = TestInstruments.btcPerp();
        assertThat(limitOn(btc, 0, 0)).isEqualTo(rejected(Reject.PRICE_LESS_THAN_ZERO));
        assertThat(limitOn(btc, btc("999.9"), 2_000_000)).isEqualTo(rejected(Reject.PRICE_LESS_THAN_MIN_PRICE));
    }

    @Test
    void unknownSymbolAndAccount() {
        EngineHarness h = new EngineHarness();
        long a = h.openAccount("a");
        h.drain();
        assertThat(h.place(a, "XRPUSD_PERP", BUY, LIMIT, GTC, 5000, 1, "x")).isEqualTo(rejected(Reject.UNKNOWN_SYMBOL));
        assertThat(h.place(a + 1, BTC, BUY, LIMIT, GTC, btc("65000.0"), 1, "x")).isEqualTo(rejected(Reject.UNKNOWN_ACCOUNT));
        assertThat(h.drain()).isEmpty();
        assertThat(h.engine.nextOrderId()).isEqualTo(O1);
    }

    @Test
    void openClientOrderIdsAreUniquePerAccountAndReusableOnceClosed() {
        EngineHarness h = new EngineHarness();
        long a = h.openAccount("a");
        long b = h.openAccount("b");
        h.drain();

        h.gtc(a, BUY, btc("60000.0"), 1, "dup");
        assertThat(h.place(a, BTC, BUY, LIMIT, GTC, btc("60000.0"), 1, "dup")).isEqualTo(rejected(Reject.DUPLICATE_CLIENT_ORDER_ID));
        assertThat(h.place(a, BTC, SELL, MARKET, null, 0, 1, "dup")).isEqualTo(rejected(Reject.DUPLICATE_CLIENT_ORDER_ID));
        // another account may use the same id
        h.gtc(b, BUY, btc("50000.0"), 1, "dup");
        // closed by a cancel: reusable
        h.cancel(a, BTC, O1);
        h.gtc(a, BUY, btc("59000.0"), 1, "dup");
        // closed by a fill: reusable
        h.gtc(b, SELL, btc("59000.0"), 1);
        h.gtc(a, BUY, btc("58000.0"), 1, "dup");

        assertThat(h.drain()).containsExactly(
                new Accepted(O1,     a, BTC, BUY,  600_000, 1),
                new Accepted(O1 + 1, b, BTC, BUY,  500_000, 1),
                new Canceled(O1,     1),
                new Accepted(O1 + 2, a, BTC, BUY,  590_000, 1),
                new Accepted(O1 + 3, b, BTC, SELL, 590_000, 1),
                new Traded  (O1 + 2, 1, true,       590_000, 1, 0),
                new Traded  (O1 + 3, 1, false,      590_000, 1, 0),
                new Accepted(O1 + 4, a, BTC, BUY,  580_000, 1));
        assertThat(h.openOrders(a, null, null)).extracting(OrderView::orderId).containsExactly(O1 + 4);
    }

    @Test
    void anOrderThatNeverRestsDoesNotHoldItsClientOrderId() {
        EngineHarness h = new EngineHarness();
        long a = h.openAccount("a");
        h.drain();
        h.limit(a, BTC, BUY, TimeInForce.IOC, btc("65000.0"), 1);
        h.place(a, BTC, BUY, LIMIT, TimeInForce.IOC, btc("65000.0"), 1, "m");
        h.place(a, BTC, BUY, LIMIT, TimeInForce.IOC, btc("65000.0"), 1, "m");
        h.place(a, BTC, BUY, LIMIT, GTC, btc("65000.0"), 1, "m");
        assertThat(h.engine.nextOrderId()).isEqualTo(O1 + 4);
    }

    @Test
    void maxNumOrdersIsPerAccountAndSymbol() {
        EngineHarness h = new EngineHarness();
        long a = h.openAccount("a");
        long b = h.openAccount("b");
        for (int i = 0; i < 200; i++) {
            h.gtc(a, BUY, btc("60000.0") - i, 1);
        }
        h.drain();
        long next = h.engine.nextOrderId();

        assertThat(h.limit(a, BTC, BUY, GTC, btc("50000.0"), 1)).isEqualTo(rejected(Reject.MAX_OPEN_ORDERS));
        assertThat(h.limit(a, BTC, SELL, GTC, btc("70000.0"), 1)).isEqualTo(rejected(Reject.MAX_OPEN_ORDERS));
        assertThat(h.drain()).isEmpty();
        assertThat(h.engine.nextOrderId()).isEqualTo(next);

        // other symbols and other accounts are not limited
        assertThat(h.limit(a, ETH, BUY, GTC, eth("3000.00"), 1)).isInstanceOf(Result.OrderResult.class);
        assertThat(h.limit(b, BTC, BUY, GTC, btc("50000.0"), 1)).isInstanceOf(Result.OrderResult.class);
        // MARKET orders never rest and are not limited
        assertThat(h.market(a, BTC, SELL, 1)).isInstanceOf(Result.OrderResult.class);
        // the market sell filled one of a's bids: 199 open, room for one more
        assertThat(h.openOrders(a, BTC, null)).hasSize(199);
        assertThat(h.limit(a, BTC, BUY, GTC, btc("50000.0"), 1)).isInstanceOf(Result.OrderResult.class);
        assertThat(h.limit(a, BTC, BUY, GTC, btc("50000.0"), 1)).isEqualTo(rejected(Reject.MAX_OPEN_ORDERS));
        // a cancel makes room
        h.cancel(a, BTC, O1 + 1);
        assertThat(h.limit(a, BTC, BUY, GTC, btc("50000.0"), 1)).isInstanceOf(Result.OrderResult.class);
    }

    @Test
    void positionSideLongOrShortIsRejectedInOneWayMode() {
        EngineHarness h = new EngineHarness();
        long a = h.openAccount("a");
        h.drain();
        for (PositionSide ps : List.of(PositionSide.LONG, PositionSide.SHORT)) {
            assertThat(h.execute(new Command.PlaceOrder(a, BTC, BUY, LIMIT, GTC, ps, false, btc("65000.0"), 1, "x")))
                    .isEqualTo(rejected(Reject.POSITION_SIDE_MISMATCH));
            assertThat(h.execute(new Command.PlaceOrder(a, BTC, SELL, MARKET, null, ps, false, 0, 1, "y")))
                    .isEqualTo(rejected(Reject.POSITION_SIDE_MISMATCH));
        }
        assertThat(h.drain()).isEmpty();
        assertThat(h.engine.nextOrderId()).isEqualTo(O1);
    }

    static Command.PlaceOrder reduceOnly(long account, Side side, OrderType type, long price, long qty, String cid) {
        return new Command.PlaceOrder(account, BTC, side, type, type == LIMIT ? GTC : null, PositionSide.BOTH, true,
                price, qty, cid);
    }

    @Test
    void reduceOnlyIsRejectedWithoutAPosition() {
        EngineHarness h = new EngineHarness();
        long a = h.openAccount("a");
        h.drain();
        assertThat(h.execute(reduceOnly(a, BUY, LIMIT, btc("65000.0"), 1, "r1"))).isEqualTo(rejected(Reject.REDUCE_ONLY_REJECTED));
        assertThat(h.execute(reduceOnly(a, SELL, LIMIT, btc("65000.0"), 1, "r2"))).isEqualTo(rejected(Reject.REDUCE_ONLY_REJECTED));
        assertThat(h.execute(reduceOnly(a, SELL, MARKET, 0, 1, "r3"))).isEqualTo(rejected(Reject.REDUCE_ONLY_REJECTED));
        assertThat(h.drain()).isEmpty();
        assertThat(h.engine.nextOrderId()).isEqualTo(O1);
    }

    @Test
    void reduceOnlyIsAcceptedWhenItReducesThePosition() {
        EngineHarness h = new EngineHarness();
        long a = h.openAccount("a");
        long b = h.openAccount("b");
        h.gtc(b, SELL, btc("65000.0"), 3);
        h.gtc(a, BUY, btc("65000.0"), 3);
        assertThat(h.position(a, BTC)).isEqualTo(3);
        assertThat(h.position(b, BTC)).isEqualTo(-3);
        h.drain();

        // a is long 3: a reduce-only BUY would increase it, a SELL of more than 3 would flip it
        assertThat(h.execute(reduceOnly(a, BUY, LIMIT, btc("64000.0"), 1, "r1"))).isEqualTo(rejected(Reject.REDUCE_ONLY_REJECTED));
        assertThat(h.execute(reduceOnly(a, SELL, LIMIT, btc("66000.0"), 4, "r2"))).isEqualTo(rejected(Reject.REDUCE_ONLY_REJECTED));
        OrderView r3 = EngineHarness.accepted(h.execute(reduceOnly(a, SELL, LIMIT, btc("66000.0"), 2, "r3")));
        assertThat(r3.reduceOnly()).isTrue();
        // b is short 3: a reduce-only BUY of 3 closes it, by MARKET against a's resting sell (2) and expires the rest
        OrderView r4 = EngineHarness.accepted(h.execute(reduceOnly(b, BUY, MARKET, 0, 3, "r4")));

        assertThat(h.drain()).containsExactly(
                new Accepted(O1 + 2, a, BTC, SELL, 660_000, 2),
                new Accepted(O1 + 3, b, BTC, BUY,        0, 3),
                new Traded  (O1 + 2, 2, true,       660_000, 2, 0),
                new Traded  (O1 + 3, 2, false,      660_000, 2, 1),
                new Event.Expired(O1 + 3, 1));
        assertThat(r4.executedQty()).isEqualTo(2);
        assertThat(h.position(a, BTC)).isEqualTo(1);
        assertThat(h.position(b, BTC)).isEqualTo(-1);
    }

    @Test
    void aRestingReduceOnlyOrderNeverIncreasesThePosition() {
        EngineHarness h = new EngineHarness();
        long a = h.openAccount("a");
        long b = h.openAccount("b");
        long c = h.openAccount("c");
        h.gtc(b, SELL, btc("65000.0"), 2);
        h.gtc(a, BUY, btc("65000.0"), 2);
        h.execute(reduceOnly(a, SELL, LIMIT, btc("66000.0"), 2, "ro"));
        h.gtc(c, BUY, btc("65000.0"), 2);
        h.gtc(a, SELL, btc("65000.0"), 2);
        assertThat(h.position(a, BTC)).isZero();
        h.gtc(c, BUY, btc("66000.0"), 2);

        assertThat(h.position(a, BTC)).isZero();
    }
}
