package com.papisandbox.engine;

import org.agrona.collections.Long2ObjectHashMap;

import java.util.Collection;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The price levels of one side of a book. Finding a price's level is a probe of a map keyed by the
 * primitive price (no boxing, no tree walk), and the best level is a field, so resting, cancelling and
 * matching at an existing level never touch the ordered map: it changes only when a level appears or
 * empties, and its boxed key is made once per level.
 */
final class BookSide {
    private final boolean bids;
    /** Levels in priority order: bids highest first, asks lowest first. */
    private final NavigableMap<Long, PriceLevel> ordered;
    private final Long2ObjectHashMap<PriceLevel> byPrice = new Long2ObjectHashMap<>();
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
        return byPrice.get(price);
    }

    /** The level at {@code price}, made (and ranked) if there is none. */
    PriceLevel levelForRest(long price) {
        PriceLevel level = byPrice.get(price);
        if (level != null) return level;
        level = new PriceLevel(price);
        byPrice.put(price, level);
        ordered.put(level.key, level);
        if (best == null || (bids ? price > best.price : price < best.price)) best = level;
        return level;
    }

    /** Drops a level that has just become empty. */
    void removeEmpty(PriceLevel level) {
        byPrice.remove(level.price);
        ordered.remove(level.key);
        if (level == best) best = ordered.isEmpty() ? null : ordered.firstEntry().getValue();
    }

    /** Levels in priority order (best first). */
    Collection<PriceLevel> inPriorityOrder() {
        return ordered.values();
    }
}
