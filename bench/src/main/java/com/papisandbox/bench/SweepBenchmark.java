package com.papisandbox.bench;

import com.papisandbox.engine.Command;
import com.papisandbox.engine.Engine;
import com.papisandbox.engine.OrderType;
import com.papisandbox.engine.PositionSide;
import com.papisandbox.engine.Result;
import com.papisandbox.engine.Side;
import com.papisandbox.engine.TimeInForce;
import com.papisandbox.server.InstrumentCatalog;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Crossing fills with both ledgers updated, as the server's engine runs them (no event listener): one
 * operation is one fill. Each measured invocation is one IOC taker of {@value #FILLS} contracts that sweeps
 * {@value #FILLS} makers of 1 contract at one price; the makers are placed (not measured) before it, on
 * alternating sides so that every position stays bounded. The book also holds {@value #DEPTH} resting orders
 * away from the touch. {@code engineBytesPerFill} is what the thread allocated inside the taker's command,
 * per fill: the taker's own order and result spread over its fills, plus whatever each fill allocates.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar SweepBenchmark -prof gc} (see docs/benchmarks.md).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx8g", "-XX:+UseParallelGC"})
public class SweepBenchmark {
    public static final int FILLS = 100;
    public static final int DEPTH = 1_000;
    static final String SYMBOL = BookFixture.SYMBOL;
    static final long PRICE = BookFixture.MID;

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Sweep {
        private static final com.sun.management.ThreadMXBean THREADS =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Engine engine;
        long clock = 1_750_000_000_000L;
        long maker;
        long taker;
        final Command.PlaceOrder[][] makerOrders = new Command.PlaceOrder[2][FILLS];
        final Command.PlaceOrder[] takers = new Command.PlaceOrder[2];
        int round;
        private long allocated;
        private long fills;
        private long start;

        /** JMH sums an EVENTS counter over the measurement iterations; dividing by their number makes the sum a mean. */
        private int iterations = 1;

        /** Reported by JMH as a secondary result. */
        public double engineBytesPerFill() {
            return fills == 0 ? 0 : (double) allocated / fills / iterations;
        }

        @Setup(Level.Trial)
        public void build() {
            engine = new Engine(InstrumentCatalog.bundled().instruments(), null);
            maker = open("sweep-maker");
            taker = open("sweep-taker");
            long[] depth = new long[DEPTH / 100];
            for (int d = 0; d < depth.length; d++) depth[d] = open("sweep-depth-" + d);
            for (int i = 0; i < DEPTH; i++) {
                boolean buy = i % 2 == 0;
                long account = depth[i / 100];
                long price = buy ? PRICE - 1_000 - i : PRICE + 1_000 + i;
                expectOrder(engine.execute(new Command.PlaceOrder(account, SYMBOL, buy ? Side.BUY : Side.SELL, OrderType.LIMIT,
                        TimeInForce.GTC, PositionSide.BOTH, false, price, 1, "depth-" + i), clock++));
            }
            for (int side = 0; side < 2; side++) {
                Side makerSide = side == 0 ? Side.SELL : Side.BUY;
                for (int i = 0; i < FILLS; i++) {
                    makerOrders[side][i] = new Command.PlaceOrder(maker, SYMBOL, makerSide, OrderType.LIMIT, TimeInForce.GTC,
                            PositionSide.BOTH, false, PRICE, 1, "maker-" + side + "-" + i);
                }
                takers[side] = new Command.PlaceOrder(taker, SYMBOL, makerSide.opposite(), OrderType.LIMIT, TimeInForce.IOC,
                        PositionSide.BOTH, false, PRICE, FILLS, "taker-" + side);
            }
        }

        private long open(String key) {
            Result r = engine.execute(new Command.OpenAccount(key, "s", Map.of("BTC", new BigDecimal(1000))), clock++);
            return ((Result.AccountOpened) r).accountId();
        }

        @Setup(Level.Invocation)
        public void placeMakers() {
            Command.PlaceOrder[] orders = makerOrders[round & 1];
            for (Command.PlaceOrder o : orders) expectOrder(engine.execute(o, clock++));
            start = THREADS.getCurrentThreadAllocatedBytes();
        }

        @TearDown(Level.Invocation)
        public void count() {
            allocated += THREADS.getCurrentThreadAllocatedBytes() - start;
            fills += FILLS;
            round++;
            if (engine.book(SYMBOL).restingCount() != DEPTH) throw new IllegalStateException("the sweep left makers behind");
        }

        @Setup(Level.Iteration)
        public void resetAllocation(BenchmarkParams benchmark, IterationParams iteration) {
            iterations = iteration.getType() == IterationType.MEASUREMENT ? benchmark.getMeasurement().getCount() : 1;
            allocated = 0;
            fills = 0;
        }

        static void expectOrder(Result r) {
            if (!(r instanceof Result.OrderResult)) throw new IllegalStateException("engine refused: " + r);
        }
    }

    @Benchmark
    @OperationsPerInvocation(FILLS)
    public long sweep(Sweep s) {
        Result r = s.engine.execute(s.takers[s.round & 1], s.clock++);
        return ((Result.OrderResult) r).order().executedQty();
    }
}
