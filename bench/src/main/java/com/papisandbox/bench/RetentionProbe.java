package com.papisandbox.bench;

import java.util.Locale;

/**
 * How much heap the engine keeps per order that is no longer open: places and cancels orders against a
 * 1,000-order book (the book's size does not change) and reports the live heap after a full GC.
 *
 * <pre>java -Xmx8g -cp bench/target/benchmarks.jar com.papisandbox.bench.RetentionProbe [pairs per round, default 1000000]</pre>
 */
public final class RetentionProbe {
    private RetentionProbe() {
    }

    public static void main(String[] args) {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        EngineBenchmark benchmark = new EngineBenchmark();
        EngineBenchmark.Steady state = new EngineBenchmark.Steady();
        state.bookSize = 1000;
        state.build();
        long previous = liveHeap();
        System.out.printf(Locale.ROOT, "book of %d resting orders: live heap %d MB%n",
                state.fixture.restingCount(), previous >> 20);
        for (int round = 1; round <= 4; round++) {
            for (int i = 0; i < perRound; i++) benchmark.placeCancelPair(state);
            long live = liveHeap();
            System.out.printf(Locale.ROOT,
                    "after %,d place+cancel pairs: live heap %d MB (+%.0f bytes per cancelled order), resting %d, orders the engine remembers %,d%n",
                    (long) round * perRound, live >> 20, (live - previous) / (double) perRound,
                    state.fixture.restingCount(), state.fixture.engine.orderCount());
            previous = live;
        }
    }

    private static long liveHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
