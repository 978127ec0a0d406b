package com.papisandbox.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A trading account: its credentials, balances, positions and open orders. */
public final class Account {
    final long accountId;
    final String apiKey;
    final String credential;
    final Map<String, BigDecimal> balances;
    /** The engine's instruments, by {@link OrderBook#index}: the per-instrument arrays below follow it. */
    private final List<Instrument> instruments;
    /** Open orders, oldest first: orders open in id order, so this is also id order. */
    Order openHead;
    Order openTail;
    int openTotal;
    /**
     * The newest order per client order id (any symbol, open or not); older ones hang off it. An open
     * order is always the newest with its client order id (a second one is refused while it is open), so
     * this also finds open orders by client order id.
     */
    final Map<String, Order> latestByClientId = new HashMap<>();
    /** Open orders per instrument. */
    private final int[] openCount;
    /** Signed position in contracts per instrument (one-way mode), and whether it ever existed. */
    private final long[] position;
    private final boolean[] hasPosition;
    /** Resting reduce-only orders, so fills need not scan accounts that have none. */
    int openReduceOnly;

    Account(long accountId, String apiKey, String credential, Map<String, BigDecimal> balances, List<Instrument> instruments) {
        this.accountId = accountId;
        this.apiKey = apiKey;
        this.credential = credential;
        this.balances = new TreeMap<>(balances);
        this.instruments = instruments;
        this.openCount = new int[instruments.size()];
        this.position = new long[instruments.size()];
        this.hasPosition = new boolean[instruments.size()];
    }

    public long accountId() { return accountId; }
    public String apiKey() { return apiKey; }
    public String credential() { return credential; }
    public Map<String, BigDecimal> balances() { return Map.copyOf(balances); }

    long position(OrderBook book) {
        return position[book.index];
    }

    /** Positions by symbol, sorted, zero positions included once they existed. */
    public Map<String, Long> positions() {
        Map<String, Long> result = new TreeMap<>();
        for (int i = 0; i < position.length; i++) {
            if (hasPosition[i]) result.put(instruments.get(i).symbol(), position[i]);
        }
        return result;
    }

    void restorePosition(OrderBook book, long contracts) {
        position[book.index] = contracts;
        hasPosition[book.index] = true;
    }

    /** Open orders, oldest first. */
    public List<Order> openOrderList() {
        List<Order> result = new ArrayList<>(openTotal);
        for (Order o = openHead; o != null; o = o.accountNext) result.add(o);
        return result;
    }

    /** The newest order with this client order id (any symbol), or null. */
    Order latestWithClientId(String clientOrderId) {
        return latestByClientId.get(clientOrderId);
    }

    /** Records a new order under its client order id, in front of older orders with the same id. */
    void placed(Order order) {
        Order older = latestByClientId.put(order.clientOrderId, order);
        if (older != null) {
            order.olderWithClientId = older;
            older.newerWithClientId = order;
        }
    }

    /** The newest order of this symbol with this client order id, or null. */
    Order latestWithClientId(OrderBook book, String clientOrderId) {
        for (Order o = latestByClientId.get(clientOrderId); o != null; o = o.olderWithClientId) {
            if (o.book == book) return o;
        }
        return null;
    }

    /** Drops a forgotten order from the client-id chains. */
    void forget(Order order) {
        Order newer = order.newerWithClientId;
        Order older = order.olderWithClientId;
        if (newer != null) newer.olderWithClientId = older;
        else if (older != null) latestByClientId.put(order.clientOrderId, older);
        else latestByClientId.remove(order.clientOrderId, order);
        if (older != null) older.newerWithClientId = newer;
        order.newerWithClientId = null;
        order.olderWithClientId = null;
    }

    void opened(Order order) {
        if (order.reduceOnly) openReduceOnly++;
        order.accountPrev = openTail;
        order.accountNext = null;
        if (openTail == null) openHead = order; else openTail.accountNext = order;
        openTail = order;
        openTotal++;
        openCount[order.book.index]++;
    }

    void closed(Order order) {
        if (order.reduceOnly) openReduceOnly--;
        if (order.accountPrev == null) openHead = order.accountNext; else order.accountPrev.accountNext = order.accountNext;
        if (order.accountNext == null) openTail = order.accountPrev; else order.accountNext.accountPrev = order.accountPrev;
        order.accountPrev = null;
        order.accountNext = null;
        openTotal--;
        openCount[order.book.index]--;
    }

    int openCount(OrderBook book) {
        return openCount[book.index];
    }

    void filled(Order order, long qty) {
        int i = order.book.index;
        position[i] += order.side.sign() * qty;
        hasPosition[i] = true;
    }
}
