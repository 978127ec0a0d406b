package com.papisandbox.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Random trading for property tests: operations drawn by jqwik, turned into engine {@link Command}s against the
 * state built so far (cancels pick among the orders already accepted, of any account). Prices sit in a band of
 * ±{@value #BAND} ticks around a mid price, so orders cross often.
 */
final class TradingScript {
    static final int ACCOUNTS = 3;
    static final int BAND = 5;
    static final long BTC_MID = TestInstruments.btc("65000.0");
    static final long ETH_MID = TestInstruments.eth("3000.00");

    enum Kind { GTC, IOC, FOK, GTX, MARKET }

    sealed interface Op {
    }

    /** {@code cid < 0}: a fresh client order id; else one of a few shared ids, to provoke duplicates. */
    record Place(int account, String symbol, Side side, Kind kind, int offset, long qty, boolean reduceOnly, int cid)
            implements Op {
    }

    /** Cancels the {@code pick}-th accepted order (modulo their number) as {@code account}, which may not own it. */
    record Cancel(int account, int pick, boolean byClientId) implements Op {
    }

    record CancelAll(int account, String symbol) implements Op {
    }

    /** A conditional order in the band on the last trade price; type 0..3 = STOP, STOP_MARKET, TAKE_PROFIT_MARKET, trailing. */
    record Conditional(int account, String symbol, Side side, int type, int offset, long qty, boolean reduceOnly) implements Op {
    }

    /** Cancels the account's open conditional orders on the symbol. */
    record CancelConditionals(int account, String symbol) implements Op {
    }

    /**
     * Modifies the {@code pick}-th accepted order as {@code account} to mid + {@code offset} and {@code qty};
     * {@code otherSide} sends the opposite side (refused), to exercise the checks too.
     */
    record Modify(int account, int pick, int offset, long qty, boolean byClientId, boolean otherSide) implements Op {
    }

    /** Every kind of operation, on BTCUSD_PERP and ETHUSD_PERP, with duplicates and reduce-only orders. */
    static Arbitrary<List<Op>> anyOps(int maxSize) {
        Arbitrary<Op> place = Combinators.combine(
                Arbitraries.integers().between(0, ACCOUNTS - 1),
                Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.just(TestInstruments.BTC)),
                        Tuple.of(1, Arbitraries.just(TestInstruments.ETH))),
                Arbitraries.of(Side.class),
                Arbitraries.frequency(
                        Tuple.of(10, Kind.GTC), Tuple.of(2, Kind.IOC),
                        Tuple.of(2, Kind.FOK), Tuple.of(2, Kind.GTX),
                        Tuple.of(3, Kind.MARKET)),
                Arbitraries.integers().between(-BAND, BAND),
                Arbitraries.longs().between(1, 6),
                Arbitraries.frequency(Tuple.of(9, false), Tuple.of(1, true)),
                Arbitraries.frequency(Tuple.of(6, -1), Tuple.of(1, 0),
                        Tuple.of(1, 1)))
                .as(Place::new);
        return Arbitraries.frequencyOf(
                        Tuple.of(10, place),
                        Tuple.of(3, cancel()),
                        Tuple.of(2, modify()),
                        Tuple.of(2, conditional()),
                        Tuple.of(1, Combinators.combine(
                                        Arbitraries.integers().between(0, ACCOUNTS - 1),
                                        Arbitraries.of(TestInstruments.BTC, TestInstruments.ETH))
                                .as(CancelConditionals::new)),
                        Tuple.of(1, Combinators.combine(
                                        Arbitraries.integers().between(0, ACCOUNTS - 1),
                                        Arbitraries.of(TestInstruments.BTC, TestInstruments.ETH))
                                .as(CancelAll::new)))
                .list().ofMinSize(1).ofMaxSize(maxSize)
                .withSizeDistribution(RandomDistribution.uniform());
    }

    /** Only what the naive reference model covers: BTCUSD_PERP, fresh client ids, no reduce-only, the given kinds. */
    static Arbitrary<List<Op>> modelOps(int maxSize, Kind... kinds) {
        Arbitrary<Op> place = Combinators.combine(
                Arbitraries.integers().between(0, ACCOUNTS - 1),
                Arbitraries.of(Side.class),
                Arbitraries.of(kinds),
                Arbitraries.integers().between(-BAND, BAND),
                Arbitraries.longs().between(1, 6))
                .as((account, side, kind, offset, qty) ->
                        new Place(account, TestInstruments.BTC, side, kind, offset, qty, false, -1));
        return Arbitraries.frequencyOf(
                        Tuple.of(8, place),
                        Tuple.of(3, Combinators.combine(
                                        Arbitraries.integers().between(0, ACCOUNTS - 1),
                                        Arbitraries.integers().between(0, 1000))
                                .as((account, pick) -> new Cancel(account, pick, false))),
                        Tuple.of(1, Arbitraries.integers().between(0, ACCOUNTS - 1)
                                .map(account -> new CancelAll(account, TestInstruments.BTC))))
                .list().ofMinSize(1).ofMaxSize(maxSize)
                .withSizeDistribution(RandomDistribution.uniform());
    }

    private static Arbitrary<Op> cancel() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, ACCOUNTS - 1),
                        Arbitraries.integers().between(0, 1000),
                        Arbitraries.of(false, true))
                .as(Cancel::new);
    }

    private static Arbitrary<Op> conditional() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, ACCOUNTS - 1),
                        Arbitraries.of(TestInstruments.BTC, TestInstruments.ETH),
                        Arbitraries.of(Side.class),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(-BAND, BAND),
                        Arbitraries.longs().between(1, 6),
                        Arbitraries.frequency(Tuple.of(4, false), Tuple.of(1, true)))
                .as(Conditional::new);
    }

    private static Arbitrary<Op> modify() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, ACCOUNTS - 1),
                        Arbitraries.integers().between(0, 1000),
                        Arbitraries.integers().between(-BAND, BAND),
                        Arbitraries.longs().between(1, 6),
                        Arbitraries.of(false, true),
                        Arbitraries.frequency(Tuple.of(9, false), Tuple.of(1, true)))
                .as(Modify::new);
    }

    /** Turns operations into commands, remembering what was accepted. */
    static final class Writer {
        final long[] accounts;
        final List<Long> orderIds = new ArrayList<>();
        final Map<Long, String> symbolOf = new HashMap<>();
        final Map<Long, String> clientIdOf = new HashMap<>();
        final Map<Long, Side> sideOf = new HashMap<>();
        private int fresh;

        Writer(long[] accounts) {
            this.accounts = accounts;
        }

        Command command(Op op) {
            if (op instanceof Place p) {
                long mid = p.symbol().equals(TestInstruments.BTC) ? BTC_MID : ETH_MID;
                boolean market = p.kind() == Kind.MARKET;
                String cid = p.cid() < 0 ? "f" + (++fresh) : "shared-" + p.cid();
                return new Command.PlaceOrder(accounts[p.account()], p.symbol(), p.side(),
                        market ? OrderType.MARKET : OrderType.LIMIT,
                        market ? null : TimeInForce.valueOf(p.kind().name()),
                        PositionSide.BOTH, p.reduceOnly(), market ? 0 : mid + p.offset(), p.qty(), cid);
            }
            if (op instanceof Cancel c) {
                long account = accounts[c.account()];
                if (orderIds.isEmpty()) {
                    return new Command.CancelOrder(account, TestInstruments.BTC, Engine.FIRST_ORDER_ID + c.pick(), null);
                }
                long id = orderIds.get(c.pick() % orderIds.size());
                return c.byClientId()
                        ? new Command.CancelOrder(account, symbolOf.get(id), -1, clientIdOf.get(id))
                        : new Command.CancelOrder(account, symbolOf.get(id), id, null);
            }
            if (op instanceof Modify m) {
                long account = accounts[m.account()];
                if (orderIds.isEmpty()) {
                    return new Command.ModifyOrder(account, TestInstruments.BTC, Engine.FIRST_ORDER_ID + m.pick(), null,
                            Side.BUY, BTC_MID + m.offset(), m.qty());
                }
                long id = orderIds.get(m.pick() % orderIds.size());
                String symbol = symbolOf.get(id);
                long mid = symbol.equals(TestInstruments.BTC) ? BTC_MID : ETH_MID;
                Side side = m.otherSide() ? sideOf.get(id).opposite() : sideOf.get(id);
                return m.byClientId()
                        ? new Command.ModifyOrder(account, symbol, -1, clientIdOf.get(id), side, mid + m.offset(), m.qty())
                        : new Command.ModifyOrder(account, symbol, id, null, side, mid + m.offset(), m.qty());
            }
            if (op instanceof Conditional c) {
                long mid = c.symbol().equals(TestInstruments.BTC) ? BTC_MID : ETH_MID;
                StrategyType type = List.of(StrategyType.STOP, StrategyType.STOP_MARKET, StrategyType.TAKE_PROFIT_MARKET,
                        StrategyType.TRAILING_STOP_MARKET).get(c.type());
                boolean trailing = type.trailing();
                // the others trigger often in the band; a trailing stop (0.1 % = 65 USD) only activates and follows
                return new Command.PlaceStrategy(accounts[c.account()], c.symbol(), c.side(), PositionSide.BOTH, type, TimeInForce.GTC,
                        c.qty(), c.reduceOnly(), c.reduceOnly(), type == StrategyType.STOP ? mid + c.offset() : 0,
                        WorkingType.CONTRACT_PRICE, false, "s" + (++fresh), trailing ? 0 : mid + c.offset(), 0, trailing ? 1 : 0);
            }
            if (op instanceof CancelConditionals c) return new Command.CancelAllStrategies(accounts[c.account()], c.symbol());
            CancelAll all = (CancelAll) op;
            return new Command.CancelAllOrders(accounts[all.account()], all.symbol());
        }

        void accepted(Result result) {
            if (result instanceof Result.OrderResult r && r.acknowledged().status() == OrderStatus.NEW
                    && !orderIds.contains(r.order().orderId())) {
                OrderView o = r.order();
                orderIds.add(o.orderId());
                symbolOf.put(o.orderId(), o.instrument().symbol());
                clientIdOf.put(o.orderId(), o.clientOrderId());
                sideOf.put(o.orderId(), o.side());
            }
        }
    }

    /** One run of operations through a fresh engine, with everything it produced. */
    record Run(EngineHarness harness, List<Command> commands, List<Long> timestamps, List<Result> results,
               List<List<Event>> events) {
    }

    static EngineHarness freshEngine() {
        EngineHarness h = new EngineHarness();
        for (int i = 0; i < ACCOUNTS; i++) {
            h.openAccount("trader-" + i);
        }
        h.drain();
        return h;
    }

    static long[] accountIds(EngineHarness h) {
        return h.engine.accounts().stream().mapToLong(Account::accountId).toArray();
    }

    /** Called after each command with what it did. */
    interface Step {
        void after(Command command, Result result, List<Event> events, EngineHarness harness);
    }

    static Run run(List<Op> ops) {
        return run(ops, (command, result, events, harness) -> { });
    }

    /** Runs {@code ops} through a fresh engine, calling {@code afterEach} after every command. */
    static Run run(List<Op> ops, Step afterEach) {
        EngineHarness h = freshEngine();
        Writer writer = new Writer(accountIds(h));
        List<Command> commands = new ArrayList<>();
        List<Long> timestamps = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        List<List<Event>> events = new ArrayList<>();
        for (Op op : ops) {
            Command command = writer.command(op);
            commands.add(command);
            timestamps.add(h.now);
            Result result = h.execute(command);
            writer.accepted(result);
            results.add(result);
            List<Event> emitted = h.drainAll();
            events.add(emitted);
            afterEach.after(command, result, emitted, h);
        }
        return new Run(h, commands, timestamps, results, events);
    }
}
