package com.papisandbox.engine;

import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The amendments the engine remembers, for Query CM Modify Order History. Each amended order has a
 * history (its amendment count and its rows); all rows also form one list in amendment-id order, so the
 * oldest rows beyond {@link #cap} are dropped first and memory stays bounded. A history is dropped with
 * its order ({@link #forget}). Only orders that were ever amended cost anything: place and cancel never
 * touch this class. Engine-thread only.
 */
final class AmendmentLog {
    /** At most this many amendments per order (Binance's limit, spec §6.3); the next is -5026. */
    static final int MAX_PER_ORDER = 10_000;
    /** Rows kept in all: ~80 bytes each, so 100,000 rows are ~8 MB. */
    static final int DEFAULT_CAP = 100_000;

    private static final class Row {
        final Amendment value;
        Row older;
        Row newer;
        Row olderOfOrder;
        Row newerOfOrder;

        Row(Amendment value) {
            this.value = value;
        }
    }

    /** One order's amendments: the count survives rows dropped by the cap. */
    private static final class History {
        int count;
        Row oldest;
        Row newest;
    }

    private final int cap;
    private final Long2ObjectHashMap<History> byOrder = new Long2ObjectHashMap<>();
    private Row oldest;
    private Row newest;
    private int rows;
    private long nextAmendmentId = 1;

    AmendmentLog(int cap) {
        this.cap = cap;
    }

    /** How many times the order has been amended. */
    int count(Order order) {
        if (!order.amended) return 0;
        return byOrder.get(order.orderId).count;
    }

    /** Records that {@code order} (already changed) had {@code priceBefore}/{@code origQtyBefore} until {@code time}. */
    Amendment record(Order order, long time, long priceBefore, long origQtyBefore) {
        History history = order.amended ? byOrder.get(order.orderId) : newHistory(order);
        Amendment amendment = new Amendment(nextAmendmentId++, order.orderId, order.book.instrument(), order.clientOrderId,
                time, priceBefore, order.price, origQtyBefore, order.origQty, ++history.count);
        append(history, new Row(amendment));
        while (rows > cap) drop(byOrder.get(oldest.value.orderId()), oldest);
        return amendment;
    }

    /** Drops the order's history ({@code amended}: whether it has one); called when the engine forgets the order. */
    void forget(long orderId, boolean amended) {
        if (!amended) return;
        History history = byOrder.remove(orderId);
        while (history.oldest != null) drop(history, history.oldest);
    }

    /** The order's amendments with {@code startTime <= time <= endTime}, newest first, at most {@code limit}. */
    List<Amendment> of(long orderId, long startTime, long endTime, int limit) {
        List<Amendment> result = new ArrayList<>();
        History history = byOrder.get(orderId);
        if (history == null) return result;
        for (Row r = history.newest; r != null && result.size() < limit; r = r.olderOfOrder) {
            long time = r.value.time();
            if (time < startTime) break; // older rows are older still
            if (time <= endTime) result.add(r.value);
        }
        return result;
    }

    private History newHistory(Order order) {
        order.amended = true;
        return newHistory(order.orderId);
    }

    private History newHistory(long orderId) {
        History history = new History();
        byOrder.put(orderId, history);
        return history;
    }

    private void append(History history, Row row) {
        row.older = newest;
        if (newest == null) oldest = row; else newest.newer = row;
        newest = row;
        row.olderOfOrder = history.newest;
        if (history.newest == null) history.oldest = row; else history.newest.newerOfOrder = row;
        history.newest = row;
        rows++;
    }

    private void drop(History history, Row row) {
        if (row.older == null) oldest = row.newer; else row.older.newer = row.newer;
        if (row.newer == null) newest = row.older; else row.newer.older = row.older;
        if (row.olderOfOrder == null) history.oldest = row.newerOfOrder; else row.olderOfOrder.newerOfOrder = row.newerOfOrder;
        if (row.newerOfOrder == null) history.newest = row.olderOfOrder; else row.newerOfOrder.olderOfOrder = row.olderOfOrder;
        rows--;
    }

    int rows() {
        return rows;
    }

    /** How many orders have a history (each a remembered, amended order). */
    int histories() {
        return byOrder.size();
    }

    // Snapshot section: the counter, each history's count (by order id) and every row in id order.

    void write(SnapshotBuffer.Out out) {
        out.writeLong(nextAmendmentId);
        long[] orderIds = byOrder.keySet().stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(orderIds);
        out.writeInt(orderIds.length);
        for (long orderId : orderIds) {
            out.writeLong(orderId);
            out.writeInt(byOrder.get(orderId).count);
        }
        out.writeInt(rows);
        for (Row r = oldest; r != null; r = r.newer) {
            Amendment a = r.value;
            out.writeLong(a.amendmentId());
            out.writeLong(a.orderId());
            out.writeLong(a.time());
            out.writeLong(a.priceBefore());
            out.writeLong(a.priceAfter());
            out.writeLong(a.origQtyBefore());
            out.writeLong(a.origQtyAfter());
            out.writeInt(a.count());
        }
    }

    /** Reads the section back; the orders are restored already (open and closed), and are marked amended here. */
    void read(SnapshotBuffer.In in, OrderMemory orders) {
        nextAmendmentId = in.readLong();
        int histories = in.readInt();
        for (int i = 0; i < histories; i++) {
            long orderId = in.readLong();
            if (!orders.remembers(orderId) || byOrder.containsKey(orderId)) {
                throw new IllegalArgumentException("snapshot amendments name a missing order");
            }
            orders.markAmended(orderId);
            newHistory(orderId).count = in.readInt();
        }
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            long amendmentId = in.readLong();
            long orderId = in.readLong();
            History history = byOrder.get(orderId);
            OrderView order = orders.copy(orderId);
            if (history == null || order == null) throw new IllegalArgumentException("snapshot amendment of an order without history");
            Amendment a = new Amendment(amendmentId, orderId, order.instrument(), order.clientOrderId(),
                    in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readInt());
            append(history, new Row(a));
        }
    }
}
