package com.papisandbox.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link StreamLatencyBench} run measured, over its measured orders only (the warm-up's are left
 * out). Latencies are signed nanoseconds: an event that came before its REST reply is negative and stays in
 * the distribution; percentiles are nearest-rank over every matched event.
 */
public final class StreamLatencyResult {
    final double rate;
    final double durationSeconds;
    final long lagThresholdMicros;

    long planned;
    /** Places answered 200 with an orderId. */
    long placed;
    /** Cancels answered 200. */
    long cancelled;
    final Map<String, Long> errors = new TreeMap<>();
    /** Orders without a reply when --drain ran out (warm-up included). */
    long unfinished;
    long newMissing;
    long canceledMissing;
    long newEarly;
    long canceledEarly;
    Samples newLatency = Samples.of(List.of());
    Samples canceledLatency = Samples.of(List.of());
    /** Place reply minus planned send time; cancel reply minus its send; NEW arrival minus planned send. */
    final LongList placeReplies = new LongList();
    final LongList cancelReplies = new LongList();
    final LongList newFromPlanned = new LongList();
    long lateOps;
    /** Of those, orders whose wait for the generator overlapped a collection of this JVM. */
    long lateOpsInGc;
    long waitedForConnection;
    long maxQueued;
    /** The collections from the first measured order's planned time to the end of the schedule. */
    final List<GcPauses.Pause> gcPauses = new ArrayList<>();
    String gcCalibration = "";
    java.time.Instant scheduleStart;
    /** Events more than 1 ms before or after their reply whose order overlapped a collection. */
    long newSlowInGc;
    long canceledSlowInGc;
    long duplicateEvents;
    long canceledBeforeNew;
    long otherOrderEvents;
    long otherEvents;
    long foreignEvents;
    final List<String> streamClosures = new ArrayList<>();

    StreamLatencyResult(double rate, double durationSeconds, long lagThresholdMicros) {
        this.rate = rate;
        this.durationSeconds = durationSeconds;
        this.lagThresholdMicros = lagThresholdMicros;
    }

    /** Every measured order was placed and cancelled, and every one of its events arrived. */
    public boolean complete() {
        return errors.isEmpty() && unfinished == 0 && placed == planned && cancelled == planned
                && newMissing == 0 && canceledMissing == 0 && streamClosures.isEmpty();
    }

    public long planned() {
        return planned;
    }

    public long placed() {
        return placed;
    }

    public long cancelled() {
        return cancelled;
    }

    public Map<String, Long> errors() {
        return errors;
    }

    public long newMissing() {
        return newMissing;
    }

    public long canceledMissing() {
        return canceledMissing;
    }

    public long newEarly() {
        return newEarly;
    }

    public long canceledEarly() {
        return canceledEarly;
    }

    /** Matched NEW events: REST reply of the place to the event, signed nanoseconds, sorted. */
    public long[] newLatencyNanos() {
        return newLatency.sorted.clone();
    }

    public long[] canceledLatencyNanos() {
        return canceledLatency.sorted.clone();
    }

    public List<String> streamClosures() {
        return streamClosures;
    }

