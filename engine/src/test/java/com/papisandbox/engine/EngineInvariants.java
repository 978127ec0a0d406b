package com.papisandbox.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whole-engine consistency checks, read through the engine's package-private state and its queries. Every
 * order ever accepted is located through the Accepted events seen so far ({@link #record}).
 */
final class EngineInvariants {
    private final Engine engine;
    private final Map<Long, Event.Accepted> accepted = new HashMap<>();
    private final Map<Long, Long> tradedQtyByTradeId = new HashMap<>();
    private long makerQty;
    private long takerQty;

    EngineInvariants(Engine engine) {
        this.engine = engine;
    }

    /** Takes in the events of one command and checks what can be checked on events alone. */
    void record(List<Event> events) {
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (e instanceof Event.Accepted a) {
                assertThat(accepted.put(a.orderId(), a)).as("accepted twice: %s", a).isNull();
            } else if (e instanceof Event.Traded t) {
                assertThat(accepted).as("trade of an unknown order: %s", t).containsKey(t.orderId());
                if (t.maker()) {
                    makerQty += t.qty();
                    // a maker's trade is always followed by the taker's side of the same trade
                    assertThat(i + 1).isLessThan(events.size());
                    Event next = events.get(i + 1);
                    assertThat(next).isInstanceOf(Event.Traded.class);
                    Event.Traded taker = (Event.Traded) next;
                    assertThat(taker.maker()).isFalse();
                    assertThat(taker.tradeId()).isEqualTo(t.tradeId());
                    assertThat(taker.price()).isEqualTo(t.price());
                    assertThat(taker.qty()).isEqualTo(t.qty());
                    assertThat(accepted.get(taker.orderId()).side()).isNotEqualTo(accepted.get(t.orderId()).side());
                    assertThat(accepted.get(taker.orderId()).symbol()).isEqualTo(accepted.get(t.orderId()).symbol());
                    assertThat(tradedQtyByTradeId.put(t.tradeId(), t.qty())).as("trade id reused").isNull();
                } else {
                    takerQty += t.qty();
                }
                assertThat(t.qty()).isPositive();
                assertThat(t.remainingQty()).isNotNegative();
            }
        }
        assertThat(makerQty).isEqualTo(takerQty);
    }

    void check() {
        Set<Long> resting = new HashSet<>();
        for (Instrument instrument : engine.instruments().values()) {
            resting.addAll(checkBook(engine.book(instrument.symbol())));
        }

        // an order is in a book iff it is open in its account
        Set<Long> openInAccounts = new HashSet<>();
        for (Account account : engine.accounts()) {
            Map<String, Integer> counts = new HashMap<>();
            List<Order> open = account.openOrderList();
            assertThat(open).extracting(o -> o.orderId).isSorted();
            assertThat(open).hasSize(account.openTotal);
            for (Order o : open) {
                assertThat(o.accountId).isEqualTo(account.accountId);
                assertThat(o.status.isOpen()).as("open in account: %s", o).isTrue();
                assertThat(openInAccounts.add(o.orderId)).isTrue();
                assertThat(engine.orderMemory().openWithClientId(account, o.clientOrderId)).as("an open order is the newest with its client id").isSameAs(o);
                counts.merge(o.instrument().symbol(), 1, Integer::sum);
            }
            for (String symbol : engine.instruments().keySet()) {
                assertThat(account.openCount(engine.book(symbol))).isEqualTo(counts.getOrDefault(symbol, 0));
            }
        }
        assertThat(openInAccounts).isEqualTo(resting);

        // every accepted order, through QueryOrder
        Map<String, long[]> executedBySymbolAndSide = new HashMap<>();
        Map<Long, Map<String, Long>> positions = new HashMap<>();
        List<Long> ids = new ArrayList<>(accepted.keySet());
        assertThat(ids).hasSize((int) (engine.nextOrderId() - Engine.FIRST_ORDER_ID));
        for (long id : ids) {
            Event.Accepted a = accepted.get(id);
            Result r = engine.query(new Query.OrderLookup(a.accountId(), a.symbol(), id, null), 0);
            assertThat(r).as("query %d", id).isInstanceOf(Result.Orders.class);
            OrderView o = ((Result.Orders) r).orders().get(0);
            assertThat(o.executedQty()).isBetween(0L, o.origQty());
            assertThat(o.status() == OrderStatus.FILLED).as("FILLED iff complete: %s", o).isEqualTo(o.executedQty() == o.origQty());
            assertThat(o.status() == OrderStatus.NEW).as("NEW iff unfilled and open: %s", o)
                    .isEqualTo(o.executedQty() == 0 && o.status().isOpen());
            assertThat(o.status().isOpen()).as("open iff resting: %s", o).isEqualTo(resting.contains(id));
            assertThat(o.cumBase().signum() == 0).isEqualTo(o.executedQty() == 0);
            assertThat(o.updateTime()).isGreaterThanOrEqualTo(o.time());
            if (o.type() == OrderType.MARKET) {
                assertThat(o.price()).isZero();
                assertThat(o.status().isOpen()).isFalse();
            }
            if (o.executedQty() > 0 && o.type() == OrderType.LIMIT && !engine.orderMemory().amended(id)) {
                // a buy never pays more than its limit, a sell never gets less (a modify may move the limit
                // after fills at the old one)
                long avg = o.avgPrice().movePointRight(o.instrument().pricePrecision()).longValueExact();
                if (o.side() == Side.BUY) assertThat(avg).isLessThanOrEqualTo(o.price());
                else assertThat(avg).isGreaterThanOrEqualTo(o.price());
            }
            long[] sums = executedBySymbolAndSide.computeIfAbsent(a.symbol(), s -> new long[2]);
            sums[o.side().ordinal()] += o.executedQty();
            positions.computeIfAbsent(o.accountId(), k -> new HashMap<>())
                    .merge(a.symbol(), o.side().sign() * o.executedQty(), Long::sum);
        }
        executedBySymbolAndSide.forEach((symbol, sums) ->
                assertThat(sums[Side.BUY.ordinal()]).as("bought = sold on %s", symbol).isEqualTo(sums[Side.SELL.ordinal()]));

        for (String symbol : engine.instruments().keySet()) {
            long net = 0;
            for (Account account : engine.accounts()) {
                long expected = positions.getOrDefault(account.accountId(), Map.of()).getOrDefault(symbol, 0L);
                long position = account.positions().getOrDefault(symbol, 0L);
                assertThat(position).as("position of %d on %s", account.accountId(), symbol).isEqualTo(expected);
                net += position;
            }
            assertThat(net).as("net position on %s", symbol).isZero();
        }
    }

    /** Checks one book's shape; returns the ids resting in it. */
    static Set<Long> checkBook(OrderBook book) {
        Set<Long> ids = new HashSet<>();
        List<Order> bids = book.orders(Side.BUY);
        List<Order> asks = book.orders(Side.SELL);
        checkSide(bids, Side.BUY, book.instrument(), ids);
        checkSide(asks, Side.SELL, book.instrument(), ids);
        assertThat(book.restingCount()).isEqualTo(bids.size() + asks.size());
        if (!bids.isEmpty() && !asks.isEmpty()) {
            assertThat(book.bestPrice(Side.BUY).getAsLong()).as("book crossed").isLessThan(book.bestPrice(Side.SELL).getAsLong());
        }
        assertThat(book.bestPrice(Side.BUY).isPresent()).isEqualTo(!bids.isEmpty());
        assertThat(book.bestPrice(Side.SELL).isPresent()).isEqualTo(!asks.isEmpty());
        if (!bids.isEmpty()) assertThat(book.bestPrice(Side.BUY).getAsLong()).isEqualTo(bids.get(0).price);
        if (!asks.isEmpty()) assertThat(book.bestPrice(Side.SELL).getAsLong()).isEqualTo(asks.get(0).price);
        return ids;
    }

    private static void checkSide(List<Order> orders, Side side, Instrument instrument, Set<Long> ids) {
        Order previous = null;
        Order previousUnamended = null;
        for (Order o : orders) {
            assertThat(o.side).isEqualTo(side);
            assertThat(o.instrument()).isEqualTo(instrument);
            assertThat(o.type).isEqualTo(OrderType.LIMIT);
            assertThat(o.status).as("resting %s", o).isIn(OrderStatus.NEW, OrderStatus.PARTIALLY_FILLED);
            assertThat(o.remainingQty()).as("resting %s", o).isPositive();
            assertThat(o.level).isNotNull();
            assertThat(o.level.price).isEqualTo(o.price);
            assertThat(ids.add(o.orderId)).isTrue();
            if (previous != null) {
                // best price first, then oldest first
                int cmp = side == Side.BUY ? Long.compare(previous.price, o.price) : Long.compare(o.price, previous.price);
                assertThat(cmp).as("price order").isGreaterThanOrEqualTo(0);
            }
            // within a level, orders never modified keep their id (time) order; a modified one was re-queued
            if (previousUnamended != null && previousUnamended.price != o.price) previousUnamended = null;
            if (!o.amended) {
                if (previousUnamended != null) assertThat(previousUnamended.orderId).isLessThan(o.orderId);
                previousUnamended = o;
            }
            previous = o;
        }
    }
}
