package com.papisandbox.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The amendment history is bounded, forgotten with its order, and carried by snapshots exactly. */
class AmendmentLogTest {
    private static final long T0 = 1_790_000_000_000L;
    private final OrderBook book = new OrderBook(TestInstruments.btcPerp(), 0);

    private Order order(long id) {
        return new Order(id, 1, book, "c" + id, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, PositionSide.BOTH, false,
                650_000, 1, T0);
    }

    private static void amend(AmendmentLog log, Order o, long t) {
        long before = o.origQty;
        o.origQty++;
        log.record(o, t, o.price, before);
    }

    @Test
    void theOldestRowsBeyondTheCapAreDroppedButCountsStay() {
        AmendmentLog log = new AmendmentLog(3);
        Order x = order(1);
        Order y = order(2);
        amend(log, x, T0 + 1);
        amend(log, y, T0 + 2);
        amend(log, x, T0 + 3);
        amend(log, y, T0 + 4);

        assertThat(log.rows()).isEqualTo(3);
        assertThat(log.of(x.orderId, 0, Long.MAX_VALUE, 100)).extracting(Amendment::amendmentId).containsExactly(3L);
        assertThat(log.of(y.orderId, 0, Long.MAX_VALUE, 100)).extracting(Amendment::amendmentId).containsExactly(4L, 2L);
        assertThat(log.count(x)).isEqualTo(2);
        amend(log, x, T0 + 5);
        assertThat(log.of(x.orderId, 0, Long.MAX_VALUE, 100)).extracting(Amendment::count).containsExactly(3, 2);
        assertThat(log.of(y.orderId, 0, Long.MAX_VALUE, 100)).extracting(Amendment::amendmentId).containsExactly(4L);
    }

    @Test
    void forgettingAnOrderDropsItsRowsFromTheMiddleOfTheLog() {
        AmendmentLog log = new AmendmentLog(10);
        Order x = order(1);
        Order y = order(2);
        Order z = order(3);
        amend(log, x, T0);
        amend(log, y, T0);
        amend(log, x, T0);
        amend(log, z, T0);
        log.forget(x.orderId, x.amended);
        Order never = order(4);
        log.forget(never.orderId, never.amended); // never amended: nothing to do

        assertThat(log.rows()).isEqualTo(2);
        assertThat(log.of(y.orderId, 0, Long.MAX_VALUE, 100)).extracting(Amendment::amendmentId).containsExactly(2L);
        assertThat(log.of(z.orderId, 0, Long.MAX_VALUE, 100)).extracting(Amendment::amendmentId).containsExactly(4L);
        for (int i = 0; i < 9; i++) amend(log, z, T0);
        assertThat(log.rows()).isEqualTo(10);
        assertThat(log.of(y.orderId, 0, Long.MAX_VALUE, 100)).isEmpty();
    }

    @Test
    void aSnapshotCarriesTheHistoryAndTheCounter() {
        Engine live = new Engine(TestInstruments.all(), null);
        live.execute(new Command.OpenAccount("a", "s", Map.of("BTC", BigDecimal.TEN)), T0);
        live.execute(new Command.PlaceOrder(1, TestInstruments.BTC, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                PositionSide.BOTH, false, 650_000, 1, "k"), T0);
        live.execute(new Command.PlaceOrder(1, TestInstruments.BTC, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                PositionSide.BOTH, false, 640_000, 1, "l"), T0);
        long first = Engine.FIRST_ORDER_ID;
        live.execute(new Command.ModifyOrder(1, TestInstruments.BTC, first, null, Side.BUY, 650_001, 2), T0 + 1);
        live.execute(new Command.ModifyOrder(1, TestInstruments.BTC, first + 1, null, Side.BUY, 650_001, 1), T0 + 2);
        live.execute(new Command.ModifyOrder(1, TestInstruments.BTC, first, null, Side.BUY, 650_001, 3), T0 + 3);

        Engine restored = EngineSnapshot.read(EngineSnapshot.write(live), TestInstruments.all(), null);
        assertThat(EngineSnapshot.stateHash(restored)).isEqualTo(EngineSnapshot.stateHash(live));
        Query history = new Query.OrderAmendments(1, TestInstruments.BTC, first, null, 0, Long.MAX_VALUE, 100);
        assertThat(restored.query(history, T0 + 4)).isEqualTo(live.query(history, T0 + 4));
        // both continue alike: the next amendment id and count, and the queue order after re-queueing
        for (Engine e : List.of(live, restored)) {
            e.execute(new Command.ModifyOrder(1, TestInstruments.BTC, first + 1, null, Side.BUY, 650_001, 4), T0 + 5);
        }
        assertThat(EngineSnapshot.stateHash(restored)).isEqualTo(EngineSnapshot.stateHash(live));
        assertThat(live.book(TestInstruments.BTC).orders(Side.BUY)).extracting(Order::orderId).containsExactly(first, first + 1);
    }

    @Test
    void anOlderSnapshotFormatIsRefusedSoThatRecoveryReplaysTheJournal() {
        // format 6 holds the ledger and the market; a format 3, 4 or 5 snapshot lacks one of them, and the journal is never pruned
        Engine live = new Engine(TestInstruments.all(), null);
        live.execute(new Command.OpenAccount("a", "s", Map.of("BTC", BigDecimal.TEN)), T0);
        byte[] old = EngineSnapshot.write(live);
        java.nio.ByteBuffer.wrap(old).putInt(0, 5);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EngineSnapshot.read(old, TestInstruments.all(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown snapshot format 5");
    }
}
