package com.papisandbox.engine;

import java.util.Collection;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The price levels of one side of a book. Finding a price's level is a hash probe on the primitive
 * price (no boxing, no tree walk), and the best level is a field, so resting, cancelling and matching at
 * an existing level never touch the ordered map: it changes only when a level appears or empties, and
 * its boxed key is made once per level.
 */
final class BookSide {
    private static final int MIN_CAPACITY = 64;

    private final boolean bids;
    /** Levels in priority order: bids highest first, asks lowest first. */
    private final NavigableMap<Long, PriceLevel> ordered;
    /** Open addressing with linear probing, keyed by price; capacity a power of two, at most half full. */
    private PriceLevel[] table = new PriceLevel[MIN_CAPACITY];
    private int size;
    private PriceLevel best;

    BookSide(boolean bids) {
        this.bids = bids;
        this.ordered = bids ? new TreeMap<>(Collections.reverseOrder()) : new TreeMap<>();
    }

    PriceLevel best() {
        return best;
    }

    /** The level at {@code price}, or null. */
    PriceLevel level(long price) {
        PriceLevel[] t = table;
        int mask = t.length - 1;
        for (int i = slot(price, mask); ; i = (i + 1) & mask) {
            PriceLevel level = t[i];
            if (level == null || level.price == price) return level;
        }
    }

    /** The level at {@code price}, made (and ranked) if there is none. */
    PriceLevel levelForRest(long price) {
        PriceLevel[] t = table;
        int mask = t.length - 1;
        int i = slot(price, mask);
        for (PriceLevel level; (level = t[i]) != null; i = (i + 1) & mask) {
            if (level.price == price) return level;
        }
        PriceLevel level = new PriceLevel(price);
        t[i] = level;
        ordered.put(level.key, level);
        if (best == null || (bids ? price > best.price : price < best.price)) best = level;
        if (++size * 2 > t.length) rehash(t.length * 2);
        return level;
    }

    /** Drops a level that has just become empty. */
    void removeEmpty(PriceLevel level) {
        ordered.remove(level.key);
        if (level == best) best = ordered.isEmpty() ? null : ordered.firstEntry().getValue();
        deleteFromTable(level);
        size--;
        if (table.length > MIN_CAPACITY && size * 8 < table.length) rehash(table.length / 2);
    }

    /** Levels in priority order (best first). */
    Collection<PriceLevel> inPriorityOrder() {
        return ordered.values();
    }

    private void deleteFromTable(PriceLevel level) {
        PriceLevel[] t = table;
        int mask = t.length - 1;
        int hole = slot(level.price, mask);
        while (t[hole] != level) hole = (hole + 1) & mask;
        // Backward-shift deletion: move later members of the probe run into the hole, so lookups never
        // need tombstones.
        for (int i = (hole + 1) & mask; t[i] != null; i = (i + 1) & mask) {
            int home = slot(t[i].price, mask);
            boolean movable = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
            if (movable) {
                t[hole] = t[i];
                hole = i;
            }
        }
        t[hole] = null;
    }

    private void rehash(int capacity) {
        PriceLevel[] fresh = new PriceLevel[capacity];
        int mask = capacity - 1;
        for (PriceLevel level : table) {
            if (level == null) continue;
            int i = slot(level.price, mask);
            while (fresh[i] != null) i = (i + 1) & mask;
            fresh[i] = level;
        }
        table = fresh;
    }

    /** Neighbouring prices are the common case: a multiplicative hash spreads them over the table. */
    private static int slot(long price, int mask) {
        long h = price * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
