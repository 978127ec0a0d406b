package com.papisandbox.bench;

import org.HdrHistogram.Histogram;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What one measured phase (one scenario) of the load generator produced. */
public final class PhaseResult {
    /** Latencies are recorded in microseconds, up to a minute. */
    static final long MAX_MICROS = 60_000_000L;

    final Scenario scenario;
    final LoadOptions.Mode mode;
    final double targetRate;
    final double durationSeconds;
    final int connections;
    /** Operations the schedule planned (open loop) or started (closed loop). */
    long planned;
    long completed;
    long errors;
    final Map<String, Long> errorCounts = new TreeMap<>();
    /** First op's planned time to the last completion. */
    long elapsedNanos;
    /** Latency from the planned send time (open loop) or the actual send time (closed loop), µs. */
    final Histogram latency = new Histogram(MAX_MICROS, 3);
    /** How late the generator itself picked each op up (planned time to the worker seeing it), µs. */
    final Histogram generatorLag = new Histogram(MAX_MICROS, 3);
    /** Ops the generator picked up more than the lag threshold after their planned time. */
    long lateOps;
    /** Ops that had to wait because every connection had a request in flight (the server was slower than the rate). */
    long waitedForConnection;
    int maxQueued;
    /** Ops not answered when the drain time ran out. */
    long unfinished;
    long lagThresholdMicros;

    PhaseResult(Scenario scenario, LoadOptions.Mode mode, double targetRate, double durationSeconds, int connections) {
        this.scenario = scenario;
        this.mode = mode;
        this.targetRate = targetRate;
        this.durationSeconds = durationSeconds;
        this.connections = connections;
    }

    public String scenario() {
        return scenario.label();
    }

    public long completed() {
        return completed;
    }

    public long errors() {
        return errors;
    }

    public long planned() {
        return planned;
    }

    public long unfinished() {
        return unfinished;
    }

    public long lateOps() {
        return lateOps;
    }

    public Map<String, Long> errorCounts() {
        return errorCounts;
    }

    public Histogram latencyMicros() {
        return latency;
    }

    /** Completed operations per second. */
    public double achievedRate() {
        return elapsedNanos <= 0 ? 0 : completed * 1e9 / elapsedNanos;
    }

    /** True if more than 1% of the ops started late because of the generator, not the server. */
    public boolean fellBehind() {
        return mode == LoadOptions.Mode.OPEN && planned > 0 && lateOps * 100 > planned;
    }

    void add(PhaseResult other) {
        planned += other.planned;
        completed += other.completed;
        errors += other.errors;
        other.errorCounts.forEach((k, v) -> errorCounts.merge(k, v, Long::sum));
        latency.add(other.latency);
        generatorLag.add(other.generatorLag);
        lateOps += other.lateOps;
        waitedForConnection += other.waitedForConnection;
        maxQueued = Math.max(maxQueued, other.maxQueued);
        unfinished += other.unfinished;
    }

    String report() {
        StringBuilder sb = new StringBuilder();
        String target = mode == LoadOptions.Mode.OPEN
                ? String.format(Locale.ROOT, "open loop at %.0f ops/s", targetRate)
                : String.format(Locale.ROOT, "closed loop, %d in flight", connections);
        sb.append(String.format(Locale.ROOT, "== %s (%s, %.0f s) ==%n", scenario.label(), target, durationSeconds));
        sb.append(String.format(Locale.ROOT,
                "  ops: %d %s, %d completed, %d errors, %d unfinished; achieved %.0f ops/s = %.0f requests/s%n",
                planned, mode == LoadOptions.Mode.OPEN ? "planned" : "started", completed, errors, unfinished,
                achievedRate(), achievedRate() * scenario.requestsPerOp));
        if (!errorCounts.isEmpty()) sb.append("  errors: ").append(errorCounts).append('\n');
        sb.append(String.format(Locale.ROOT, "  latency (ms, from the %s send time): %s%n",
                mode == LoadOptions.Mode.OPEN ? "PLANNED" : "actual", percentiles(latency)));
        if (mode == LoadOptions.Mode.OPEN) {
            sb.append(String.format(Locale.ROOT,
                    "  generator: pick-up lag p99 %.3f ms, max %.3f ms; %d ops (%.2f%%) picked up > %.3f ms late%n",
                    generatorLag.getValueAtPercentile(99) / 1000.0, generatorLag.getMaxValue() / 1000.0, lateOps,
                    planned == 0 ? 0 : lateOps * 100.0 / planned, lagThresholdMicros / 1000.0));
            sb.append(String.format(Locale.ROOT,
                    "  connections: %d ops (%.2f%%) waited for a free connection (max %d queued)%n",
                    waitedForConnection, planned == 0 ? 0 : waitedForConnection * 100.0 / planned, maxQueued));
            if (fellBehind()) {
                sb.append("  WARNING: the load generator fell behind its own schedule (more than 1% of ops picked up late);\n"
                        + "           latencies include that delay, and the achieved rate may be the generator's limit.\n");
            } else {
                sb.append("  schedule: kept (the generator was never the bottleneck beyond the threshold above)\n");
            }
        }
        return sb.toString();
    }

    static String percentiles(Histogram h) {
        if (h.getTotalCount() == 0) return "no samples";
        return String.format(Locale.ROOT, "p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f  (mean %.3f)",
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0,
                h.getMaxValue() / 1000.0, h.getMean() / 1000.0);
    }
}
