package com.papisandbox.engine;

import java.math.BigDecimal;
import java.util.function.LongConsumer;

/**
 * The closed orders that queries may still show, kept as rows of eleven longs (and the client order id) instead
 * of the orders themselves: a closing order is copied into a row and its {@link Order} object dies young. A history of a
 * million retained Order objects was copied by every young collection that found them young and then promoted,
 * which took a third of place+cancel's time at the server's heap (docs/benchmarks.md, 2026-12-06); rows in
 * long-lived arrays cost the collector nothing but the client-order-id references.
 *
 * <p>Two rings, each oldest first by closing time: orders without fills (forgotten after three days, or beyond the
 * cap) and orders with fills (beyond the cap). A row is found by order id through an {@link OrderIdMap}; a row's
 * {@link #locate locator} stays valid until the row is dropped. Rows also hold the order's links in its account's
 * client-order-id chain (see {@link OrderMemory}). Engine-thread only; other threads get {@link OrderSnapshot} copies.
 */
final class ClosedOrders {
    static final int UNFILLED = 0;
    static final int FILLED = 1;
    /** What {@link #locate} answers for an order without a row. */
    static final long ABSENT = -1;

    private final Ring[] rings = {new Ring(), new Ring()};
    /** Order id → locator: the row's sequence number in its ring × 2 + the ring. */
    private final OrderIdMap rowById = new OrderIdMap(ABSENT);

    /** Copies a closed order into a row of the ring its fills decide. */
    void add(Order o, int listing) {
        int kind = o.executedQty == 0 ? UNFILLED : FILLED;
        long seq = rings[kind].append(o, listing);
        rowById.put(o.orderId, seq << 1 | kind);
    }

    int size(int kind) {
        return rings[kind].size();
    }

    int size() {
        return rings[UNFILLED].size() + rings[FILLED].size();
    }

    /** The locator of the ring's oldest row; the ring must not be empty. */
    long oldest(int kind) {
        return rings[kind].first << 1 | kind;
    }

    /** Drops the ring's oldest row (its locator goes stale). */
    void dropOldest(int kind) {
        Ring ring = rings[kind];
        rowById.remove(ring.cells[ring.at(ring.first) + ORDER_ID]);
        ring.dropOldest();
    }

    /** The row of an order id, or {@link #ABSENT}. */
    long locate(long orderId) {
        return rowById.get(orderId);
    }

    /** Every closed order's id: the rows without fills, then those with, each oldest first. */
    void forEachId(LongConsumer consumer) {
        forEachIdOldestFirst(UNFILLED, consumer);
        forEachIdOldestFirst(FILLED, consumer);
    }

    /** The ring's order ids oldest first (the snapshot's history sections). */
    void forEachIdOldestFirst(int kind, LongConsumer consumer) {
        Ring ring = rings[kind];
        for (long seq = ring.first; seq < ring.next; seq++) consumer.accept(ring.cells[ring.at(seq) + ORDER_ID]);
    }

    // Columns of a located row.

    long orderId(long row) {
        return cell(row, ORDER_ID);
    }

    long accountId(long row) {
        return cell(row, ACCOUNT_ID);
    }

    int listing(long row) {
        return (int) (flags(row) >>> Flags.LISTING_SHIFT);
    }

    String clientOrderId(long row) {
        Ring r = ring(row);
        return r.clientOrderId[r.slot(row >>> 1)];
    }

    long updateTime(long row) {
        return cell(row, UPDATE_TIME);
    }

    boolean amended(long row) {
        return (flags(row) & Flags.AMENDED) != 0;
    }

    void markAmended(long row) {
        setCell(row, FLAGS, flags(row) | Flags.AMENDED);
    }

    long olderWithClientId(long row) {
        return cell(row, OLDER);
    }

    long newerWithClientId(long row) {
        return cell(row, NEWER);
    }

    void setOlderWithClientId(long row, long orderId) {
        setCell(row, OLDER, orderId);
    }

    void setNewerWithClientId(long row, long orderId) {
        setCell(row, NEWER, orderId);
    }

    /** The row as an order value, its instrument the listing's. */
    OrderSnapshot view(long row, Listings listings) {
        Ring r = ring(row);
        int slot = r.slot(row >>> 1);
        int s = slot * STRIDE;
        long f = r.cells[s + FLAGS];
        long cumBase = r.cells[s + CUM_BASE];
        return new OrderSnapshot(r.cells[s + ORDER_ID], r.cells[s + ACCOUNT_ID], listings.get((int) (f >>> Flags.LISTING_SHIFT)),
                r.clientOrderId[slot], Codes.side(Flags.field(f, Flags.SIDE)), Codes.orderType(Flags.field(f, Flags.TYPE)),
                Codes.timeInForce(Flags.field(f, Flags.TIME_IN_FORCE)), Codes.positionSide(Flags.field(f, Flags.POSITION_SIDE)),
                (f & Flags.REDUCE_ONLY) != 0, r.cells[s + PRICE], r.cells[s + ORIG_QTY], r.cells[s + EXECUTED_QTY],
                cumBase == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(cumBase, Money.BASE_SCALE),
                Codes.orderStatus(Flags.field(f, Flags.STATUS)), r.cells[s + TIME], r.cells[s + UPDATE_TIME]);
    }

