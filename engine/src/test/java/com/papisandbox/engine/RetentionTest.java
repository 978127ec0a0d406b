package com.papisandbox.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Closed orders are remembered for queries within bounds; snapshots carry that history exactly. */
class RetentionTest {
    private static final long T0 = 1_790_000_000_000L;
    private static final long DAY = 24L * 60 * 60 * 1000;
    private static final String SYMBOL = "BTCUSD_PERP";

    private static Engine engine(int cap) {
        Engine e = new Engine(TestInstruments.all(), null, cap);
        e.execute(new Command.OpenAccount("a", "s", Map.of("BTC", BigDecimal.TEN)), T0);
        e.execute(new Command.OpenAccount("b", "s", Map.of("BTC", BigDecimal.TEN)), T0);
        return e;
    }

    private static long place(Engine e, long account, Side side, long price, String clientId, long t) {
        Result r = e.execute(new Command.PlaceOrder(account, "BTCUSD_PERP", side, OrderType.LIMIT, TimeInForce.GTC,
                PositionSide.BOTH, false, price, 1, clientId), t);
        return ((Result.OrderResult) r).order().orderId();
    }

    private static Result query(Engine e, long orderId, long t) {
        return e.query(new Query.OrderLookup(1, "BTCUSD_PERP", orderId, null), t);
    }

    @Test
    void theOldestClosedOrdersBeyondTheCapAreForgotten() {
        Engine e = engine(3);
        long first = 0;
        for (int i = 0; i < 10; i++) {
            long id = place(e, 1, Side.BUY, 600_000 + i, "c" + i, T0 + i);
            if (i == 0) first = id;
            e.execute(new Command.CancelOrder(1, "BTCUSD_PERP", id, null), T0 + i);
        }
        assertThat(e.orderCount()).isEqualTo(3);
        assertThat(query(e, first, T0 + 20)).isEqualTo(new Result.Rejected(Reject.NO_SUCH_ORDER));
        assertThat(query(e, first + 9, T0 + 20)).isInstanceOf(Result.Orders.class);
        assertThat(e.query(new Query.OrderLookup(1, "BTCUSD_PERP", -1, "c0"), T0 + 20))
                .isEqualTo(new Result.Rejected(Reject.NO_SUCH_ORDER));
        assertThat(e.query(new Query.OrderLookup(1, "BTCUSD_PERP", -1, "c9"), T0 + 20)).isInstanceOf(Result.Orders.class);
    }

    @Test
    void aHistoryOverItsCapIsTrimmedInOneBatchBelowIt() {
        Engine e = engine(800); // trims 64 (an eighth of the cap, at most 64) below the cap
        for (int i = 0; i < 800; i++) {
            long id = place(e, 1, Side.BUY, 600_000, "c" + i, T0 + i);
            e.execute(new Command.CancelOrder(1, "BTCUSD_PERP", id, null), T0 + i);
        }
        assertThat(e.orderCount()).isEqualTo(800);
        long id = place(e, 1, Side.BUY, 600_000, "c800", T0 + 800);
        assertThat(e.orderCount()).as("a resting order does not count").isEqualTo(801);
        e.execute(new Command.CancelOrder(1, "BTCUSD_PERP", id, null), T0 + 800);
        assertThat(e.orderCount()).isEqualTo(736);
        assertThat(query(e, Engine.FIRST_ORDER_ID + 64, T0 + 900)).isEqualTo(new Result.Rejected(Reject.NO_SUCH_ORDER));
        assertThat(query(e, Engine.FIRST_ORDER_ID + 65, T0 + 900)).isInstanceOf(Result.Orders.class);
    }

