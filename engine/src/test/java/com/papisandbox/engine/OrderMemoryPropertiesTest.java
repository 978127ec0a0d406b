package com.papisandbox.engine;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order memory (open orders as objects, closed ones as rows, client-id chains across both) against a naive
 * model: every order ever placed with the state the engine last reported for it. With a tiny cap, a few reused
 * client ids, fills, cancels by id and by client id and days passing, after every command: the engine remembers
 * exactly the orders the model says a query may still show, or more only within the cap's batch; lookups by id
 * and by client id, allOrders and a snapshot round trip all agree with the model.
 */
class OrderMemoryPropertiesTest {
    private static final long T0 = 1_790_000_000_000L;
    private static final long DAY = 24L * 60 * 60 * 1000;
    private static final int CAP = 6;
    private static final String[] SYMBOLS = {TestInstruments.BTC, TestInstruments.ETH};
    private static final String[] CLIENT_IDS = {"a", "b", "c"};

    /** kind: 0 rest, 1 take (crosses what rests), 2 cancel by id, 3 cancel by client id, 4 a day passes. */
    record Op(int kind, int account, int symbol, int clientId, int pick) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(1, 2),
                Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, CLIENT_IDS.length - 1),
                Arbitraries.integers().between(0, 1000)).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(120);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void lookupsAllOrdersAndSnapshotsAgreeWithTheModel(@ForAll("ops") List<Op> ops) {
        Engine engine = new Engine(TestInstruments.all(), null, CAP);
        engine.execute(new Command.OpenAccount("k1", "s", Map.of("BTC", new BigDecimal("100"), "ETH", new BigDecimal("1000"))), T0);
        engine.execute(new Command.OpenAccount("k2", "s", Map.of("BTC", new BigDecimal("100"), "ETH", new BigDecimal("1000"))), T0);
        Map<Long, OrderView> model = new LinkedHashMap<>();
        long now = T0;
        for (Op op : ops) {
            now += op.kind() == 4 ? DAY : 1;
            Result r = apply(engine, op, model, now);
            record(engine, r, model, now);
            check(engine, model, now);
        }
        Engine restored = EngineSnapshot.read(EngineSnapshot.write(engine), TestInstruments.all(), null, CAP);
        assertThat(EngineSnapshot.stateHash(restored)).isEqualTo(EngineSnapshot.stateHash(engine));
        check(restored, model, now);
    }

    private static Result apply(Engine engine, Op op, Map<Long, OrderView> model, long now) {
        String symbol = SYMBOLS[op.symbol()];
        String clientId = CLIENT_IDS[op.clientId()];
        long mid = symbol.equals(TestInstruments.BTC) ? 650_000 : 300_000;
        switch (op.kind()) {
            case 0, 1 -> {
                // resting bids near the middle; a taker sells through them
                Side side = op.kind() == 0 ? Side.BUY : Side.SELL;
                long price = op.kind() == 0 ? mid - op.pick() % 3 : mid - 5;
                TimeInForce tif = op.kind() == 0 ? TimeInForce.GTC : TimeInForce.IOC;
                return engine.execute(new Command.PlaceOrder(op.account(), symbol, side, OrderType.LIMIT, tif, PositionSide.BOTH,
                        false, price, 1 + op.pick() % 2, clientId), now);
            }
            case 2 -> {
                List<Long> ids = new ArrayList<>(model.keySet());
                long id = ids.isEmpty() ? Engine.FIRST_ORDER_ID : ids.get(op.pick() % ids.size());
                return engine.execute(new Command.CancelOrder(op.account(), symbol, id, null), now);
            }
            case 3 -> {
                return engine.execute(new Command.CancelOrder(op.account(), symbol, -1, clientId), now);
            }
            default -> {
                return engine.execute(new Command.Tick(), now);
            }
        }
    }

    /** The model learns every order's state from the engine's answers (the ones a command touched are refreshed). */
    private static void record(Engine engine, Result r, Map<Long, OrderView> model, long now) {
        if (r instanceof Result.OrderResult o) model.put(o.order().orderId(), o.order().copy());
        // fills change resting orders the answer does not name: refresh the open ones the model holds
        for (Map.Entry<Long, OrderView> e : model.entrySet()) {
            if (!e.getValue().status().isOpen()) continue;
            OrderView now0 = engine.orderCopy(e.getKey());
            assertThat(now0).as("an open order is remembered").isNotNull();
            e.setValue(now0);
        }
    }

    private static void check(Engine engine, Map<Long, OrderView> model, long now) {
        int rememberedClosed = 0;
        for (OrderView o : model.values()) {
            boolean remembered = engine.orderCopy(o.orderId()) != null;
            if (o.status().isOpen()) {
                assertThat(remembered).as("open %s", o.orderId()).isTrue();
                continue;
            }
            if (remembered) rememberedClosed++;
            // a closed order is remembered exactly as it closed, while remembered
            if (remembered) assertThat(engine.orderCopy(o.orderId())).isEqualTo(o.copy());
            // query by id: what is remembered and not past the 3-day rule
            Result byId = engine.query(new Query.OrderLookup(o.accountId(), o.instrument().symbol(), o.orderId(), null), now);
            boolean visible = remembered && !OrderMemory.forgotten(o, now);
            assertThat(byId instanceof Result.Orders).as("query %s (remembered %s)", o.orderId(), remembered).isEqualTo(visible);
        }
        assertThat(rememberedClosed).as("closed orders remembered").isLessThanOrEqualTo(2 * CAP);
        assertThat(engine.orderCount()).isEqualTo(model.values().stream().filter(o -> engine.orderCopy(o.orderId()) != null).count());
        for (long account = 1; account <= 2; account++) {
            for (String symbol : SYMBOLS) {
                List<Long> expected = new ArrayList<>();
                for (OrderView o : model.values()) {
                    if (o.accountId() == account && o.instrument().symbol().equals(symbol) && engine.orderCopy(o.orderId()) != null
                            && !OrderMemory.forgotten(o, now)) {
                        expected.add(o.orderId());
                    }
                }
                expected.sort(Comparator.naturalOrder());
                List<Long> newest = expected.subList(Math.max(0, expected.size() - 100), expected.size());
                Result all = engine.query(new Query.AllOrders(account, symbol, null, -1, -1, -1, 100), now);
                assertThat(((Result.Orders) all).orders()).extracting(OrderView::orderId).as("allOrders %d %s", account, symbol)
                        .containsExactlyElementsOf(newest);
                for (String clientId : CLIENT_IDS) {
                    long newestWithId = -1;
                    for (OrderView o : model.values()) {
                        if (o.accountId() == account && o.instrument().symbol().equals(symbol) && o.clientOrderId().equals(clientId)
                                && engine.orderCopy(o.orderId()) != null) {
                            newestWithId = Math.max(newestWithId, o.orderId());
                        }
                    }
                    Result byClientId = engine.query(new Query.OrderLookup(account, symbol, -1, clientId), now);
                    OrderView newestOrder = newestWithId < 0 ? null : model.get(newestWithId);
                    if (newestOrder == null || OrderMemory.forgotten(newestOrder, now)) {
                        assertThat(byClientId).as("by client id %s", clientId).isEqualTo(new Result.Rejected(Reject.NO_SUCH_ORDER));
                    } else {
                        assertThat(((Result.Orders) byClientId).orders()).extracting(OrderView::orderId).containsExactly(newestWithId);
                    }
                }
            }
        }
    }
}
