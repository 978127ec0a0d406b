package com.papisandbox.engine;

import org.agrona.collections.Long2ObjectHashMap;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The price levels of one side of a book, as a ladder indexed by price: pages of {@value #PAGE} consecutive prices,
 * each an array of levels with a bitmap of the occupied ones. Finding, making and dropping a level are an array
 * access and a bit flip, with no search, no hashing on the page the touch is on (the last page used is kept at
 * hand) and no shifting; only when the best level empties is the next one looked for, in the bitmap words
 * below it. Pages with levels are also kept in price order, a short list: a page spans 409.6 USD of BTCUSD_PERP.
 * An empty page is dropped (one is kept for reuse), so a side holds memory only where orders rest.
 */
final class BookSide {
    private static final int SHIFT = 12;
    private static final int PAGE = 1 << SHIFT;
    private static final int MASK = PAGE - 1;

    private static final class Page {
        long number;
        final PriceLevel[] levels = new PriceLevel[PAGE];
        final long[] occupied = new long[PAGE / 64];
        int count;

        Page(long number) {
            this.number = number;
        }

        /** The highest occupied slot ≤ {@code slot}, or −1. */
        int highestAtOrBelow(int slot) {
            int w = slot >>> 6;
            long bits = occupied[w] & (-1L >>> (63 - (slot & 63)));
            while (true) {
                if (bits != 0) return (w << 6) + 63 - Long.numberOfLeadingZeros(bits);
                if (--w < 0) return -1;
                bits = occupied[w];
            }
        }

        /** The lowest occupied slot ≥ {@code slot}, or −1. */
        int lowestAtOrAbove(int slot) {
            int w = slot >>> 6;
            long bits = occupied[w] & (-1L << (slot & 63));
            while (true) {
                if (bits != 0) return (w << 6) + Long.numberOfTrailingZeros(bits);
                if (++w == occupied.length) return -1;
                bits = occupied[w];
            }
        }
    }

    private final boolean bids;
    private final Long2ObjectHashMap<Page> pagesByNumber = new Long2ObjectHashMap<>();
    /** Pages with levels, ascending by number. */
    private Page[] ordered = new Page[4];
    private int pageCount;
    /** The last page used: orders come and go around the touch, mostly on one page. */
    private Page recent;
    private PriceLevel best;
    /**
     * The last page dropped, empty, for the next page made: matching that drains the page at the touch and
     * re-placing there would otherwise allocate 16 KB each time.
     */
    private Page spare;

    BookSide(boolean bids) {
        this.bids = bids;
    }

    PriceLevel best() {
        return best;
    }

    /** The level at {@code price}, or null. */
    PriceLevel level(long price) {
        Page page = page(price >>> SHIFT);
        return page == null ? null : page.levels[(int) (price & MASK)];
    }

    /** The level at {@code price}, made if there is none. */
    PriceLevel levelForRest(long price) {
        long number = price >>> SHIFT;
        Page page = page(number);
        if (page == null) page = addPage(number);
        int slot = (int) (price & MASK);
        PriceLevel level = page.levels[slot];
        if (level != null) return level;
        level = new PriceLevel(price);
        page.levels[slot] = level;
        page.occupied[slot >>> 6] |= 1L << slot;
        page.count++;
        if (best == null || (bids ? price > best.price : price < best.price)) best = level;
        return level;
    }

    /** Drops a level that has just become empty. */
    void removeEmpty(PriceLevel level) {
        long price = level.price;
        Page page = page(price >>> SHIFT);
        int slot = (int) (price & MASK);
        page.levels[slot] = null;
        page.occupied[slot >>> 6] &= ~(1L << slot);
        page.count--;
        if (level == best) best = nextAfter(page, slot);
        if (page.count == 0) dropPage(page);
    }

    /** The best level behind the (now empty) slot of {@code page}, in priority order, or null. */
    private PriceLevel nextAfter(Page page, int slot) {
        int at = bids ? (slot == 0 ? -1 : page.highestAtOrBelow(slot - 1)) : (slot == MASK ? -1 : page.lowestAtOrAbove(slot + 1));
        if (at >= 0) return page.levels[at];
        int k = indexOf(page.number);
        for (int i = bids ? k - 1 : k + 1; i >= 0 && i < pageCount; i += bids ? -1 : 1) {
            Page p = ordered[i];
            int s = bids ? p.highestAtOrBelow(MASK) : p.lowestAtOrAbove(0);
            if (s >= 0) return p.levels[s];
        }
        return null;
    }

    private Page page(long number) {
        Page r = recent;
        if (r != null && r.number == number) return r;
        Page page = pagesByNumber.get(number);
        if (page != null) recent = page;
        return page;
    }

    private Page addPage(long number) {
        Page page = spare;
        if (page != null) {
            spare = null;
            page.number = number;
        } else {
            page = new Page(number);
        }
        pagesByNumber.put(number, page);
        int at = -indexOf(number) - 1;
        if (pageCount == ordered.length) ordered = Arrays.copyOf(ordered, pageCount * 2);
        System.arraycopy(ordered, at, ordered, at + 1, pageCount - at);
        ordered[at] = page;
        pageCount++;
        recent = page;
        return page;
    }

    private void dropPage(Page page) {
        pagesByNumber.remove(page.number);
        int at = indexOf(page.number);
        System.arraycopy(ordered, at + 1, ordered, at, pageCount - at - 1);
        ordered[--pageCount] = null;
        if (recent == page) recent = null;
        spare = page; // every level and bit of it is clear: it has no levels left
    }

    /** The page's position in {@link #ordered}, or −(insertion point) − 1. */
    private int indexOf(long number) {
        int lo = 0;
        int hi = pageCount - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long n = ordered[mid].number;
            if (n < number) lo = mid + 1;
            else if (n > number) hi = mid - 1;
            else return mid;
        }
        return -lo - 1;
    }

    /** Levels in priority order (best first); the side must not change while it is iterated. */
    Iterable<PriceLevel> inPriorityOrder() {
        return () -> new Iterator<>() {
            private int pageIndex = bids ? pageCount - 1 : 0;
            private int slot = bids ? MASK : 0;
            private PriceLevel next = advance();

            private PriceLevel advance() {
                while (pageIndex >= 0 && pageIndex < pageCount) {
                    Page p = ordered[pageIndex];
                    int s = slot < 0 || slot > MASK ? -1 : bids ? p.highestAtOrBelow(slot) : p.lowestAtOrAbove(slot);
                    if (s >= 0) {
                        slot = bids ? s - 1 : s + 1;
                        return p.levels[s];
                    }
                    pageIndex += bids ? -1 : 1;
                    slot = bids ? MASK : 0;
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public PriceLevel next() {
                if (next == null) throw new NoSuchElementException();
                PriceLevel result = next;
                next = advance();
                return result;
            }
        };
    }
}