    @Test
    void unfilledClosedOrdersAreDroppedAfterThreeDaysButFilledOnesStay() {
        Engine e = engine(1000);
        long canceled = place(e, 1, Side.BUY, 600_000, "x", T0);
        e.execute(new Command.CancelOrder(1, "BTCUSD_PERP", canceled, null), T0);
        long maker = place(e, 2, Side.SELL, 610_000, "m", T0);
        long taker = place(e, 1, Side.BUY, 610_000, "t", T0);
        assertThat(e.orderCount()).isEqualTo(3);
        // Any later state change past the 3 days lets the engine forget the unfilled one.
        long later = place(e, 1, Side.BUY, 590_000, "y", T0 + 3 * DAY + 1);
        assertThat(e.orderCount()).isEqualTo(3);
        assertThat(query(e, canceled, T0 + 3 * DAY + 2)).isEqualTo(new Result.Rejected(Reject.NO_SUCH_ORDER));
        assertThat(query(e, taker, T0 + 3 * DAY + 2)).isInstanceOf(Result.Orders.class);
        assertThat(e.query(new Query.OrderLookup(2, "BTCUSD_PERP", maker, null), T0 + 3 * DAY + 2)).isInstanceOf(Result.Orders.class);
        assertThat(query(e, later, T0 + 3 * DAY + 2)).isInstanceOf(Result.Orders.class);
    }

    @Test
    void aClientOrderIdChainSurvivesForgettingItsOldestOrder() {
        Engine e = engine(2);
        long a1 = place(e, 1, Side.BUY, 600_000, "same", T0);
        e.execute(new Command.CancelOrder(1, "BTCUSD_PERP", a1, null), T0);
        long a2 = place(e, 1, Side.BUY, 600_001, "same", T0 + 1);
        e.execute(new Command.CancelOrder(1, "BTCUSD_PERP", a2, null), T0 + 1);
        long a3 = place(e, 1, Side.BUY, 600_002, "same", T0 + 2);
        e.execute(new Command.CancelOrder(1, "BTCUSD_PERP", a3, null), T0 + 2);
        Result r = e.query(new Query.OrderLookup(1, "BTCUSD_PERP", -1, "same"), T0 + 3);
        assertThat(((Result.Orders) r).orders().get(0).orderId()).isEqualTo(a3);
        assertThat(query(e, a1, T0 + 3)).isEqualTo(new Result.Rejected(Reject.NO_SUCH_ORDER));
    }

    @Test
    void aRestoredSnapshotForgetsExactlyWhatTheLiveEngineForgets() {
        Engine live = engine(5);
        for (int i = 0; i < 12; i++) {
            long id = place(live, 1 + i % 2, i % 2 == 0 ? Side.BUY : Side.SELL, 600_000 + (i % 3), "o" + i, T0 + i);
            if (i % 3 == 0) live.execute(new Command.CancelOrder(1 + i % 2, "BTCUSD_PERP", id, null), T0 + i);
        }
        Engine restored = EngineSnapshot.read(EngineSnapshot.write(live), TestInstruments.all(), null);
        assertThat(EngineSnapshot.stateHash(restored)).isEqualTo(EngineSnapshot.stateHash(live));
        // The cap is configuration, not state: continue on an engine restored under the same cap.
        Engine restoredWithCap = EngineSnapshot.read(EngineSnapshot.write(live), TestInstruments.all(), null, 5);
        for (int i = 12; i < 30; i++) {
            for (Engine e : List.of(live, restoredWithCap)) {
                long id = place(e, 1 + i % 2, i % 2 == 0 ? Side.BUY : Side.SELL, 600_000 + (i % 4), "o" + i, T0 + i);
                if (i % 2 == 0) e.execute(new Command.CancelOrder(1 + i % 2, "BTCUSD_PERP", id, null), T0 + i);
            }
            assertThat(EngineSnapshot.stateHash(restoredWithCap)).isEqualTo(EngineSnapshot.stateHash(live));
        }
    }

    // Edge cases of the order memory found in review: ids the maps must not confuse with free slots, orders
    // that close in the command that placed them.

    @Test
    void anEmptySlotIsNotOrderIdZero() {
        OrderIdMap map = new OrderIdMap(-1);
        assertThat(map.get(0)).isEqualTo(-1);
        map.put(1024, 5);
        map.remove(1024);
        assertThat(map.get(0)).isEqualTo(-1);
        assertThat(map.get(1024)).isEqualTo(-1);
        map.remove(0);
        assertThat(map.size()).isZero();
    }