    /** The row as a detached Order object (snapshots), on {@code book}: the book of the row's listing. */
    Order rebuild(long row, OrderBook book, Listings listings) {
        OrderSnapshot v = view(row, listings);
        Order o = new Order(v.orderId(), v.accountId(), book, v.clientOrderId(), v.side(), v.type(), v.timeInForce(),
                v.positionSide(), v.reduceOnly(), v.price(), v.origQty(), v.time());
        o.executedQty = v.executedQty();
        o.cumBase = cell(row, CUM_BASE);
        o.status = v.status();
        o.updateTime = v.updateTime();
        o.amended = amended(row);
        return o;
    }

    private long flags(long row) {
        return cell(row, FLAGS);
    }

    private long cell(long row, int field) {
        Ring r = ring(row);
        return r.cells[r.at(row >>> 1) + field];
    }

    private void setCell(long row, int field, long value) {
        Ring r = ring(row);
        r.cells[r.at(row >>> 1) + field] = value;
    }

    private Ring ring(long row) {
        return rings[(int) (row & 1)];
    }

    /** One column word for the enums, two booleans and the listing; enums by their explicit {@link Codes}. */
    private static final class Flags {
        static final int SIDE = 0;
        static final int TYPE = 8;
        static final int TIME_IN_FORCE = 16;
        static final int POSITION_SIDE = 24;
        static final int STATUS = 32;
        static final long REDUCE_ONLY = 1L << 40;
        static final long AMENDED = 1L << 41;
        static final int LISTING_SHIFT = 42;

        static long of(Order o, int listing) {
            return (long) Codes.of(o.side) << SIDE | (long) Codes.of(o.type) << TYPE | (long) Codes.of(o.timeInForce) << TIME_IN_FORCE
                    | (long) Codes.of(o.positionSide) << POSITION_SIDE | (long) Codes.of(o.status) << STATUS
                    | (o.reduceOnly ? REDUCE_ONLY : 0) | (o.amended ? AMENDED : 0) | (long) listing << LISTING_SHIFT;
        }

        static int field(long flags, int shift) {
            return (int) (flags >>> shift) & 0xFF;
        }
    }

    /** The columns of a row, at these offsets from its first cell. */
    private static final int ORDER_ID = 0;
    private static final int ACCOUNT_ID = 1;
    private static final int FLAGS = 2;
    private static final int PRICE = 3;
    private static final int ORIG_QTY = 4;
    private static final int EXECUTED_QTY = 5;
    private static final int CUM_BASE = 6;
    private static final int TIME = 7;
    private static final int UPDATE_TIME = 8;
    private static final int OLDER = 9;
    private static final int NEWER = 10;
    private static final int STRIDE = 11;

    /**
     * Rows by sequence number, row-major (a row is 88 bytes in one array: appending one and reading the oldest
     * each touch two cache lines, not one per column), at slot {@code seq & mask}: the capacity is a power of
     * two that doubles when full, so a row's slot follows from its sequence number alone and locators survive
     * growth.
     */
    private static final class Ring {
        private static final int INITIAL = 1024;

        long[] cells = new long[INITIAL * STRIDE];
        String[] clientOrderId = new String[INITIAL];
        int mask = INITIAL - 1;
        /** Sequence numbers of the oldest row and of the next row appended. */
        long first;
        long next;

        int slot(long seq) {
            return (int) seq & mask;
        }

        /** The first cell of the row. */
        int at(long seq) {
            return slot(seq) * STRIDE;
        }

        int size() {
            return (int) (next - first);
        }

        long append(Order o, int listing) {
            if (next - first == mask + 1) grow();
            long seq = next++;
            int s = at(seq);
            long[] c = cells;
            c[s + ORDER_ID] = o.orderId;
            c[s + ACCOUNT_ID] = o.accountId;
            c[s + FLAGS] = Flags.of(o, listing);
            c[s + PRICE] = o.price;
            c[s + ORIG_QTY] = o.origQty;
            c[s + EXECUTED_QTY] = o.executedQty;
            c[s + CUM_BASE] = o.cumBase;
            c[s + TIME] = o.time;
            c[s + UPDATE_TIME] = o.updateTime;
            c[s + OLDER] = o.olderWithClientId;
            c[s + NEWER] = o.newerWithClientId;
            clientOrderId[slot(seq)] = o.clientOrderId;
            return seq;
        }

        void dropOldest() {
            clientOrderId[slot(first)] = null; // the only reference a row holds
            first++;
        }

        private void grow() {
            int capacity = (mask + 1) * 2;
            int newMask = capacity - 1;
            long[] grownCells = new long[capacity * STRIDE];
            String[] grownIds = new String[capacity];
            for (long seq = first; seq < next; seq++) {
                int to = (int) seq & newMask;
                System.arraycopy(cells, at(seq), grownCells, to * STRIDE, STRIDE);
                grownIds[to] = clientOrderId[slot(seq)];
            }
            cells = grownCells;
            clientOrderId = grownIds;
            mask = newMask;
        }
    }
}
