package com.papisandbox.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Every order the engine remembers: open ones as {@link Order} objects by id, closed ones as rows of
 * {@link ClosedOrders}, and each account's client-order-id chains across both (newest first, linked by order
 * id). Forgets what no query can show any more: unfilled closed orders after three days (spec §6.5), and the
 * oldest closed orders of each kind beyond the cap. Engine-thread only.
 */
final class OrderMemory {
    /** Cancelled or expired orders without fills are forgotten by queries after this long (spec §6.5). */
    static final long UNFILLED_CLOSED_ORDER_VISIBILITY_MS = 3L * 24 * 60 * 60 * 1000;

    private final OrderIndex open = new OrderIndex(Engine.FIRST_ORDER_ID);
    private final ClosedOrders closed = new ClosedOrders();
    private final Listings listings;
    private final LongFunction<Account> accounts;
    private final AmendmentLog amendments;
    private final int cap;
    /** What a full history trims to: up to 64 below the cap, so forgetting runs in batches (see {@link #forgetOld}). */
    private final int trimTo;

    OrderMemory(Listings listings, LongFunction<Account> accounts, AmendmentLog amendments, int cap) {
        this.listings = listings;
        this.accounts = accounts;
        this.amendments = amendments;
        this.cap = cap;
        this.trimTo = cap - Math.min(64, cap / 8);
    }

    /** Orders remembered, open and closed. */
    int size() {
        return open.size() + closed.size();
    }

    /** A new order: indexed, and the newest of its account's orders with its client order id. */
    void placed(Account account, Order order) {
        open.put(order);
        link(account, order);
    }

    private void link(Account account, Order order) {
        long older = account.latestByClientId.put(order.clientOrderId, order.orderId);
        if (older != 0) {
            order.olderWithClientId = older;
            setNewer(older, order.orderId);
        }
    }

    /**
     * A final order leaves the open index: it becomes a row of the history, or ({@code keep} false: the house's
     * orders, which no query shows) it is forgotten at once.
     */
    void closed(Order order, boolean keep) {
        open.remove(order.orderId);
        if (keep) {
            closed.add(order, listingOf(order.book));
        } else {
            unlink(order.accountId, order.clientOrderId, order.olderWithClientId, order.newerWithClientId);
            amendments.forget(order.orderId, order.amended);
        }
    }

    /** The listing a book trades: its slot's current one, unless the book is a delivered contract's. */
    private int listingOf(OrderBook book) {
        int current = listings.current(book.index);
        return listings.get(current) == book.instrument() ? current : listings.idOf(book.instrument().symbol());
    }

    /**
     * Forgets the closed orders no query can return any more (no fills, closed over 3 days ago), and the
     * oldest beyond the cap, so memory stays bounded however long the sandbox runs. A history over its cap is
     * trimmed a batch below it: the rows it forgets are long cold, and forgetting many back to back lets the
     * CPU overlap their cache misses.
     */
    void forgetOld(long now) {
        trim(ClosedOrders.UNFILLED);
        trim(ClosedOrders.FILLED);
        while (closed.size(ClosedOrders.UNFILLED) > 0
                && now - closed.updateTime(closed.oldest(ClosedOrders.UNFILLED)) > UNFILLED_CLOSED_ORDER_VISIBILITY_MS) {
            forgetOldest(ClosedOrders.UNFILLED);
        }
    }

    private void trim(int kind) {
        if (closed.size(kind) <= cap) return;
        while (closed.size(kind) > trimTo) forgetOldest(kind);
    }

    private void forgetOldest(int kind) {
        long row = closed.oldest(kind);
        unlink(closed.accountId(row), closed.clientOrderId(row), closed.olderWithClientId(row), closed.newerWithClientId(row));
        amendments.forget(closed.orderId(row), closed.amended(row));
        closed.dropOldest(kind);
    }

    /** Takes a forgotten order out of its account's chain for its client order id. */
    private void unlink(long accountId, String clientOrderId, long older, long newer) {
        if (newer != 0) setOlder(newer, older);
        else if (older != 0) accounts.apply(accountId).latestByClientId.put(clientOrderId, older);
        else accounts.apply(accountId).latestByClientId.removeKey(clientOrderId);
        if (older != 0) setNewer(older, newer);
    }

    private void setNewer(long orderId, long newer) {
        Order o = open.get(orderId);
        if (o != null) o.newerWithClientId = newer;
        else closed.setNewerWithClientId(row(orderId), newer);
    }

    private void setOlder(long orderId, long older) {
        Order o = open.get(orderId);
        if (o != null) o.olderWithClientId = older;
        else closed.setOlderWithClientId(row(orderId), older);
    }

    /** The row of a closed order a chain names: every order in a chain is remembered. */
    private long row(long orderId) {
        long row = closed.locate(orderId);
        if (row == ClosedOrders.ABSENT) throw new IllegalStateException("a client-id chain names forgotten order " + orderId);
        return row;
    }

    // Lookups.

    /** The open order with this id, or null. */
    Order open(long orderId) {
        return open.get(orderId);
    }

    /** The account's open order with this client order id, or null: an open order is the newest with its id. */
    Order openWithClientId(Account account, String clientOrderId) {
        if (clientOrderId == null) return null;
        long id = account.latestByClientId.getValue(clientOrderId);
        return id == 0 ? null : open.get(id);
    }

