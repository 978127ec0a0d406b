package com.papisandbox.engine;

import static com.papisandbox.engine.TestInstruments.BTC;
import static com.papisandbox.engine.TestInstruments.ETH;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * With the house market quoting, the engine is still a pure function of its commands and their
 * timestamps: the same session gives the same state hash, replaying the journaled commands reproduces
 * every market fill, and a snapshot taken midway continues to the same state.
 */
class MarketDeterminismTest {
    private static final long T0 = EngineHarness.T0;

    record Session(List<Command> commands, List<Long> timestamps) {
    }

    /** A random walk of requotes on two books, interleaved with user orders around the price. */
    static Session session(long seed, int steps) {
        Random random = new Random(seed);
        List<Command> commands = new ArrayList<>();
        List<Long> timestamps = new ArrayList<>();
        long t = T0;
        commands.add(new Command.OpenAccount("house", "h", Map.of("BTC", new BigDecimal("1000000000"))));
        for (int u = 0; u < 3; u++) commands.add(new Command.OpenAccount("user" + u, "s", Map.of("BTC", BigDecimal.TEN)));
        commands.add(new Command.ConfigureHouse(1, 20, 50, 100));
        for (int i = 0; i < commands.size(); i++) timestamps.add(t++);
        long btc = 650_000;
        long eth = 300_000;
        for (int i = 0; i < steps; i++) {
            t += random.nextInt(400);
            int kind = random.nextInt(5);
            if (kind <= 1) {
                btc += (long) (random.nextGaussian() * 60);
                eth += (long) (random.nextGaussian() * 30);
                commands.add(new Command.Requote(BTC, btc));
                timestamps.add(t);
                commands.add(new Command.Requote(ETH, eth));
            } else {
                long account = 2 + random.nextInt(3);
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                if (kind == 2) {
                    commands.add(new Command.PlaceOrder(account, BTC, side, OrderType.MARKET, null, PositionSide.BOTH, false,
                            0, 1 + random.nextInt(80), "m" + i));
                } else if (kind == 3) {
                    long price = btc + random.nextInt(400) - 200;
                    commands.add(new Command.PlaceOrder(account, BTC, side, OrderType.LIMIT, TimeInForce.GTC, PositionSide.BOTH,
                            false, price, 1 + random.nextInt(30), "l" + i));
                } else {
                    commands.add(new Command.CancelAllOrders(account, BTC));
                }
            }
            timestamps.add(t);
        }
        return new Session(commands, timestamps);
    }

    static Engine run(Session s, int from, int to, Engine engine) {
        for (int i = from; i < to; i++) engine.execute(s.commands().get(i), s.timestamps().get(i));
        return engine;
    }

    static Engine fresh() {
        return new Engine(TestInstruments.all(), null);
    }

    @Test
    void theSameSessionGivesTheSameStateAndTheMarketFillsAreReproduced() {
        Session s = session(42, 3000);
        Engine first = run(s, 0, s.commands().size(), fresh());
        Engine second = run(session(42, 3000), 0, s.commands().size(), fresh());
        assertThat(EngineSnapshot.stateHash(second)).isEqualTo(EngineSnapshot.stateHash(first));
        List<MarketView.Trade> trades = ((Result.Trades) first.query(new Query.RecentTrades(BTC, 1000), 0)).trades();
        assertThat(trades).hasSizeGreaterThan(100);
        assertThat(((Result.Trades) second.query(new Query.RecentTrades(BTC, 1000), 0)).trades()).isEqualTo(trades);
        assertThat(first.account("house").positions().get(BTC)).isNotZero();
        Session other = session(43, 3000);
        assertThat(EngineSnapshot.stateHash(run(other, 0, other.commands().size(), fresh())))
                .isNotEqualTo(EngineSnapshot.stateHash(first));
    }

    /** The journal keeps only the commands that changed state; replaying exactly those gives the same state. */
    @Test
    void replayingTheJournaledCommandsReproducesEveryFill() {
        Session s = session(7, 3000);
        Engine live = fresh();
        List<Integer> journaled = new ArrayList<>();
        for (int i = 0; i < s.commands().size(); i++) {
            if (live.execute(s.commands().get(i), s.timestamps().get(i)).changedState()) journaled.add(i);
        }
        Engine replay = fresh();
        for (int i : journaled) replay.execute(s.commands().get(i), s.timestamps().get(i));
        assertThat(EngineSnapshot.stateHash(replay)).isEqualTo(EngineSnapshot.stateHash(live));
        Query klines = new Query.Klines(BTC, KlineInterval.M1, -1, -1, 1500);
        long end = s.timestamps().get(s.timestamps().size() - 1);
        assertThat(replay.query(klines, end)).isEqualTo(live.query(klines, end));
        assertThat(replay.query(new Query.AggTrades(BTC, -1, -1, -1, 1000), end))
                .isEqualTo(live.query(new Query.AggTrades(BTC, -1, -1, -1, 1000), end));
    }

    @Test
    void aSnapshotTakenMidwayContinuesToTheSameState() {
        Session s = session(99, 3000);
        int half = s.commands().size() / 2;
        Engine straight = run(s, 0, s.commands().size(), fresh());
        Engine before = run(s, 0, half, fresh());
        byte[] snapshot = EngineSnapshot.write(before);
        Engine restored = EngineSnapshot.read(snapshot, TestInstruments.all(), null);
        assertThat(EngineSnapshot.stateHash(restored)).isEqualTo(EngineSnapshot.stateHash(before));
        assertThat(restored.referencePrice(BTC)).isEqualTo(before.referencePrice(BTC));
        assertThat(restored.book(BTC).updateId()).isEqualTo(before.book(BTC).updateId());
        run(s, half, s.commands().size(), restored);
        assertThat(EngineSnapshot.stateHash(restored)).isEqualTo(EngineSnapshot.stateHash(straight));
    }
}
