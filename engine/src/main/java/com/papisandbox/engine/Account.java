package com.papisandbox.engine;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** A trading account: its credentials, balances, positions and open orders. */
public final class Account {
    final long accountId;
    final String apiKey;
    final String credential;
    final Map<String, BigDecimal> balances;
    /** Open orders, oldest first (order ids grow with time). */
    final TreeMap<Long, Order> openOrders = new TreeMap<>();
    final Map<String, Order> openByClientId = new HashMap<>();
    /** The newest order per symbol and client order id, open or not, for queries by origClientOrderId. */
    final Map<String, Order> latestByClientId = new HashMap<>();
    final Map<String, Integer> openCountBySymbol = new HashMap<>();
    /** Signed position in contracts per symbol (one-way mode). */
    final Map<String, Long> positions = new HashMap<>();

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
        return positions.getOrDefault(symbol, 0L);
    }

    /** Resting reduce-only orders, so fills need not scan accounts that have none. */
    int openReduceOnly;

    static String clientKey(String symbol, String clientOrderId) {
        return symbol + ' ' + clientOrderId;
    }

    void opened(Order order) {
        if (order.reduceOnly) openReduceOnly++;
        openOrders.put(order.orderId, order);
        openByClientId.put(order.clientOrderId, order);
        openCountBySymbol.merge(order.instrument.symbol(), 1, Integer::sum);
    }

    void closed(Order order) {
        if (order.reduceOnly) openReduceOnly--;
        openOrders.remove(order.orderId);
        openByClientId.remove(order.clientOrderId, order);
        openCountBySymbol.merge(order.instrument.symbol(), -1, Integer::sum);
    }

    int openCount(String symbol) {
        return openCountBySymbol.getOrDefault(symbol, 0);
    }

    void filled(Order order, long qty) {
        positions.merge(order.instrument.symbol(), order.side.sign() * qty, Long::sum);
    }
}
