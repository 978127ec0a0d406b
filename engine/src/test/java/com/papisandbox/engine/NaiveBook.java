package com.papisandbox.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A deliberately simple reference for one symbol's book, written from the spec rather than from
 * {@link OrderBook}: resting orders live in a plain list; a taker collects the crossing orders of the other
 * side, sorts them by price (best first) and then by order id (oldest first), and fills them in that order. It
 * produces the events the engine must emit. GTX orders that do not cross rest (spec §6.2: post-only).
 */
final class NaiveBook {
    static final class Resting {
        final long orderId;
        final long accountId;
        final Side side;
        final long price;
        long remaining;

        Resting(long orderId, long accountId, Side side, long price, long remaining) {
            this.orderId = orderId;
            this.accountId = accountId;
            this.side = side;
            this.price = price;
            this.remaining = remaining;
        }
    }

    /** The expected reply: a reject, or the events in order. */
    record Outcome(Reject reject, List<Event> events) {
    }

    private final String symbol;
    private final List<Resting> resting = new ArrayList<>();
    private long nextOrderId = Engine.FIRST_ORDER_ID;
    private long nextTradeId = 1;

    NaiveBook(String symbol) {
        this.symbol = symbol;
    }

    static Comparator<Resting> priority(Side side) {
        Comparator<Resting> byPrice = Comparator.comparingLong(r -> r.price);
        if (side == Side.BUY) byPrice = byPrice.reversed();
        return byPrice.thenComparingLong(r -> r.orderId);
    }

    /** Resting orders of a side in priority order, as {orderId, remaining}. */
    List<List<Long>> side(Side side) {
        return resting.stream().filter(r -> r.side == side).sorted(priority(side))
                .map(r -> List.of(r.orderId, r.remaining)).toList();
    }

    Outcome place(long accountId, Side side, OrderType type, TimeInForce tif, long price, long qty) {
        List<Resting> crossing = resting.stream()
                .filter(r -> r.side != side)
                .filter(r -> type == OrderType.MARKET || (side == Side.BUY ? r.price <= price : r.price >= price))
                .sorted(priority(side.opposite()))
                .toList();
        long available = crossing.stream().mapToLong(r -> r.remaining).sum();
        // a MARKET order that finds nothing at all is refused, as Binance futures refuse it (-2020)
        if (type == OrderType.MARKET && crossing.isEmpty()) return new Outcome(Reject.UNABLE_TO_FILL, List.of());
        if (tif == TimeInForce.FOK && available < qty) return new Outcome(Reject.FOK_WOULD_NOT_FILL, List.of());
        if (tif == TimeInForce.GTX && !crossing.isEmpty()) return new Outcome(Reject.GTX_WOULD_TAKE, List.of());

        long orderId = nextOrderId++;
        long orderPrice = type == OrderType.MARKET ? 0 : price;
        List<Event> events = new ArrayList<>();
        events.add(new Event.Accepted(orderId, accountId, symbol, side, orderPrice, qty));
        long remaining = qty;
        for (Resting maker : crossing) {
            if (remaining == 0) break;
            long fill = Math.min(remaining, maker.remaining);
            maker.remaining -= fill;
            remaining -= fill;
            long tradeId = nextTradeId++;
            events.add(new Event.Traded(maker.orderId, tradeId, true, maker.price, fill, maker.remaining));
            events.add(new Event.Traded(orderId, tradeId, false, maker.price, fill, remaining));
            if (maker.remaining == 0) resting.remove(maker);
        }
        if (remaining > 0) {
            if (type == OrderType.LIMIT && (tif == TimeInForce.GTC || tif == TimeInForce.GTX)) {
                resting.add(new Resting(orderId, accountId, side, price, remaining));
            } else {
                events.add(new Event.Expired(orderId, remaining));
            }
        }
        return new Outcome(null, events);
    }

    Outcome cancel(long accountId, long orderId) {
        for (Resting r : resting) {
            if (r.orderId == orderId && r.accountId == accountId) {
                resting.remove(r);
                return new Outcome(null, List.of(new Event.Canceled(orderId, r.remaining)));
            }
        }
        return new Outcome(Reject.UNKNOWN_ORDER_ON_CANCEL, List.of());
    }

    Outcome cancelAll(long accountId) {
        List<Resting> mine = resting.stream().filter(r -> r.accountId == accountId)
                .sorted(Comparator.comparingLong(r -> r.orderId)).toList();
        resting.removeAll(mine);
        return new Outcome(null, mine.stream().<Event>map(r -> new Event.Canceled(r.orderId, r.remaining)).toList());
    }
}
