package com.papisandbox.bench;

import java.util.Arrays;

/** The market-stream subscribers of {@link StreamFanoutBench}, in the bench's JVM or in a child JVM of their own. */
interface Fleet extends AutoCloseable {
    /** Starts a new count: messages and delays from now on. */
    void reset() throws Exception;

    /** What every subscriber got since the last reset. */
    Tally tally() throws Exception;

    @Override
    void close();

    /**
     * Messages per subscriber, the delay percentiles behind E over all of them, and the CPU time the fleet's JVM
     * has used so far (0 in the bench's own JVM, where it cannot be told from the server's).
     * One line of text is how a child fleet reports it.
     */
    record Tally(long[] messages, long p50DelayMs, long p99DelayMs, long cpuNanos) {
        static final Tally NONE = new Tally(new long[0], 0, 0, 0);
        private static final String TAG = "tally";

        Tally withCpu(long nanos) {
            return new Tally(messages, p50DelayMs, p99DelayMs, nanos);
        }

        long min() {
            return Arrays.stream(messages).min().orElse(0);
        }

        long max() {
            return Arrays.stream(messages).max().orElse(0);
        }

        String line() {
            return TAG + " " + p50DelayMs + " " + p99DelayMs + " " + cpuNanos + " "
                    + String.join(",", Arrays.stream(messages).mapToObj(Long::toString).toList());
        }

        static Tally parse(String line) {
            String[] f = line.split(" ", -1);
            if (f.length != 5 || !f[0].equals(TAG)) throw new IllegalStateException("not a tally: " + line);
            long[] messages = f[4].isEmpty() ? new long[0] : Arrays.stream(f[4].split(",")).mapToLong(Long::parseLong).toArray();
            return new Tally(messages, Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]));
        }
    }
}
