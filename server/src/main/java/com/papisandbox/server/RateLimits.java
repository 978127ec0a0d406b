package com.papisandbox.server;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Binance's per-minute budgets (spec §3): request weight per IP, new orders per account, and the IP bans
 * that follow a client which keeps going after its 429s. Windows are aligned to the sandbox clock's
 * minute, as {@code X-MBX-USED-WEIGHT-1M} reports them; a ban lasts a rung of {@link BanLadder}.
 *
 * <p>Counting is one map read and one CAS per request; bans take the IP's monitor, only once it is over.
 * Not enforced ({@code --no-rate-limits}), it counts the same and never refuses or bans.
 */
public final class RateLimits {
    public static final int IP_WEIGHT_PER_MINUTE = 6000;
    public static final int ORDERS_PER_MINUTE = 1200;
    /**
     * Over-limit requests one minute may have that are still answered 429: a client's requests already in
     * flight when the first 429 came. The next one is a client not backing off, and is banned.
     */
    public static final int REFUSALS_BEFORE_BAN = 10;

    private final boolean enforced;
    private final BanLadder ladder;
    private final ConcurrentMap<String, IpBudget> byIp = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, MinuteCounter> ordersByAccount = new ConcurrentHashMap<>();

    public RateLimits(boolean enforced) {
        this(enforced, BanLadder.BINANCE);
    }

    RateLimits(boolean enforced, BanLadder ladder) {
        this.enforced = enforced;
        this.ladder = ladder;
    }

    public boolean enforced() {
        return enforced;
    }

    /** The IP's budget, created on its first request. */
    public IpBudget ip(String ip) {
        IpBudget budget = byIp.get(ip);
        return budget != null ? budget : byIp.computeIfAbsent(ip, k -> new IpBudget());
    }

    /** The weight the IP used this minute (0 for an IP never seen). */
    public int usedWeight(String ip, long now) {
        IpBudget budget = byIp.get(ip);
        return budget == null ? 0 : budget.weight.current(now);
    }

    /** Counts one new order and returns the account's count this minute, or -1 if it is over (when enforced). */
    public int addOrder(long accountId, long now) {
        MinuteCounter counter = ordersByAccount.get(accountId);
        if (counter == null) counter = ordersByAccount.computeIfAbsent(accountId, k -> new MinuteCounter());
        int used = counter.add(now, 1);
        return enforced && used > ORDERS_PER_MINUTE ? -1 : used;
    }

    public int usedOrders(long accountId, long now) {
        MinuteCounter counter = ordersByAccount.get(accountId);
        return counter == null ? 0 : counter.current(now);
    }

    /** Every IP seen, by address: its weight this minute, its ban (0: none) and how long its next ban would be. */
    public java.util.SortedMap<String, IpState> ips(long now) {
        java.util.SortedMap<String, IpState> out = new java.util.TreeMap<>();
        byIp.forEach((ip, budget) -> out.put(ip, budget.state(now)));
        return out;
    }

    /** Lifts every ban and forgets past violations (admin: a sandbox user must not wait 3 days). */
    public void liftBans() {
        byIp.values().forEach(IpBudget::lift);
    }

    public record IpState(int usedWeight, long bannedUntil, long nextBanMillis) {
    }

    /** Whole seconds until the minute that holds {@code now} ends: a 429's {@code Retry-After}. */
    public static long secondsToNextMinute(long now) {
        return secondsUntil(now, Math.floorDiv(now, MinuteCounter.MINUTE) * MinuteCounter.MINUTE + MinuteCounter.MINUTE);
    }

    /** Whole seconds, rounded up and at least 1, from {@code now} to {@code until}. */
    public static long secondsUntil(long now, long until) {
        return Math.max(1, (until - now + 999) / 1000);
    }

    /** One IP: its weight this minute and its ban. */
    public final class IpBudget {
        private final MinuteCounter weight = new MinuteCounter();
        /** End of the current ban, or 0; read on every request, written under the monitor. */
        private volatile long bannedUntil;
        private long refusalMinute = -1;
        private int refusals;
        /** The rung the next ban starts from, and when the last ban ended (to forget old violations). */
        private int rung;
        private long lastBanEnd = Long.MIN_VALUE;

        /** The end of the ban in force, or 0 when the IP is free (always 0 when not enforced). */
        public long bannedUntil(long now) {
            long until = bannedUntil;
            return until > now ? until : 0;
        }

        /** Adds the request's weight; returns the minute's total, counting refused requests too (as Binance does). */
        public int charge(int requestWeight, long now) {
            return weight.add(now, requestWeight);
        }

        public int used(long now) {
            return weight.current(now);
        }

        /** Whether a minute's total refuses the request. */
        public boolean over(int used) {
            return enforced && used > IP_WEIGHT_PER_MINUTE;
        }

        /**
         * Records one over-limit request; returns 0 when it is answered 429, or the end of the ban it
         * earned when the IP has gone past {@link #REFUSALS_BEFORE_BAN} refusals this minute.
         */
        public synchronized long refuse(long now) {
            long minute = Math.floorDiv(now, MinuteCounter.MINUTE);
            if (minute != refusalMinute) {
                refusalMinute = minute;
                refusals = 0;
            }
            if (++refusals <= REFUSALS_BEFORE_BAN) return 0;
            if (now - lastBanEnd >= ladder.memoryMillis()) rung = 0;
            long until = now + ladder.duration(rung);
            rung++;
            lastBanEnd = until;
            refusals = 0;
            bannedUntil = until;
            return until;
        }

        synchronized IpState state(long now) {
            int next = now - lastBanEnd >= ladder.memoryMillis() ? 0 : rung;
            return new IpState(weight.current(now), bannedUntil(now), ladder.duration(next));
        }

        synchronized void lift() {
            bannedUntil = 0;
            rung = 0;
            refusals = 0;
            lastBanEnd = Long.MIN_VALUE;
        }
    }

    /** A count in the current minute, packed with that minute in one long so adding is a single CAS. */
    static final class MinuteCounter {
        static final long MINUTE = 60_000;
        private final java.util.concurrent.atomic.AtomicLong state = new java.util.concurrent.atomic.AtomicLong();

        int add(long now, int n) {
            long minute = Math.floorDiv(now, MINUTE);
            while (true) {
                long current = state.get();
                long counted = current >>> 32;
                // a request that read the clock just before another rolled the minute counts in the new one
                long next = counted >= minute ? current + n : (minute << 32) | n;
                if (state.compareAndSet(current, next)) return (int) next;
            }
        }

        int current(long now) {
            long current = state.get();
            return (current >>> 32) >= Math.floorDiv(now, MINUTE) ? (int) current : 0;
        }
    }
}