    boolean remembers(long orderId) {
        return open.get(orderId) != null || closed.locate(orderId) != ClosedOrders.ABSENT;
    }

    /** The account of a remembered order, or −1. */
    long accountOf(long orderId) {
        Order o = open.get(orderId);
        if (o != null) return o.accountId;
        long row = closed.locate(orderId);
        return row == ClosedOrders.ABSENT ? -1 : closed.accountId(row);
    }

    /** A remembered order as it is now (a copy: open orders change), or null. */
    OrderView copy(long orderId) {
        Order o = open.get(orderId);
        if (o != null) return o.copy();
        long row = closed.locate(orderId);
        return row == ClosedOrders.ABSENT ? null : closed.view(row, listings);
    }

    /**
     * The account's order in that book, open or closed, that queries may still show: by id, else the newest with
     * the client order id; null if there is none.
     */
    OrderView visible(Account account, OrderBook book, long orderId, String clientOrderId, long now) {
        OrderView found = orderId >= 0 ? copy(orderId) : newestWithClientId(account, book, clientOrderId);
        if (found == null || found.accountId() != account.accountId || found.instrument() != book.instrument() || forgotten(found, now)) {
            return null;
        }
        return found;
    }

    private OrderView newestWithClientId(Account account, OrderBook book, String clientOrderId) {
        if (clientOrderId == null) return null;
        long id = account.latestByClientId.getValue(clientOrderId);
        while (id != 0) {
            Order o = open.get(id);
            if (o != null) {
                if (o.book == book) return o.view();
                id = o.olderWithClientId;
            } else {
                long row = row(id);
                if (listings.get(closed.listing(row)) == book.instrument()) return closed.view(row, listings);
                id = closed.olderWithClientId(row);
            }
        }
        return null;
    }

    /** Every order of the account still remembered, oldest first, as views (queries may still filter out the forgotten). */
    List<OrderView> ofAccount(Account account) {
        List<OrderView> result = new ArrayList<>();
        account.latestByClientId.forEachLong((clientOrderId, newest) -> {
            for (long id = newest; id != 0; ) {
                Order o = open.get(id);
                if (o != null) {
                    result.add(o.view());
                    id = o.olderWithClientId;
                } else {
                    long row = row(id);
                    result.add(closed.view(row, listings));
                    id = closed.olderWithClientId(row);
                }
            }
        });
        result.sort(Comparator.comparingLong(OrderView::orderId));
        return result;
    }

    static boolean forgotten(OrderView order, long now) {
        return (order.status() == OrderStatus.CANCELED || order.status() == OrderStatus.EXPIRED)
                && order.executedQty() == 0
                && now - order.time() > UNFILLED_CLOSED_ORDER_VISIBILITY_MS;
    }

    /** Marks a remembered order as amended (snapshot restore: its history follows). */
    void markAmended(long orderId) {
        Order o = open.get(orderId);
        if (o != null) o.amended = true;
        else closed.markAmended(row(orderId));
    }

    boolean amended(long orderId) {
        Order o = open.get(orderId);
        if (o != null) return o.amended;
        long row = closed.locate(orderId);
        return row != ClosedOrders.ABSENT && closed.amended(row);
    }

    // Snapshot support: orders in id order as Order objects (closed ones rebuilt from their rows), and back.

    /**
     * Every remembered order in id order; closed ones as detached Order objects made from their rows, their book
     * that of their listing.
     */
    List<Order> inIdOrder(java.util.function.IntFunction<OrderBook> bookOfListing) {
        List<Order> result = new ArrayList<>(size());
        open.forEach(result::add);
        closed.forEachId(id -> {
            long row = closed.locate(id);
            result.add(closed.rebuild(row, bookOfListing.apply(closed.listing(row)), listings));
        });
        result.sort(Comparator.comparingLong(o -> o.orderId));
        return result;
    }

    int historySize(int kind) {
        return closed.size(kind);
    }

    /** The history's order ids of one kind, oldest first. */
    void forEachHistoryId(int kind, java.util.function.LongConsumer consumer) {
        closed.forEachIdOldestFirst(kind, consumer);
    }

    /**
     * Restores an order read from a snapshot, in id order: indexed if open, and linked into its chain through
     * {@code restored} (every order read so far, by id). A closed one stays out of the index until its history
     * section adds its row ({@link #restoreClosed}): indexing every closed order first would hold a 16 KB page
     * for each 4,096 ids that kept any, however sparse, for the length of the restore.
     */
    void restore(Account account, Order order, LongFunction<Order> restored) {
        if (order.status.isOpen()) open.put(order);
        long older = account.latestByClientId.put(order.clientOrderId, order.orderId);
        if (older != 0) {
            order.olderWithClientId = older;
            restored.apply(older).newerWithClientId = order.orderId;
        }
    }

    /**
     * Adds a restored closed order's row to its history (snapshot order: oldest first), once every order is
     * restored and its chain links are final; {@code listing} is its contract's, which may have delivered.
     */
    void restoreClosed(Order order, int listing, int kind) {
        if (kind != (order.executedQty == 0 ? ClosedOrders.UNFILLED : ClosedOrders.FILLED)) {
            throw new IllegalArgumentException("snapshot history of order " + order.orderId + " does not match its fills");
        }
        closed.add(order, listing);
    }
}
