package com.papisandbox.engine;

/**
 * An account's newest fills, one row per fill and side, in primitive arrays used as a ring: recording a fill
 * allocates nothing once the ring has grown to its capacity (it starts empty and doubles, so idle accounts
 * cost nothing), and the oldest row is overwritten after that.
 */
final class TradeHistory {
    static final int CAPACITY = 1_000;
    private static final int SELL = 1, MAKER = 2;

    long[] tradeId = new long[0], orderId = new long[0], price = new long[0], qty = new long[0],
            realizedPnl = new long[0], base = new long[0], commission = new long[0], time = new long[0];
    int[] instrument = new int[0], flags = new int[0];
    private int start;
    private int size;

    int size() {
        return size;
    }

    /** The physical slot of the {@code i}-th oldest row. */
    int slot(int i) {
        return (start + i) % tradeId.length;
    }

    void add(long tradeId, long orderId, int instrument, Side side, PositionSide positionSide, boolean maker, long price,
             long qty, long realizedPnl, long base, long commission, long time) {
        int s;
        if (size < this.tradeId.length) {
            s = (start + size++) % this.tradeId.length;
        } else if (size < CAPACITY) {
            grow();
            s = size++;
        } else {
            s = start;
            start = (start + 1) % this.tradeId.length;
        }
        this.tradeId[s] = tradeId;
        this.orderId[s] = orderId;
        this.instrument[s] = instrument;
        this.flags[s] = (side == Side.SELL ? SELL : 0) | (maker ? MAKER : 0) | (Codes.of(positionSide) << 2);
        this.price[s] = price;
        this.qty[s] = qty;
        this.realizedPnl[s] = realizedPnl;
        this.base[s] = base;
        this.commission[s] = commission;
        this.time[s] = time;
    }

    Side side(int slot) {
        return (flags[slot] & SELL) != 0 ? Side.SELL : Side.BUY;
    }

    boolean maker(int slot) {
        return (flags[slot] & MAKER) != 0;
    }

    PositionSide positionSide(int slot) {
        return Codes.positionSide(flags[slot] >>> 2);
    }

    /** Rows come in oldest first after the ring is unrolled: the grown arrays start at slot 0. */
    private void grow() {
        int n = Math.min(CAPACITY, Math.max(8, tradeId.length * 2));
        int[] order = new int[size];
        for (int i = 0; i < size; i++) order[i] = slot(i);
        tradeId = unroll(tradeId, order, n);
        orderId = unroll(orderId, order, n);
        price = unroll(price, order, n);
        qty = unroll(qty, order, n);
        realizedPnl = unroll(realizedPnl, order, n);
        base = unroll(base, order, n);
        commission = unroll(commission, order, n);
        time = unroll(time, order, n);
        instrument = unroll(instrument, order, n);
        flags = unroll(flags, order, n);
        start = 0;
    }

    static long[] unroll(long[] a, int[] order, int n) {
        long[] b = new long[n];
        for (int i = 0; i < order.length; i++) b[i] = a[order[i]];
        return b;
    }

    static int[] unroll(int[] a, int[] order, int n) {
        int[] b = new int[n];
        for (int i = 0; i < order.length; i++) b[i] = a[order[i]];
        return b;
    }
}
