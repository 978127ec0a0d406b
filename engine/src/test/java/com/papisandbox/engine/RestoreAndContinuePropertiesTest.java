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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engine restored from a snapshot (again and again, mid-session) and one that never was, fed the same commands
 * with a tiny closed-order cap, reused client ids, fills, modifies and days passing: after every command they answer
 * every order query alike and hash alike, so the rows, the rings' order, the client-id chains and the amendment
 * histories a snapshot rebuilds are the ones the live engine has.
 */
class RestoreAndContinuePropertiesTest {
    private static final long T0 = 1_790_000_000_000L;
    private static final long DAY = 24L * 60 * 60 * 1000;
    private static final int CAP = 4;
    private static final String[] SYMBOLS = {TestInstruments.BTC, TestInstruments.ETH};
    private static final String[] CLIENT_IDS = {"a", "b", "c"};

    /**
     * kind: 0 rest, 1 take, 2 cancel by id, 3 cancel by client id, 4 modify by client id, 5 a day passes, 6 restore, 7 the
     * house becomes an account or none (its orders are forgotten as they close), 8 the house requotes.
     */
    record Op(int kind, int account, int symbol, int clientId, int pick) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 8), Arbitraries.integers().between(1, 2),
                Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, CLIENT_IDS.length - 1),
                Arbitraries.integers().between(0, 1000)).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(150);
    }

    private static Engine fresh() {
        Engine engine = new Engine(TestInstruments.all(), null, CAP);
        for (String key : List.of("k1", "k2")) {
            engine.execute(new Command.OpenAccount(key, "s", Map.of("BTC", new BigDecimal("100"), "ETH", new BigDecimal("1000"))), T0);
        }
        return engine;
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void aRestoredEngineGoesOnAsTheLiveOne(@ForAll("ops") List<Op> ops) {
        Engine straight = fresh();
        Engine restored = fresh();
        long now = T0;
        for (Op op : ops) {
            now += op.kind() == 5 ? DAY : 1000;
            if (op.kind() == 6) {
                restored = EngineSnapshot.read(EngineSnapshot.write(restored), TestInstruments.all(), null, CAP);
                continue;
            }
            Command c = command(straight, op, now);
            Result a = straight.execute(c, now);
            Result b = restored.execute(c, now);
            assertThat(EngineHarness.byValue(b)).as("%s", c).isEqualTo(EngineHarness.byValue(a));
            compare(straight, restored, now);
        }
    }

    private static Command command(Engine engine, Op op, long now) {
        String symbol = SYMBOLS[op.symbol()];
        String clientId = CLIENT_IDS[op.clientId()];
        long mid = symbol.equals(TestInstruments.BTC) ? 650_000 : 300_000;
        return switch (op.kind()) {
            case 0 -> new Command.PlaceOrder(op.account(), symbol, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, PositionSide.BOTH,
                    false, mid - op.pick() % 3, 1 + op.pick() % 3, clientId);
            case 1 -> new Command.PlaceOrder(op.account(), symbol, Side.SELL, OrderType.LIMIT, TimeInForce.IOC, PositionSide.BOTH,
                    false, mid - 5, 1 + op.pick() % 2, clientId);
            case 2 -> new Command.CancelOrder(op.account(), symbol, Engine.FIRST_ORDER_ID + op.pick() % 60, null);
            case 3 -> new Command.CancelOrder(op.account(), symbol, -1, clientId);
            case 4 -> new Command.ModifyOrder(op.account(), symbol, -1, clientId, Side.BUY, mid - op.pick() % 4, 1 + op.pick() % 4);
            case 7 -> op.pick() % 3 == 0 ? new Command.ConfigureHouse(0, 0, 0, 0)
                    : new Command.ConfigureHouse(op.account(), 2, 1, 1000 + op.pick());
            case 8 -> new Command.Requote(symbol, mid + (op.pick() % 5 - 2) * 600L);
            default -> new Command.Tick();
        };
    }

    private static void compare(Engine straight, Engine restored, long now) {
        assertThat(restored.orderCount()).isEqualTo(straight.orderCount());
        for (long account = 1; account <= 2; account++) {
            for (String symbol : SYMBOLS) {
                List<Query> queries = new ArrayList<>();
                queries.add(new Query.AllOrders(account, symbol, null, -1, -1, -1, 100));
                for (String clientId : CLIENT_IDS) {
                    queries.add(new Query.OrderLookup(account, symbol, -1, clientId));
                    queries.add(new Query.OrderAmendments(account, symbol, -1, clientId, 0, Long.MAX_VALUE, 100));
                }
                for (long id = Engine.FIRST_ORDER_ID; id < Engine.FIRST_ORDER_ID + 60; id++) {
                    queries.add(new Query.OrderLookup(account, symbol, id, null));
                }
                for (Query q : queries) {
                    assertThat(EngineHarness.byValue(restored.query(q, now))).as("%s", q)
                            .isEqualTo(EngineHarness.byValue(straight.query(q, now)));
                }
            }
        }
        assertThat(EngineSnapshot.stateHash(restored)).isEqualTo(EngineSnapshot.stateHash(straight));
        assertThat(restored.amendmentLog().rows()).isEqualTo(straight.amendmentLog().rows());
        // a history lives exactly as long as its order is remembered (forgetting a row or a house order drops it)
        for (Engine engine : List.of(straight, restored)) {
            int amended = 0;
            for (long id = Engine.FIRST_ORDER_ID; id < Engine.FIRST_ORDER_ID + 1000; id++) {
                if (engine.remembers(id) && engine.orderMemory().amended(id)) amended++;
            }
            assertThat(engine.amendmentLog().histories()).as("amendment histories").isEqualTo(amended);
            // and a client id is keyed while an order with it is remembered
            for (long account = 1; account <= 2; account++) {
                java.util.Set<String> clientIds = new java.util.HashSet<>();
                for (long id = Engine.FIRST_ORDER_ID; id < Engine.FIRST_ORDER_ID + 1000; id++) {
                    OrderView o = engine.orderCopy(id);
                    if (o != null && o.accountId() == account) clientIds.add(o.clientOrderId());
                }
                assertThat(engine.account(account).latestByClientId.keySet()).as("client ids of %d", account)
                        .containsExactlyInAnyOrderElementsOf(clientIds);
            }
        }
    }
}
