package com.papisandbox.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Edge cases of the order memory found in review: ids the maps must not confuse with free slots, and the like. */
class OrderMemoryReviewTest {
    private static final long T0 = 1_790_000_000_000L;
    private static final String SYMBOL = "BTCUSD_PERP";

    private static Engine engine(int cap) {
        Engine e = new Engine(TestInstruments.all(), null, cap);
        e.execute(new Command.OpenAccount("a", "s", Map.of("BTC", BigDecimal.TEN)), T0);
        e.execute(new Command.OpenAccount("b", "s", Map.of("BTC", BigDecimal.TEN)), T0);
        return e;
    }

    private static long place(Engine e, long account, Side side, long price, String clientId, long t) {
        Result r = e.execute(new Command.PlaceOrder(account, SYMBOL, side, OrderType.LIMIT, TimeInForce.GTC,
                PositionSide.BOTH, false, price, 1, clientId), t);
        return ((Result.OrderResult) r).order().orderId();
    }

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
