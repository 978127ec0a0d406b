package com.papisandbox.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.papisandbox.engine.TradingScript.Kind;
import com.papisandbox.engine.TradingScript.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The engine is a pure function of its commands and their timestamps (DESIGN.md: replay gives the same state). */
class DeterminismTest {

    /** Everything observable about an engine's state, through its public reads and queries. */
    record Snapshot(List<OrderView> orders, Map<String, List<List<Long>>> books, Map<Long, Map<String, Long>> positions,
                    Map<Long, List<OrderView>> openOrders, long nextOrderId) {
    }

    static Snapshot snapshot(Engine engine) {
        Map<String, List<List<Long>>> books = new LinkedHashMap<>();
        for (String symbol : engine.instruments().keySet()) {
            List<List<Long>> rows = new ArrayList<>();
            for (Side side : Side.values()) {
                for (Order o : engine.book(symbol).orders(side)) {
                    rows.add(List.of((long) side.ordinal(), o.orderId(), o.price(), o.remainingQty()));
                }
            }
            books.put(symbol, rows);
        }
        Map<Long, Map<String, Long>> positions = new LinkedHashMap<>();
        Map<Long, List<OrderView>> openOrders = new LinkedHashMap<>();
        for (Account account : engine.accounts()) {
            Map<String, Long> p = new LinkedHashMap<>();
            engine.instruments().keySet().forEach(s -> p.put(s, account.positions().getOrDefault(s, 0L)));
            positions.put(account.accountId(), p);
            Result r = engine.query(new Query.OpenOrders(account.accountId(), null, null), 0);
            openOrders.put(account.accountId(), ((Result.Orders) EngineHarness.byValue(r)).orders());
        }
        return new Snapshot(EngineHarness.allOrders(engine), books, positions, openOrders, engine.nextOrderId());
    }

    /** Replays a run's commands, with their timestamps, into a fresh engine and compares every reply, event and view. */
    static void assertReplayReproduces(TradingScript.Run first) {
        EngineHarness replay = TradingScript.freshEngine();
        List<Result> results = new ArrayList<>();
        List<List<Event>> events = new ArrayList<>();
        for (int i = 0; i < first.commands().size(); i++) {
            results.add(EngineHarness.byValue(replay.engine.execute(first.commands().get(i), first.timestamps().get(i))));
            events.add(replay.drainAll());
        }
        assertThat(results).isEqualTo(first.results().stream().map(EngineHarness::byValue).toList());
        assertThat(events).isEqualTo(first.events());
        assertThat(snapshot(replay.engine)).isEqualTo(snapshot(first.harness().engine));
        assertThat(EngineSnapshot.stateHash(replay.engine)).isEqualTo(EngineSnapshot.stateHash(first.harness().engine));
    }

    /** A long random session from a fixed seed, independent of jqwik. */
    static List<Op> seededOps(long seed, int count) {
        Random random = new Random(seed);
        List<Op> ops = new ArrayList<>();
        Kind[] kinds = Kind.values();
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(16);
            int account = random.nextInt(TradingScript.ACCOUNTS);
            if (roll < 10) {
                ops.add(new TradingScript.Place(account,
                        random.nextInt(5) == 0 ? TestInstruments.ETH : TestInstruments.BTC,
                        random.nextBoolean() ? Side.BUY : Side.SELL,
                        random.nextInt(3) == 0 ? kinds[random.nextInt(kinds.length)] : Kind.GTC,
                        random.nextInt(2 * TradingScript.BAND + 1) - TradingScript.BAND,
                        1 + random.nextInt(6),
                        random.nextInt(10) == 0,
                        random.nextInt(8) == 0 ? random.nextInt(2) : -1));
            } else if (roll < 13) {
                ops.add(new TradingScript.Cancel(account, random.nextInt(1000), random.nextBoolean()));
            } else if (roll < 15) {
                ops.add(new TradingScript.Modify(account, random.nextInt(1000),
                        random.nextInt(2 * TradingScript.BAND + 1) - TradingScript.BAND, 1 + random.nextInt(6),
                        random.nextBoolean(), random.nextInt(10) == 0));
            } else {
                ops.add(new TradingScript.CancelAll(account, random.nextBoolean() ? TestInstruments.BTC : TestInstruments.ETH));
            }
        }
        return ops;
    }

    @Test
    void aLongSessionReplaysIdentically() {
        TradingScript.Run first = TradingScript.run(seededOps(20250615L, 3000));
        // the session did trade, rest, cancel and reject
        List<Event> all = first.events().stream().flatMap(List::stream).toList();
        assertThat(all).hasAtLeastOneElementOfType(Event.Traded.class)
                .hasAtLeastOneElementOfType(Event.Canceled.class)
                .hasAtLeastOneElementOfType(Event.Expired.class)
                .hasAtLeastOneElementOfType(Event.Amended.class);
        assertThat(first.results()).hasAtLeastOneElementOfType(Result.Rejected.class);
        assertThat(first.harness().engine.book(TestInstruments.BTC).restingCount()).isPositive();

        assertReplayReproduces(first);
    }

    @Test
    void replayingOnlyTheCommandsThatChangedStateReproducesTheState() {
        // what a journal keeps: commands whose result changed state, with their timestamps
        TradingScript.Run first = TradingScript.run(seededOps(7L, 2000));
        EngineHarness replay = TradingScript.freshEngine();
        int kept = 0;
        for (int i = 0; i < first.commands().size(); i++) {
            Command command = first.commands().get(i);
            if (first.results().get(i).changedState()) {
                kept++;
                assertThat(EngineHarness.byValue(replay.engine.execute(command, first.timestamps().get(i))))
                        .isEqualTo(EngineHarness.byValue(first.results().get(i)));
                assertThat(replay.drainAll()).isEqualTo(first.events().get(i));
            } else {
                assertThat(first.events().get(i)).as("a command that changed nothing emitted events").isEmpty();
            }
        }
        assertThat(kept).isLessThan(first.commands().size());
        assertThat(snapshot(replay.engine)).isEqualTo(snapshot(first.harness().engine));
    }

    @Test
    void differentTimestampsChangeOnlyTimes() {
        List<Op> ops = seededOps(99L, 500);
        TradingScript.Run first = TradingScript.run(ops);
        EngineHarness later = TradingScript.freshEngine();
        for (int i = 0; i < first.commands().size(); i++) {
            later.engine.execute(first.commands().get(i), first.timestamps().get(i) + 1_000);
        }
        List<OrderView> a = snapshot(first.harness().engine).orders();
        List<OrderView> b = snapshot(later.engine).orders();
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).time()).isEqualTo(a.get(i).time() + 1_000);
            assertThat(b.get(i).updateTime()).isEqualTo(a.get(i).updateTime() + 1_000);
            assertThat(b.get(i)).usingRecursiveComparison().ignoringFields("time", "updateTime").isEqualTo(a.get(i));
        }
    }
}
