package com.papisandbox.server.fault;

import com.papisandbox.server.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The faults the admin API armed, and the decision for each request. Unarmed, a request pays one volatile read.
 * Chance is a seeded generator, so the same faults, seed and requests give the same hits. Every hit is logged
 * and kept (the last {@value #KEPT_INJECTIONS}) for the admin API to list.
 */
public final class Faults {
    static final int KEPT_INJECTIONS = 1000;
    private static final Logger log = LoggerFactory.getLogger(Faults.class);

    /** What hit a request: an added delay (0: none) and at most one other fault (null: none). */
    public record Hit(long delayMillis, Fault fault) {
        public boolean answersAlone() {
            return fault != null && !fault.kind().executes();
        }
    }

    /** One injected fault: sandbox time, the rule, the request. */
    public record Injection(long time, long faultId, FaultKind kind, String method, String path, long delayMillis) {
    }

    private final LongSupplier clock;
    private volatile Fault[] active = new Fault[0];
    private final Map<Long, AtomicInteger> remaining = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Deque<Injection> injected = new ArrayDeque<>();
    private Random random = new Random(1);

    public Faults(LongSupplier clock) {
        this.clock = clock;
    }

    public boolean armed() {
        return active.length > 0;
    }

    /** Arms a fault; throws IllegalArgumentException for an inconsistent one. */
    public synchronized Fault add(FaultKind kind, String target, int count, double probability, long latencyMillis,
                                  LatencyPreset preset, ApiError error) {
        Fault fault = new Fault(ids.incrementAndGet(), kind, target, count, probability, latencyMillis, preset, error);
        if (count > 0) remaining.put(fault.id(), new AtomicInteger(count));
        Fault[] next = java.util.Arrays.copyOf(active, active.length + 1);
        next[active.length] = fault;
        active = next;
        log.info("fault armed: {}", fault);
        return fault;
    }

    public synchronized boolean remove(long id) {
        List<Fault> kept = new ArrayList<>();
        for (Fault f : active) if (f.id() != id) kept.add(f);
        boolean removed = kept.size() < active.length;
        active = kept.toArray(Fault[]::new);
        remaining.remove(id);
        return removed;
    }

    public synchronized void clear() {
        active = new Fault[0];
        remaining.clear();
    }

    /** Chance from now on follows this seed. */
    public synchronized void seed(long seed) {
        random = new Random(seed);
    }

    /** The armed faults, each with the hits it has left (its count; 0 for no limit). */
    public synchronized List<Fault> active() {
        List<Fault> list = new ArrayList<>();
        for (Fault f : active) {
            AtomicInteger left = remaining.get(f.id());
            list.add(left == null ? f : new Fault(f.id(), f.kind(), f.target(), left.get(), f.probability(), f.latencyMillis(),
                    f.latencyPreset(), f.error()));
        }
        return list;
    }

    /** The faults injected so far, oldest first (the last {@value #KEPT_INJECTIONS}). */
    public synchronized List<Injection> injected() {
        return new ArrayList<>(injected);
    }

    /**
     * The faults that hit this request, or null: every matching LATENCY fault adds its delay, the first other
     * matching fault that fires is the one. {@code throttleExempt}: a cancel, reduce-only or close-position order,
     * which Binance's -1008 throttle lets through.
     */
    public synchronized Hit hit(String method, String path, boolean throttleExempt) {
        long delay = 0;
        Fault chosen = null;
        for (Fault f : active) {
            if (!f.matches(method, path)) continue;
            if (f.kind() == FaultKind.THROTTLED && throttleExempt) continue;
            if (f.kind() != FaultKind.LATENCY && chosen != null) continue;
            if (f.probability() < 1 && random.nextDouble() >= f.probability()) continue;
            if (!consume(f)) continue;
            if (f.kind() == FaultKind.LATENCY) {
                long d = f.latencyPreset() != null ? f.latencyPreset().draw(random) : f.latencyMillis();
                delay += d;
                record(f, method, path, d);
            } else {
                chosen = f;
                record(f, method, path, 0);
            }
        }
        return delay == 0 && chosen == null ? null : new Hit(Math.min(delay, 60_000), chosen);
    }

    private boolean consume(Fault f) {
        AtomicInteger left = remaining.get(f.id());
        if (left == null) return true;
        int now = left.decrementAndGet();
        if (now < 0) return false;
        if (now == 0) remove(f.id());
        return true;
    }

    private void record(Fault f, String method, String path, long delay) {
        Injection injection = new Injection(clock.getAsLong(), f.id(), f.kind(), method, path, delay);
        if (injected.size() == KEPT_INJECTIONS) injected.removeFirst();
        injected.addLast(injection);
        log.info("fault injected: {} #{} on {} {}{}", f.kind(), f.id(), method, path, delay > 0 ? " +" + delay + " ms" : "");
    }
}
