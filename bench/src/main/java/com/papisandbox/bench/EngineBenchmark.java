package com.papisandbox.bench;

import com.papisandbox.engine.Command;
import com.papisandbox.engine.Engine;
import com.papisandbox.engine.OrderType;
import com.papisandbox.engine.PositionSide;
import com.papisandbox.engine.Result;
import com.papisandbox.engine.Side;
import com.papisandbox.engine.TimeInForce;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of {@link Engine#execute} on one thread, as the engine thread calls it, against a book of
 * 1,000 / 100,000 / 1,000,000 resting orders ({@link BookFixture}). The book keeps its size: what a
 * benchmark removes it puts back, and what it adds it removes.
 *
 * <ul>
 *   <li>{@code placeCancelPair}: place a resting order at a random level, then cancel it by orderId
 *       (what the HTTP place+cancel scenario does). One op = one pair; the book stays at exactly N.</li>
 *   <li>{@code churn}: place a new resting order and cancel a random old one (cold memory at 1M).
 *       One op = one place + one cancel.</li>
 *   <li>{@code place}: resting places, in steps of {@value #BATCH}; after each step (not measured) the
 *       step's orders are cancelled, so the book stays within [N, N+{@value #BATCH}].</li>
 *   <li>{@code cancel}: cancels of random resting orders by orderId, in steps of {@value #BATCH};
 *       after each step (not measured) they are placed again, so the book stays within [N-{@value #BATCH}, N].</li>
 *   <li>{@code crossing}: IOC takers of quantity 1 that each fill the best maker, alternating BUY and SELL,
 *       in steps of {@value #BATCH}; after each step (not measured) the filled makers are placed again.</li>
 * </ul>
 *
 * <p>The stepped benchmarks also report {@code engineBytesPerOp}: bytes the thread allocated inside the
 * measured step only (from the JVM's per-thread allocation counter), i.e. the engine's own allocation
 * per command — {@code -prof gc}'s {@code gc.alloc.rate.norm} includes the unmeasured re-place/cancel
 * steps as well. For {@code placeCancelPair} and {@code churn} {@code gc.alloc.rate.norm} is exact but
 * includes the commands the benchmark builds (a {@code CancelOrder} is 40 bytes, a {@code PlaceOrder} 64).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar EngineBenchmark -prof gc} (see docs/benchmarks.md).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
// The server's collector (the launcher's -XX:+UseParallelGC): G1's write barriers cost a pointer-heavy
// engine over half its throughput on big books (docs/benchmarks.md).
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx8g", "-XX:+UseParallelGC"})
public class EngineBenchmark {
    public static final int BATCH = 100;

    /**
     * The pre-filled engine, built once per fork. Each benchmark method takes exactly one state (a
     * subclass), so JMH cannot hand the method and its helpers different instances.
     */
    @State(Scope.Thread)
    public abstract static class BookState {
        @Param({"1000", "100000", "1000000"})
        public int bookSize;

        BookFixture fixture;
        /** Orders placed outside the slots: random side and level, client order ids repeating every 128. */
        final Command.PlaceOrder[] transientRing = new Command.PlaceOrder[4096];
        int transientCursor;
        /** Slots in random order, each visited once per pass over the book. */
        int[] slotOrder;
        int slotCursor;

        @Setup(Level.Trial)
        public void build() {
            fixture = new BookFixture(bookSize, 42);
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < transientRing.length; i++) {
                boolean buy = random.nextBoolean();
                transientRing[i] = new Command.PlaceOrder(fixture.transientAccount, BookFixture.SYMBOL,
                        buy ? Side.BUY : Side.SELL, OrderType.LIMIT, TimeInForce.GTC, PositionSide.BOTH, false,
                        BookFixture.randomPrice(random, buy), 1, BookFixture.TRANSIENT_CLIENT_IDS[i % 128]);
            }
            slotOrder = fixture.shuffledSlots(11);
        }

        @TearDown(Level.Trial)
        public void check() {
            int resting = fixture.restingCount();
            if (resting != bookSize) {
                throw new IllegalStateException("book drifted to " + resting + " orders from " + bookSize);
            }
        }

        Command.PlaceOrder nextTransient() {
            return transientRing[transientCursor++ & (transientRing.length - 1)];
        }

        int nextSlot() {
            int s = slotOrder[slotCursor];
            slotCursor = slotCursor + 1 == slotOrder.length ? 0 : slotCursor + 1;
            return s;
        }
    }

    /** For the benchmarks without per-step helpers. */
    @State(Scope.Thread)
    public static class Steady extends BookState {
    }

    /**
     * Steps of {@value #BATCH} commands. Also counts the bytes this thread allocates inside the measured
     * step only ({@link #start()} is the last thing before the measured method, {@link #stop()} the first
     * after it), reported per operation as {@code engineBytesPerOp}.
     */
    @State(Scope.Thread)
    public abstract static class Stepped extends BookState {
        private static final com.sun.management.ThreadMXBean THREADS =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double bytesPerOp;
        private long allocated;
        private long ops;
        private long start;

        /** JMH sums an EVENTS counter over the measurement iterations; dividing by their number makes the sum a mean. */
        private int iterations = 1;

        @Setup(Level.Iteration)
        public void resetAllocation(BenchmarkParams benchmark, IterationParams iteration) {
            iterations = iteration.getType() == IterationType.MEASUREMENT ? benchmark.getMeasurement().getCount() : 1;
            resetAllocation();
        }

        void resetAllocation() {
            allocated = 0;
            ops = 0;
            bytesPerOp = 0;
        }

        void start() {
            start = THREADS.getCurrentThreadAllocatedBytes();
        }

        void stop() {
            allocated += THREADS.getCurrentThreadAllocatedBytes() - start;
            ops += BATCH;
            bytesPerOp = (double) allocated / ops / iterations;
        }
    }

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class PlaceStep extends Stepped {
        /** Reported by JMH as a secondary result (an {@link AuxCounters} counter). */
        public double engineBytesPerOp() {
            return bytesPerOp;
        }

        final Command.PlaceOrder[] commands = new Command.PlaceOrder[BATCH];
        final Result[] results = new Result[BATCH];

        @Setup(Level.Invocation)
        public void prepare() {
            // 100 consecutive ring entries have distinct client order ids.
            for (int i = 0; i < BATCH; i++) commands[i] = nextTransient();
            start();
        }

        @TearDown(Level.Invocation)
        public void undo() {
            stop();
            for (int i = 0; i < BATCH; i++) {
                long id = BookFixture.orderId(results[i]);
                BookFixture.orderId(fixture.engine.execute(
                        new Command.CancelOrder(fixture.transientAccount, BookFixture.SYMBOL, id, null),
                        fixture.nextTimestamp()));
            }
        }
    }

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CancelStep extends Stepped {
        /** Reported by JMH as a secondary result (an {@link AuxCounters} counter). */
        public double engineBytesPerOp() {
            return bytesPerOp;
        }

        final int[] slots = new int[BATCH];
        final Command.CancelOrder[] commands = new Command.CancelOrder[BATCH];
        final Result[] results = new Result[BATCH];

        @Setup(Level.Invocation)
        public void prepare() {
            for (int i = 0; i < BATCH; i++) {
                slots[i] = nextSlot();
                commands[i] = fixture.cancelCommand(slots[i]);
            }
            start();
        }

        @TearDown(Level.Invocation)
        public void undo() {
            stop();
            for (int i = 0; i < BATCH; i++) {
                BookFixture.orderId(results[i]);
                fixture.place(slots[i]);
            }
        }
    }

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CrossStep extends Stepped {
        /** Reported by JMH as a secondary result (an {@link AuxCounters} counter). */
        public double engineBytesPerOp() {
            return bytesPerOp;
        }

        Command.PlaceOrder buy;
        Command.PlaceOrder sell;

        @Setup(Level.Invocation)
        public void prepare() {
            if (buy == null) {
                long taker = fixture.takerAccount;
                // Priced through the whole book: each fills exactly the best maker (every maker has quantity 1).
                buy = new Command.PlaceOrder(taker, BookFixture.SYMBOL, Side.BUY, OrderType.LIMIT, TimeInForce.IOC,
                        PositionSide.BOTH, false, BookFixture.MID + BookFixture.LEVELS + 100, 1, "taker-buy");
                sell = new Command.PlaceOrder(taker, BookFixture.SYMBOL, Side.SELL, OrderType.LIMIT, TimeInForce.IOC,
                        PositionSide.BOTH, false, BookFixture.MID - BookFixture.LEVELS - 100, 1, "taker-sell");
            }
            fixture.clearFilledMakers();
            start();
        }

        @TearDown(Level.Invocation)
        public void undo() {
            stop();
            int filled = fixture.filledMakerCount();
            if (filled != BATCH) throw new IllegalStateException(filled + " makers filled by " + BATCH + " takers");
            for (int i = 0; i < filled; i++) fixture.place(fixture.slotOf(fixture.filledMaker(i)));
        }
    }

    @Benchmark
    public long placeCancelPair(Steady state) {
        BookFixture f = state.fixture;
        Engine engine = f.engine;
        Command.PlaceOrder place = state.nextTransient();
        long orderId = BookFixture.orderId(engine.execute(place, f.nextTimestamp()));
        Result canceled = engine.execute(new Command.CancelOrder(place.accountId(), BookFixture.SYMBOL, orderId, null),
                f.nextTimestamp());
        return BookFixture.orderId(canceled);
    }

    @Benchmark
    public long churn(Steady state) {
        BookFixture f = state.fixture;
        int s = state.nextSlot();
        Command.CancelOrder cancelOld = f.cancelCommand(s);
        long orderId = f.placed(s, f.engine.execute(f.placeCommand(s), f.nextTimestamp()));
        BookFixture.orderId(f.engine.execute(cancelOld, f.nextTimestamp()));
        return orderId;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Result[] place(PlaceStep step) {
        return executeAll(step.fixture, step.commands, step.results);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Result[] cancel(CancelStep step) {
        return executeAll(step.fixture, step.commands, step.results);
    }

    /** One measured step: the prepared commands, in order, each with the next timestamp. */
    private static Result[] executeAll(BookFixture f, Command[] commands, Result[] results) {
        Engine engine = f.engine;
        for (int i = 0; i < BATCH; i++) results[i] = engine.execute(commands[i], f.nextTimestamp());
        return results;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long crossing(CrossStep step) {
        BookFixture f = step.fixture;
        Engine engine = f.engine;
        long filled = 0;
        for (int i = 0; i < BATCH; i += 2) {
            filled += ((Result.OrderResult) engine.execute(step.buy, f.nextTimestamp())).order().executedQty();
            filled += ((Result.OrderResult) engine.execute(step.sell, f.nextTimestamp())).order().executedQty();
        }
        return filled;
    }
}
