package com.papisandbox.engine;

/**
 * The price levels a book's recent updates touched, by update id, so a diff-depth stream can name every level
 * that changed between two of its events — also one that changed and changed back, which a comparison of two
 * snapshots would miss (a client whose REST snapshot fell in between would keep the intermediate quantity).
 * A fixed ring: recording is two array writes; a reader that falls more than {@link #CAPACITY} updates behind
 * is told so and must start over from a snapshot.
 */
final class BookChanges {
    static final int CAPACITY = 1 << 16;
    private static final int MASK = CAPACITY - 1;

    private final long[] updateIds = new long[CAPACITY];
    /** The touched price, negated for the ask side. */
    private final long[] signedPrices = new long[CAPACITY];

    void record(long updateId, Side side, long price) {
        int slot = (int) (updateId & MASK);
        updateIds[slot] = updateId;
        signedPrices[slot] = side == Side.BUY ? price : -price;
    }

    /** True if every update after {@code since} up to {@code current} is still in the ring. */
    boolean covers(long since, long current) {
        return current - since <= CAPACITY;
    }

    /** The touched prices of the updates {@code since+1 .. current}, bids and asks apart, each price once. */
    void touched(long since, long current, java.util.Set<Long> bids, java.util.Set<Long> asks) {
        for (long id = since + 1; id <= current; id++) {
            int slot = (int) (id & MASK);
            if (updateIds[slot] != id) continue; // a restored book: ids before the restore were not logged
            long p = signedPrices[slot];
            if (p > 0) bids.add(p); else asks.add(-p);
        }
    }
}