    String report(double targetP99Millis) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%nmeasured: %d orders planned over %.1f s (%.0f/s), %d placed, %d cancelled; "
                        + "request errors: %s; unanswered: %d%n", planned, durationSeconds, rate, placed, cancelled,
                errors.isEmpty() ? "none" : errors, unfinished));
        sb.append(String.format(Locale.ROOT, "events: NEW %d of %d arrived (%d MISSING), CANCELED %d of %d (%d MISSING)%n",
                newLatency.count(), placed, newMissing, canceledLatency.count(), cancelled, canceledMissing));
        sb.append(String.format(Locale.ROOT, "early (the event arrived before its REST reply; negative latency, kept in the "
                        + "percentiles): NEW %d (%s), CANCELED %d (%s)%n", newEarly, share(newEarly, newLatency.count()),
                canceledEarly, share(canceledEarly, canceledLatency.count())));
        sb.append(String.format(Locale.ROOT, "%n%-36s %7s %8s %8s %8s %8s %8s %8s%n", "latency, ms", "count", "min", "p50",
                "p90", "p99", "p99.9", "max"));
        row(sb, "NEW event - place reply", newLatency.sorted);
        row(sb, "CANCELED event - cancel reply", canceledLatency.sorted);
        row(sb, "place reply - planned send", placeReplies.sorted());
        row(sb, "cancel reply - cancel send", cancelReplies.sorted());
        row(sb, "NEW event - planned send", newFromPlanned.sorted());
        sb.append('\n');
        sb.append("the schedule started at ").append(scheduleStart).append(" (UTC); \"at N s\" counts from there, warm-up included\n");
        sb.append("worst NEW - place reply:         ").append(newLatency.worst()).append('\n');
        sb.append("worst CANCELED - cancel reply:   ").append(canceledLatency.worst()).append('\n');
        sb.append(String.format(Locale.ROOT, "generator: %d of %d orders picked up more than %d µs after their planned time%s, "
                        + "%d of them while or just after a collection of this JVM; %d waited for a free connection (at most %d "
                        + "queued, warm-up included)%n", lateOps, planned, lagThresholdMicros,
                lateOps > planned / 100 ? " (GENERATOR FELL BEHIND)" : "", lateOpsInGc, waitedForConnection, maxQueued));
        sb.append("collections in this JVM during the measured part: ").append(pauseList()).append("; ").append(gcCalibration).append('\n');
        sb.append(String.format(Locale.ROOT, "more than 1 ms after / before the reply: NEW %d / %d, CANCELED %d / %d; of these, "
                        + "orders that overlapped a collection: NEW %d, CANCELED %d%n", above(newLatency.sorted, StreamLatencyBench.SLOW_NANOS),
                below(newLatency.sorted, -StreamLatencyBench.SLOW_NANOS), above(canceledLatency.sorted, StreamLatencyBench.SLOW_NANOS),
                below(canceledLatency.sorted, -StreamLatencyBench.SLOW_NANOS), newSlowInGc, canceledSlowInGc));
        sb.append(String.format(Locale.ROOT, "other: duplicate events %d, CANCELED before its NEW %d, other order events %d, "
                        + "other events %d, events of orders not placed by this run %d%n", duplicateEvents, canceledBeforeNew,
                otherOrderEvents, otherEvents, foreignEvents));
        for (String closure : streamClosures) sb.append("USER STREAM ENDED DURING THE RUN: ").append(closure).append('\n');
        sb.append(verdict("NEW", newLatency, newMissing, targetP99Millis));
        sb.append(verdict("CANCELED", canceledLatency, canceledMissing, targetP99Millis));
        if (!complete()) sb.append("INCOMPLETE RUN: see the errors, missing events and stream closures above\n");
        return sb.toString();
    }

    private String verdict(String what, Samples s, long missing, double targetP99Millis) {
        String head = String.format(Locale.ROOT, "target p99 (%s event - REST reply) <= %s ms: ", what, trim(targetP99Millis));
        if (s.count() == 0) return head + "not measured (no event matched)\n";
        double p99 = percentile(s.sorted, 99) / 1e6;
        if (missing > 0) return head + String.format(Locale.ROOT, "MISSED: %d events never arrived (p99 of those that did: %.3f ms)%n", missing, p99);
        return head + String.format(Locale.ROOT, "%s (p99 %.3f ms)%n", p99 <= targetP99Millis ? "met" : "MISSED", p99);
    }

    private String pauseList() {
        if (gcPauses.isEmpty()) return "none";
        long longest = 0;
        long total = 0;
        for (GcPauses.Pause p : gcPauses) {
            longest = Math.max(longest, p.durationNanos());
            total += p.durationNanos();
        }
        return String.format(Locale.ROOT, "%d, %d ms in total, the longest %d ms (%s)", gcPauses.size(), total / 1_000_000,
                longest / 1_000_000, gcPauses.get(0).collector());
    }

    private static long above(long[] sorted, long limit) {
        long n = 0;
        for (long v : sorted) if (v > limit) n++;
        return n;
    }

    private static long below(long[] sorted, long limit) {
        long n = 0;
        for (long v : sorted) if (v < limit) n++;
        return n;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String share(long part, long whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.2f%%", 100.0 * part / whole);
    }

    private static void row(StringBuilder sb, String label, long[] sorted) {
        if (sorted.length == 0) {
            sb.append(String.format(Locale.ROOT, "%-36s %7d%n", label, 0));
            return;
        }
        sb.append(String.format(Locale.ROOT, "%-36s %7d %8.3f %8.3f %8.3f %8.3f %8.3f %8.3f%n", label, sorted.length,
                sorted[0] / 1e6, percentile(sorted, 50) / 1e6, percentile(sorted, 90) / 1e6, percentile(sorted, 99) / 1e6,
                percentile(sorted, 99.9) / 1e6, sorted[sorted.length - 1] / 1e6));
    }

    /** Nearest rank: the smallest value at least {@code p} percent of the samples are at or below. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Signed latencies, sorted, and the five worst with when their order was planned (s after the start). */
    static final class Samples {
        final long[] sorted;
        final long[][] worst;

        private Samples(long[] sorted, long[][] worst) {
            this.sorted = sorted;
            this.worst = worst;
        }

        /** @param samples pairs {latency ns, planned ns after the schedule's start} */
        static Samples of(List<long[]> samples) {
            long[] sorted = new long[samples.size()];
            for (int i = 0; i < sorted.length; i++) sorted[i] = samples.get(i)[0];
            Arrays.sort(sorted);
            long[][] worst = samples.stream().sorted(Comparator.comparingLong((long[] s) -> s[0]).reversed()).limit(5)
                    .toArray(long[][]::new);
            return new Samples(sorted, worst);
        }

        int count() {
            return sorted.length;
        }

        String worst() {
            if (worst.length == 0) return "-";
            StringBuilder sb = new StringBuilder();
            for (long[] w : worst) {
                if (!sb.isEmpty()) sb.append(", ");
                sb.append(String.format(Locale.ROOT, "%.3f ms at %.2f s", w[0] / 1e6, w[1] / 1e9));
            }
            return sb.toString();
        }
    }

    /** A growable array of longs. */
    static final class LongList {
        private long[] items = new long[1024];
        private int size;

        void add(long v) {
            if (size == items.length) items = Arrays.copyOf(items, size * 2);
            items[size++] = v;
        }

        long[] sorted() {
            long[] copy = Arrays.copyOf(items, size);
            Arrays.sort(copy);
            return copy;
        }
    }
}
