package com.papisandbox.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.papisandbox.engine.TradingScript.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The ledger over random trading of several accounts with mark-price moves, funding rate changes and time
 * jumps across funding times (and, with the test quarterly's date far away, no delivery): coin is conserved by
 * every command, and snapshots and replay reproduce the whole ledger.
 */
class LedgerPropertiesTest {
    static final long HOUR = 60L * 60 * 1000;

    @Provide
    Arbitrary<List<Op>> ops() {
        return TradingScript.anyOps(150);
    }

    /** A recorded session: every command with its timestamp, and the engine it left. */
    record Session(EngineHarness harness, List<Command> commands, List<Long> timestamps) {
    }

    static Session session(List<Op> ops, long seed, Runnable afterEach, EngineHarness[] current) {
        EngineHarness h = TradingScript.freshEngine();
        current[0] = h;
        TradingScript.Writer writer = new TradingScript.Writer(TradingScript.accountIds(h));
        Random random = new Random(seed);
        List<Command> commands = new ArrayList<>();
        List<Long> timestamps = new ArrayList<>();
        for (Op op : ops) {
            List<Command> batch = new ArrayList<>();
            batch.add(writer.command(op));
            int roll = random.nextInt(10);
            if (roll == 0) {
                boolean btc = random.nextBoolean();
                long mid = btc ? TradingScript.BTC_MID : TradingScript.ETH_MID;
                Instrument in = h.engine.instruments().get(btc ? TestInstruments.BTC : TestInstruments.ETH);
                // within ±3 % of the trading band, so PERCENT_PRICE still lets orders in
                long mark = in.priceE8(mid) / 1000 * (1000 + random.nextInt(61) - 30);
                batch.add(new Command.SetPrices(in.symbol(), mark, mark));
            } else if (roll == 1) {
                batch.add(new Command.SetFundingRate(TestInstruments.BTC, random.nextInt(20_001) - 10_000));
            } else if (roll == 2) {
                h.now += 1 + random.nextInt(9) * HOUR;
                batch.add(new Command.Tick());
            }
            for (Command command : batch) {
                commands.add(command);
                timestamps.add(h.now);
                writer.accepted(h.execute(command));
                h.drainAll();
                afterEach.run();
            }
        }
        return new Session(h, commands, timestamps);
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void everyCommandConservesCoin(@ForAll("ops") List<Op> ops, @ForAll long seed) {
        EngineHarness[] h = new EngineHarness[1];
        long[][] initial = new long[1][];
        session(ops, seed, () -> {
            long[] now = h[0].engine.conservedCoin();
            if (initial[0] == null) initial[0] = now;
            assertThat(now).as("Σ wallets + Σ position costs + fee pool + dust, per coin").isEqualTo(initial[0]);
            for (String symbol : h[0].engine.instruments().keySet()) {
                long net = h[0].engine.accounts().stream().mapToLong(a -> a.positions().getOrDefault(symbol, 0L)).sum();
                assertThat(net).as("net position on %s", symbol).isZero();
            }
        }, h);
        // the sessions did trade and pay commission
        assertThat(initial[0]).isNotNull();
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void snapshotsAndReplayReproduceTheLedger(@ForAll("ops") List<Op> ops, @ForAll long seed) {
        Session first = session(ops, seed, () -> { }, new EngineHarness[1]);
        Engine original = first.harness().engine;
        String hash = EngineSnapshot.stateHash(original);

        Engine restored = EngineSnapshot.read(EngineSnapshot.write(original), original.instruments().values(), null);
        assertThat(EngineSnapshot.stateHash(restored)).isEqualTo(hash);
        long now = first.harness().now;
        for (Account account : original.accounts()) {
            for (Query q : accountQueries(account.accountId())) {
                assertThat(EngineHarness.byValue(restored.query(q, now))).as(q.toString())
                        .isEqualTo(EngineHarness.byValue(original.query(q, now)));
            }
        }

        EngineHarness replay = TradingScript.freshEngine();
        for (int i = 0; i < first.commands().size(); i++) {
            replay.engine.execute(first.commands().get(i), first.timestamps().get(i));
        }
        assertThat(EngineSnapshot.stateHash(replay.engine)).isEqualTo(hash);
    }

    @org.junit.jupiter.api.Test
    void aLongSeededSessionTradesPaysFundingAndConservesCoin() {
        EngineHarness[] h = new EngineHarness[1];
        long[][] initial = new long[1][];
        Session s = session(DeterminismTest.seededOps(42L, 3000), 42L, () -> {
            long[] now = h[0].engine.conservedCoin();
            if (initial[0] == null) initial[0] = now;
            assertThat(now).isEqualTo(initial[0]);
        }, h);
        Engine e = s.harness().engine;
        assertThat(e.feePool().get("BTC")).isPositive();
        long fundingRows = e.accounts().stream()
                .mapToLong(a -> ((Result.Incomes) e.query(new Query.Income(a.accountId(), null, IncomeType.FUNDING_FEE, -1, -1, 1000, 0),
                        s.harness().now)).incomes().size())
                .sum();
        assertThat(fundingRows).isPositive();
        assertThat(e.accounts()).anySatisfy(a -> assertThat(a.positions().values()).anySatisfy(p -> assertThat(p).isNotZero()));
    }

    static List<Query> accountQueries(long account) {
        return List.of(
                new Query.CmAccountDetail(account),
                new Query.PositionRisk(account, null, null),
                new Query.Balance(account, null),
                new Query.PortfolioAccount(account),
                new Query.Income(account, null, null, -1, -1, 1000, 0),
                new Query.UserTrades(account, TestInstruments.BTC, null, -1, -1, -1, 0, 1000),
                new Query.AllOrders(account, TestInstruments.BTC, null, 0, -1, -1, 100));
    }
}
