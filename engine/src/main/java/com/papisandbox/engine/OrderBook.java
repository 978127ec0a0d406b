package com.papisandbox.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The resting orders of one instrument, shared by all accounts, in price-time priority. Entering and
 * removing a price level costs O(log levels); removing an order from its level costs O(1).
 */
public final class OrderBook {
    /** What the book reports for each match, in the order the matches happen. */
    public interface MatchListener {
        void onMatch(Order maker, Order taker, long qty, long price);
    }

    private final Instrument instrument;
    private final NavigableMap<Long, PriceLevel> bids = new TreeMap<>(Collections.reverseOrder());
    private final NavigableMap<Long, PriceLevel> asks = new TreeMap<>();
    private int restingCount;

    public OrderBook(Instrument instrument) {
        this.instrument = instrument;
    }

    public Instrument instrument() {
        return instrument;
    }

    public int restingCount() {
        return restingCount;
    }

    void rest(Order order) {
        NavigableMap<Long, PriceLevel> side = levels(order.side);
        PriceLevel level = side.get(order.price);
        if (level == null) {
            level = new PriceLevel(order.price);
            side.put(order.price, level);
        }
        level.append(order);
        restingCount++;
    }

    void remove(Order order) {
        PriceLevel level = order.level;
        if (level == null) {
            throw new IllegalStateException("order is not resting: " + order);
        }
        level.remove(order);
        restingCount--;
        if (level.isEmpty()) {
            levels(order.side).remove(level.price);
        }
    }

    /** True if an order at {@code price} on {@code side} would trade at once against the book. */
    boolean wouldCross(Side side, long price, OrderType type) {
        PriceLevel best = best(side.opposite());
        return best != null && crosses(side, price, type, best.price);
    }

    /** The quantity the opposite side offers at prices acceptable to the order, counted up to {@code needed}. */
    long availableQty(Side side, long price, OrderType type, long needed) {
        long available = 0;
        for (PriceLevel level : levels(side.opposite()).values()) {
            if (!crosses(side, price, type, level.price)) break;
            for (Order o = level.head; o != null; o = o.next) {
                available += o.remainingQty();
                if (available >= needed) return available;
            }
        }
        return available;
    }

    /** Trades {@code taker} against the opposite side until it is filled or no longer crosses. */
    void match(Order taker, long timestamp, MatchListener listener) {
        NavigableMap<Long, PriceLevel> opposite = levels(taker.side.opposite());
        while (taker.remainingQty() > 0) {
            Map.Entry<Long, PriceLevel> bestEntry = opposite.firstEntry();
            if (bestEntry == null) return;
            PriceLevel level = bestEntry.getValue();
            if (!crosses(taker.side, taker.price, taker.type, level.price)) return;
            while (level.head != null && taker.remainingQty() > 0) {
                Order maker = level.head;
                long qty = Math.min(maker.remainingQty(), taker.remainingQty());
                maker.fill(qty, level.price, timestamp);
                taker.fill(qty, level.price, timestamp);
                if (maker.remainingQty() == 0) {
                    level.remove(maker);
                    restingCount--;
                }
                listener.onMatch(maker, taker, qty, level.price);
            }
            if (level.isEmpty()) {
                opposite.remove(level.price);
            }
        }
    }

    /** Resting orders of one side, best price first, time priority within a price. */
    public List<Order> orders(Side side) {
        List<Order> result = new ArrayList<>();
        for (PriceLevel level : levels(side).values()) {
            for (Order o = level.head; o != null; o = o.next) result.add(o);
        }
        return result;
    }

    /** Best price of a side in price units, or empty. */
    public java.util.OptionalLong bestPrice(Side side) {
        PriceLevel best = best(side);
        return best == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(best.price);
    }

    private PriceLevel best(Side side) {
        Map.Entry<Long, PriceLevel> e = levels(side).firstEntry();
        return e == null ? null : e.getValue();
    }

    private static boolean crosses(Side takerSide, long takerPrice, OrderType takerType, long makerPrice) {
        if (takerType == OrderType.MARKET) return true;
        return takerSide == Side.BUY ? makerPrice <= takerPrice : makerPrice >= takerPrice;
    }

    private NavigableMap<Long, PriceLevel> levels(Side side) {
        return side == Side.BUY ? bids : asks;
    }
}
