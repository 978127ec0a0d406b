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
    /** Open orders, oldest first: orders open in id order, so this is also id order. */
    Order openHead;
    Order openTail;
    int openTotal;
    final Map<String, Order> openByClientId = new HashMap<>();
    /** The newest order per client order id (any symbol, open or not); older ones hang off it. */
    final Map<String, Order> latestByClientId = new HashMap<>();
    final Map<String, int[]> openCountBySymbol = new HashMap<>();
    /** Signed position in contracts per symbol (one-way mode). */
    final Map<String, long[]> positions = new HashMap<>();
    /** Resting reduce-only orders, so fills need not scan accounts that have none. */
    int openReduceOnly;

    Account(long accountId, String apiKey, String credential, Map<String, BigDecimal> balances) {
        this.accountId = accountId;
        this.apiKey = apiKey;
        this.credential = credential;
        this.balances = new TreeMap<>(balances);
    }

    public long accountId() { return accountId; }
    public String apiKey() { return apiKey; }
    public String credential() { return credential; }
    public Map<String, BigDecimal> balances() { return Map.copyOf(balances); }

    public long position(String symbol) {
        long[] p = positions.get(symbol);
        return p == null ? 0 : p[0];
    }

    /** Positions by symbol, sorted, zero positions included once they existed. */
    public Map<String, Long> positions() {
        Map<String, Long> result = new TreeMap<>();
        positions.forEach((symbol, p) -> result.put(symbol, p[0]));
        return result;
    }

    /** Open orders, oldest first. */
    public List<Order> openOrderList() {
        List<Order> result = new ArrayList<>(openTotal);
        for (Order o = openHead; o != null; o = o.accountNext) result.add(o);
        return result;
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
    Order latestWithClientId(String symbol, String clientOrderId) {
        for (Order o = latestByClientId.get(clientOrderId); o != null; o = o.olderWithClientId) {
            if (o.instrument.symbol().equals(symbol)) return o;
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
        openByClientId.put(order.clientOrderId, order);
        openCountBySymbol.computeIfAbsent(order.instrument.symbol(), k -> new int[1])[0]++;
    }

    void closed(Order order) {
        if (order.reduceOnly) openReduceOnly--;
        if (order.accountPrev == null) openHead = order.accountNext; else order.accountPrev.accountNext = order.accountNext;
        if (order.accountNext == null) openTail = order.accountPrev; else order.accountNext.accountPrev = order.accountPrev;
        order.accountPrev = null;
        order.accountNext = null;
        openTotal--;
        openByClientId.remove(order.clientOrderId, order);
        openCountBySymbol.get(order.instrument.symbol())[0]--;
    }

    int openCount(String symbol) {
        int[] n = openCountBySymbol.get(symbol);
        return n == null ? 0 : n[0];
    }

    void filled(Order order, long qty) {
        positions.computeIfAbsent(order.instrument.symbol(), k -> new long[1])[0] += order.side.sign() * qty;
    }
}
