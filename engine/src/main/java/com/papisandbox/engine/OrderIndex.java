package com.papisandbox.engine;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Orders by id. Ids are handed out densely and in order, so the index is an array of pages indexed by
 * {@code id - base}: a lookup is two array reads, no hashing; neighbouring ids share cache lines; and a page
 * is freed once every order in it left — except the newest page, which new ids are still filling: freeing it
 * when its orders close as fast as they come (place, cancel) would allocate it again for the next id. Not
 * thread-safe (the engine is single-threaded).
 */
final class OrderIndex {
    private static final int SHIFT = 12;
    private static final int PAGE = 1 << SHIFT;
    private static final int MASK = PAGE - 1;

    private Order[][] pages = new Order[16][];
    private int[] live = new int[16];
    /** The id that slot 0 of pages[0] stands for. */
    private long base;
    private int size;
    /** The page of the highest id put: kept while empty (see the class comment). */
    private int newestPage;

    OrderIndex(long firstId) {
        this.base = firstId;
    }

    Order get(long id) {
        long offset = id - base;
        if (offset < 0) return null;
        long page = offset >>> SHIFT;
        if (page >= pages.length) return null;
        Order[] p = pages[(int) page];
        return p == null ? null : p[(int) (offset & MASK)];
    }

    void put(Order order) {
        if (size == 0 && !inNewestPage(order.orderId)) {
            // Empty (new, restored, or every order gone) and past the newest page: start the pages at this id's
            // page, reusing the newest (empty) page's array
            Order[] spare = pages[newestPage];
            Arrays.fill(pages, null);
            Arrays.fill(live, 0);
            base = order.orderId - (order.orderId & MASK);
            newestPage = 0;
            pages[0] = spare;
        }
        long offset = order.orderId - base;
        if (offset < 0) throw new IllegalArgumentException("order id " + order.orderId + " is below the index base " + base);
        int page = (int) (offset >>> SHIFT);
        if (page >= pages.length) {
            int capacity = Math.max(pages.length * 2, page + 1);
            pages = Arrays.copyOf(pages, capacity);
            live = Arrays.copyOf(live, capacity);
        }
        Order[] p = pages[page];
        if (p == null) p = pages[page] = new Order[PAGE];
        int slot = (int) (offset & MASK);
        if (p[slot] == null) {
            live[page]++;
            size++;
        }
        p[slot] = order;
        if (page > newestPage) {
            int previous = newestPage;
            newestPage = page;
            // after the store: freeing page 0 shifts the pages
            if (live[previous] == 0 && pages[previous] != null) free(previous);
        }
    }

    private boolean inNewestPage(long id) {
        long offset = id - base;
        return offset >= 0 && (offset >>> SHIFT) == newestPage;
    }

    void remove(long id) {
        long offset = id - base;
        if (offset < 0 || (offset >>> SHIFT) >= pages.length) return;
        int page = (int) (offset >>> SHIFT);
        Order[] p = pages[page];
        int slot = (int) (offset & MASK);
        if (p == null || p[slot] == null) return;
        p[slot] = null;
        size--;
        if (--live[page] == 0 && page != newestPage) free(page);
    }

    private void free(int page) {
        pages[page] = null;
        if (page == 0) dropEmptyLeadingPages();
    }

    /** Shifts the pages down once the empty ones at the front are many, so the array stays small. */
    private void dropEmptyLeadingPages() {
        int empty = 0;
        while (empty < pages.length && pages[empty] == null) empty++;
        if (empty == pages.length) return; // nothing indexed: the next put starts afresh
        newestPage -= empty;
        System.arraycopy(pages, empty, pages, 0, pages.length - empty);
        System.arraycopy(live, empty, live, 0, live.length - empty);
        Arrays.fill(pages, pages.length - empty, pages.length, null);
        Arrays.fill(live, live.length - empty, live.length, 0);
        base += (long) empty * PAGE;
    }

    int size() {
        return size;
    }

    /** Every indexed order, in id order. */
    void forEach(Consumer<Order> consumer) {
        for (Order[] p : pages) {
            if (p == null) continue;
            for (Order o : p) if (o != null) consumer.accept(o);
        }
    }
}
