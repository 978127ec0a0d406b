package com.papisandbox.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * An {@link Engine} with a recording event listener and a test clock: every command runs at {@link #now}, which
 * then advances by one millisecond, so each command has its own timestamp.
 */
final class EngineHarness {
    /** 2025-06-15T00:00:00Z. */
    static final long T0 = 1_749_945_600_000L;
    static final long DAY = 24L * 60 * 60 * 1000;

    final List<Event> events = new ArrayList<>();
    final Engine engine;
    long now = T0;
    private int clientIds;

    EngineHarness() {
        this(TestInstruments.all());
    }

    EngineHarness(Instrument... instruments) {
        this(List.of(instruments));
    }

    EngineHarness(Collection<Instrument> instruments) {
        engine = new Engine(instruments, events::add);
    }

    Result execute(Command command) {
        return engine.execute(command, now++);
    }

    Result query(Query query) {
        return engine.query(query, now++);
    }

    long openAccount(String apiKey) {
        Result r = execute(new Command.OpenAccount(apiKey, apiKey + "-secret", Map.of("BTC", BigDecimal.TEN, "ETH", new BigDecimal(100))));
        assertThat(r).isInstanceOf(Result.AccountOpened.class);
        return ((Result.AccountOpened) r).accountId();
    }

    /** The order lifecycle events (Accepted, Traded, Canceled, Expired, Amended) since the last call, in order; clears the record. */
    List<Event> drain() {
        return orderLifecycle(drainAll());
    }

    /** Every event since the last call, ledger events included, in order; clears the record. */
    List<Event> drainAll() {
        List<Event> copy = List.copyOf(events);
        events.clear();
        return copy;
    }

    static List<Event> orderLifecycle(List<Event> events) {
        return events.stream().filter(e -> e instanceof Event.Accepted || e instanceof Event.Traded
                || e instanceof Event.Canceled || e instanceof Event.Expired || e instanceof Event.Amended).toList();
    }

    String nextClientId() {
        return "cid-" + (++clientIds);
    }

    Result place(long account, String symbol, Side side, OrderType type, TimeInForce tif, long price, long qty,
                 String clientOrderId) {
        return execute(new Command.PlaceOrder(account, symbol, side, type, tif, PositionSide.BOTH, false, price, qty,
                clientOrderId));
    }

    Result limit(long account, String symbol, Side side, TimeInForce tif, long price, long qty) {
        return place(account, symbol, side, OrderType.LIMIT, tif, price, qty, nextClientId());
    }

    Result market(long account, String symbol, Side side, long qty) {
        return place(account, symbol, side, OrderType.MARKET, null, 0, qty, nextClientId());
    }

    /** A LIMIT GTC BTCUSD_PERP order that must be accepted; its state after the command. */
    OrderView gtc(long account, Side side, long price, long qty) {
        return accepted(limit(account, TestInstruments.BTC, side, TimeInForce.GTC, price, qty));
    }

    OrderView gtc(long account, String symbol, Side side, long price, long qty) {
        return accepted(limit(account, symbol, side, TimeInForce.GTC, price, qty));
    }

    OrderView gtc(long account, Side side, long price, long qty, String clientOrderId) {
        return accepted(place(account, TestInstruments.BTC, side, OrderType.LIMIT, TimeInForce.GTC, price, qty,
                clientOrderId));
    }

    static OrderView accepted(Result result) {
        assertThat(result).isInstanceOf(Result.OrderResult.class);
        return ((Result.OrderResult) result).order();
    }

    static OrderView acknowledged(Result result) {
        assertThat(result).isInstanceOf(Result.OrderResult.class);
        return ((Result.OrderResult) result).acknowledged();
    }

    Result cancel(long account, String symbol, long orderId) {
        return execute(new Command.CancelOrder(account, symbol, orderId, null));
    }

    Result cancelByClientId(long account, String symbol, String clientOrderId) {
        return execute(new Command.CancelOrder(account, symbol, -1, clientOrderId));
    }

    Result queryOrder(long account, String symbol, long orderId) {
        return query(new Query.OrderLookup(account, symbol, orderId, null));
    }

    /** The order as QueryOrder shows it now; fails if it is not found. */
    OrderView order(long account, String symbol, long orderId) {
        Result r = queryOrder(account, symbol, orderId);
        assertThat(r).as("query order %d", orderId).isInstanceOf(Result.Orders.class);
        List<OrderView> orders = ((Result.Orders) r).orders();
        assertThat(orders).hasSize(1);
        return orders.get(0);
    }

    OrderView order(OrderView order) {
        return order(order.accountId(), order.instrument().symbol(), order.orderId());
    }

    List<OrderView> openOrders(long account, String symbol, String pair) {
        Result r = query(new Query.OpenOrders(account, symbol, pair));
        assertThat(r).isInstanceOf(Result.Orders.class);
        return ((Result.Orders) r).orders();
    }

    long position(long account, String symbol) {
        return engine.accounts().stream().filter(a -> a.accountId() == account).findFirst().orElseThrow().positions().getOrDefault(symbol, 0L);
    }

    /**
     * Every order the engine has ever accepted, oldest first, collected through QueryOrder only (the engine
     * exposes no other list). Queries run at timestamp 0, before any order's creation, so the 3-day rule
     * hides nothing. Queries do not change state.
     */
    static List<OrderView> allOrders(Engine engine) {
        List<OrderView> result = new ArrayList<>();
        for (long id = Engine.FIRST_ORDER_ID; id < engine.nextOrderId(); id++) {
            OrderView found = null;
            for (Account account : engine.accounts()) {
                for (String symbol : engine.instruments().keySet()) {
                    Result r = engine.query(new Query.OrderLookup(account.accountId(), symbol, id, null), 0);
                    if (r instanceof Result.Orders o) {
                        assertThat(found).as("order %d found twice", id).isNull();
                        found = o.orders().get(0).copy();
                    }
                }
            }
            assertThat(found).as("order %d not found", id).isNotNull();
            result.add(found);
        }
        return result;
    }

    /**
     * A result with every order view copied into a value: results of different engines compare equal
     * when they say the same (a closed order is its own view, equal only to itself).
     */
    static Result byValue(Result result) {
        if (result instanceof Result.OrderResult r) {
            return new Result.OrderResult(r.acknowledged().copy(), r.order().copy(), r.changedState());
        }
        if (result instanceof Result.Orders r) return new Result.Orders(copies(r.orders()));
        if (result instanceof Result.OrdersCanceled r) return new Result.OrdersCanceled(copies(r.canceled()));
        return result;
    }

    private static List<OrderView> copies(List<OrderView> views) {
        return views.stream().<OrderView>map(OrderView::copy).toList();
    }

    List<OrderView> allOrders() {
        return allOrders(engine);
    }
}