    @Test
    void orderIdZeroIsNoOrderEvenWithAClosedOrderInTheFirstRow() {
        Engine e = engine(100);
        long id = place(e, 1, Side.BUY, 600_000, "c0", T0);
        e.execute(new Command.CancelOrder(1, SYMBOL, id, null), T0);
        assertThat(e.query(new Query.OrderLookup(1, SYMBOL, 0, null), T0)).isEqualTo(new Result.Rejected(Reject.NO_SUCH_ORDER));
        assertThat(e.orderCopy(0)).isNull();
        assertThat(e.accountOf(0)).isEqualTo(-1);
        assertThat(e.query(new Query.OrderAmendments(1, SYMBOL, 0, null, 0, Long.MAX_VALUE, 10), T0))
                .isEqualTo(new Result.Rejected(Reject.NO_SUCH_ORDER));
    }

    @Test
    void ordersClosingInTheCommandThatPlacedThemAreRowsAsTheyClosedAndSurviveASnapshot() {
        Engine e = engine(0); // a cap of 0: every closed order is forgotten by the command that closed it
        Engine kept = engine(100);
        for (Engine engine : java.util.List.of(e, kept)) {
            place(engine, 1, Side.SELL, 650_000, "m", T0);
            Result market = engine.execute(new Command.PlaceOrder(2, SYMBOL, Side.BUY, OrderType.MARKET, null, PositionSide.BOTH,
                    false, 0, 1, "t"), T0 + 1);
            Result fok = engine.execute(new Command.PlaceOrder(2, SYMBOL, Side.BUY, OrderType.LIMIT, TimeInForce.FOK, PositionSide.BOTH,
                    false, 650_000, 1, "t"), T0 + 2);
            place(engine, 1, Side.SELL, 650_000, "m", T0 + 3);
            Result again = engine.execute(new Command.PlaceOrder(2, SYMBOL, Side.BUY, OrderType.MARKET, null, PositionSide.BOTH,
                    false, 0, 1, "t"), T0 + 4);
            assertThat(market).isInstanceOf(Result.OrderResult.class);
            assertThat(again).isInstanceOf(Result.OrderResult.class);
            OrderView m = ((Result.OrderResult) market).order();
            OrderView a = ((Result.OrderResult) again).order();
            assertThat(m.status()).isEqualTo(OrderStatus.FILLED);
            Engine restored = EngineSnapshot.read(EngineSnapshot.write(engine), TestInstruments.all(), null, engine == e ? 0 : 100);
            assertThat(EngineSnapshot.stateHash(restored)).isEqualTo(EngineSnapshot.stateHash(engine));
            for (Engine x : java.util.List.of(engine, restored)) {
                Result byId = x.query(new Query.OrderLookup(2, SYMBOL, m.orderId(), null), T0 + 5);
                Result byClientId = x.query(new Query.OrderLookup(2, SYMBOL, -1, "t"), T0 + 5);
                if (engine == e) {
                    assertThat(byId).isEqualTo(new Result.Rejected(Reject.NO_SUCH_ORDER));
                    assertThat(byClientId).isEqualTo(new Result.Rejected(Reject.NO_SUCH_ORDER));
                    assertThat(x.orderCount()).isZero();
                    assertThat(x.account(2).latestByClientId.isEmpty()).isTrue();
                } else {
                    assertThat(byId).isEqualTo(new Result.Orders(java.util.List.of(m.copy())));
                    assertThat(byClientId).isEqualTo(new Result.Orders(java.util.List.of(a.copy())));
                    assertThat(x.orderCount()).isEqualTo(4); // the FOK was refused: no order
                }
            }
            assertThat(fok).isEqualTo(new Result.Rejected(Reject.FOK_WOULD_NOT_FILL));
        }
    }
}
