package com.papisandbox.engine;

import org.agrona.collections.Long2ObjectHashMap;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The price levels of one side of a book. Finding a price's level is a probe of a map keyed by the primitive
 * price, and the levels are kept in priority order in two parallel arrays, worst first and best last: a new
 * level is a binary search and a shift of the levels better than it, which near the touch (where orders go)
 * are few, with no tree nodes or boxed keys. Matching takes the last level; removing one shifts the better ones.
 */
final class BookSide {
    private final boolean bids;
    private final Long2ObjectHashMap<PriceLevel> byPrice = new Long2ObjectHashMap<>();
    /** Ascending rank (a bid's price, an ask's negated price): the best level is the last. */
    private long[] ranks = new long[16];
    private PriceLevel[] levels = new PriceLevel[16];
    private int size;

    BookSide(boolean bids) {
        this.bids = bids;
    }

    private long rank(long price) {
        return bids ? price : -price;
    }

    PriceLevel best() {
        return size == 0 ? null : levels[size - 1];
    }

    /** The level at {@code price}, or null. */
    PriceLevel level(long price) {
        return byPrice.get(price);
    }

    /** The level at {@code price}, made (and ranked) if there is none. */
    PriceLevel levelForRest(long price) {
        PriceLevel level = byPrice.get(price);
        if (level != null) return level;
        level = new PriceLevel(price);
        byPrice.put(price, level);
        long rank = rank(price);
        int at = -Arrays.binarySearch(ranks, 0, size, rank) - 1;
        if (size == ranks.length) {
            ranks = Arrays.copyOf(ranks, size * 2);
            levels = Arrays.copyOf(levels, size * 2);
        }
        System.arraycopy(ranks, at, ranks, at + 1, size - at);
        System.arraycopy(levels, at, levels, at + 1, size - at);
        ranks[at] = rank;
        levels[at] = level;
        size++;
        return level;
    }

    /** Drops a level that has just become empty. */
    void removeEmpty(PriceLevel level) {
        byPrice.remove(level.price);
        int at = size - 1;
        // matching empties the best level: no search then
        if (levels[at] != level) at = Arrays.binarySearch(ranks, 0, size, rank(level.price));
        System.arraycopy(ranks, at + 1, ranks, at, size - at - 1);
        System.arraycopy(levels, at + 1, levels, at, size - at - 1);
        size--;
        levels[size] = null;
    }

    /** Levels in priority order (best first); the side must not change while it is iterated. */
    Iterable<PriceLevel> inPriorityOrder() {
        return () -> new Iterator<>() {
            private int next = size - 1;

            @Override
            public boolean hasNext() {
                return next >= 0;
            }

            @Override
            public PriceLevel next() {
                if (next < 0) throw new NoSuchElementException();
                return levels[next--];
            }
        };
    }
}
