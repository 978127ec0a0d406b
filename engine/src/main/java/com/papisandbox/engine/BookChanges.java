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

    /**
     * The touched prices of the updates {@code since+1 .. current}, each once: bids best first (descending), then
     * asks best first (ascending), the asks negated; {@code bidCount[0]} gets the number of bids. Primitive all
     * the way (a look runs on the engine thread for every followed book).
     */
    long[] touched(long since, long current, int[] bidCount) {
        long[] prices = new long[(int) Math.min(current - since, CAPACITY)];
        int n = 0;
        for (long id = since + 1; id <= current; id++) {
            int slot = (int) (id & MASK);
            if (updateIds[slot] != id) continue; // a restored book: ids before the restore were not logged
            prices[n++] = signedPrices[slot];
        }
        // ascending: asks (negative) from the farthest to the best, then bids from the lowest to the best
        java.util.Arrays.sort(prices, 0, n);
        int unique = 0;
        for (int i = 0; i < n; i++) if (unique == 0 || prices[unique - 1] != prices[i]) prices[unique++] = prices[i];
        int asks = 0;
        while (asks < unique && prices[asks] < 0) asks++;
        long[] result = new long[unique];
        int k = 0;
        for (int i = unique - 1; i >= asks; i--) result[k++] = prices[i]; // bids, highest first
        for (int i = asks - 1; i >= 0; i--) result[k++] = prices[i];      // asks, −best first
        bidCount[0] = unique - asks;
        return result;
    }
}
