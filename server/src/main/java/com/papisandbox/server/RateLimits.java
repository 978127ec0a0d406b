package com.papisandbox.server;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Binance's per-minute budgets (spec §3): request weight per IP, new orders per account. Counted in
 * windows aligned to the clock minute, as the {@code X-MBX-USED-WEIGHT-1M} header reports them.
 */
public final class RateLimits {
    public static final int IP_WEIGHT_PER_MINUTE = 6000;
    public static final int ORDERS_PER_MINUTE = 1200;

    private final boolean enforced;
    private final ConcurrentMap<String, Window> weightByIp = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, Window> ordersByAccount = new ConcurrentHashMap<>();

    public RateLimits(boolean enforced) {
        this.enforced = enforced;
    }

    /** Adds the weight and returns the minute's total, or -1 if the budget is exceeded (when enforced). */
    public int addWeight(String ip, int weight, long now) {
        int used = weightByIp.computeIfAbsent(ip, k -> new Window()).add(now, weight);
        return enforced && used > IP_WEIGHT_PER_MINUTE ? -1 : used;
    }

    public int usedWeight(String ip, long now) {
        Window w = weightByIp.get(ip);
        return w == null ? 0 : w.current(now);
    }

    public int addOrder(long accountId, long now) {
        int used = ordersByAccount.computeIfAbsent(accountId, k -> new Window()).add(now, 1);
        return enforced && used > ORDERS_PER_MINUTE ? -1 : used;
    }

    public int usedOrders(long accountId, long now) {
        Window w = ordersByAccount.get(accountId);
        return w == null ? 0 : w.current(now);
    }

    private static final class Window {
        private long minute = -1;
        private int count;

        synchronized int add(long now, int n) {
            roll(now);
            count += n;
            return count;
        }

        synchronized int current(long now) {
            roll(now);
            return count;
        }

        private void roll(long now) {
            long m = now / 60_000;
            if (m != minute) {
                minute = m;
                count = 0;
            }
        }
    }
}
