package com.papisandbox.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * All trading state and the rules that change it. Not thread-safe by design: exactly one thread (the
 * engine thread) calls {@link #execute}, in sequence order, so the engine needs no locks and is
 * deterministic: the same commands with the same timestamps always produce the same state.
 */
public final class Engine {
    /** Cancelled or expired orders without fills are forgotten by queries after this long (spec §6.5). */
    public static final long UNFILLED_CLOSED_ORDER_VISIBILITY_MS = 3L * 24 * 60 * 60 * 1000;
    /** Order ids start here, so they look like exchange ids, and stay far below 2^53. */
    public static final long FIRST_ORDER_ID = 100_000_000L;
    private static final long MAX_SAFE_ID = (1L << 53) - 1;

    private final Map<String, Instrument> instruments = new LinkedHashMap<>();
    private final Map<String, OrderBook> books = new HashMap<>();
    private final Map<Long, Order> ordersById = new HashMap<>();
    private final Map<Long, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Account> accountsByKey = new HashMap<>();
    private final Consumer<Event> events;
    /** Accounts whose position changed in the current command. */
    private final java.util.Set<Account> touchedAccounts = new java.util.LinkedHashSet<>();

    private long nextOrderId = FIRST_ORDER_ID;
    private long nextTradeId = 1;
    private long nextAccountId = 1;

    public Engine(Collection<Instrument> instrumentList, Consumer<Event> events) {
        for (Instrument instrument : instrumentList) {
            if (instruments.putIfAbsent(instrument.symbol(), instrument) != null) {
                throw new IllegalArgumentException("duplicate instrument " + instrument.symbol());
            }
            books.put(instrument.symbol(), new OrderBook(instrument));
        }
        this.events = events;
    }

    public Result execute(Command command, long timestamp) {
        if (command instanceof Command.CancelOrder c) return cancel(c, timestamp);
        if (command instanceof Command.PlaceOrder c) return place(c, timestamp);
        if (command instanceof Command.CancelAllOrders c) return cancelAll(c, timestamp);
        if (command instanceof Command.QueryOrder c) return queryOrder(c, timestamp);
        if (command instanceof Command.QueryOpenOrder c) return queryOpenOrder(c);
        if (command instanceof Command.QueryOpenOrders c) return queryOpenOrders(c);
        if (command instanceof Command.OpenAccount c) return openAccount(c);
        throw new IllegalArgumentException("unknown command " + command);
    }

    public Map<String, Instrument> instruments() {
        return instruments;
    }

    public OrderBook book(String symbol) {
        return books.get(symbol);
    }

    public Collection<Account> accounts() {
        return accounts.values();
    }

    public long nextOrderId() {
        return nextOrderId;
    }

    /** Number of orders the engine remembers (open and closed). */
    public int orderCount() {
        return ordersById.size();
    }

    public Account account(String apiKey) {
        return accountsByKey.get(apiKey);
    }

    /** Open orders of an account, oldest first. */
    public List<OrderView> openOrders(long accountId) {
        Account account = accounts.get(accountId);
        List<OrderView> result = new ArrayList<>();
        if (account != null) {
            for (Order o : account.openOrders.values()) result.add(o.view());
        }
        return result;
    }

    // Snapshot support (EngineSnapshot): package-private access to the raw state.

    long nextOrderIdCounter() {
        return nextOrderId;
    }

    long nextTradeIdCounter() {
        return nextTradeId;
    }

    long nextAccountIdCounter() {
        return nextAccountId;
    }

    List<Order> ordersInIdOrder() {
        List<Order> orders = new ArrayList<>(ordersById.values());
        orders.sort(java.util.Comparator.comparingLong(o -> o.orderId));
        return orders;
    }

    void restoreAccount(Account account) {
        accounts.put(account.accountId, account);
        accountsByKey.put(account.apiKey, account);
    }

    void restoreOrders(List<Order> orders) {
        for (Order o : orders) ordersById.put(o.orderId, o);
    }

    void restoreCounters(long orderId, long tradeId, long accountId) {
        nextOrderId = orderId;
        nextTradeId = tradeId;
        nextAccountId = accountId;
    }

    private Result openAccount(Command.OpenAccount c) {
        Account existing = accountsByKey.get(c.apiKey());
        if (existing != null) {
            return new Result.AccountOpened(existing.accountId, false);
        }
        Account account = new Account(nextAccountId++, c.apiKey(), c.credential(), c.balances());
        accounts.put(account.accountId, account);
        accountsByKey.put(account.apiKey, account);
        return new Result.AccountOpened(account.accountId, true);
    }

    private Result place(Command.PlaceOrder c, long timestamp) {
        Instrument instrument = instruments.get(c.symbol());
        if (instrument == null) return rejected(Reject.UNKNOWN_SYMBOL);
        Account account = accounts.get(c.accountId());
        if (account == null) return rejected(Reject.UNKNOWN_ACCOUNT);
        if (c.positionSide() != PositionSide.BOTH) return rejected(Reject.POSITION_SIDE_MISMATCH);
        Reject filterReject = OrderFilters.check(instrument, c.type(), c.price(), c.quantity());
        if (filterReject != null) return rejected(filterReject);
        if (account.openByClientId.containsKey(c.clientOrderId())) return rejected(Reject.DUPLICATE_CLIENT_ORDER_ID);
        if (c.type() == OrderType.LIMIT && account.openCount(c.symbol()) >= instrument.maxNumOrders()) {
            return rejected(Reject.MAX_OPEN_ORDERS);
        }
        if (c.reduceOnly() && !reducesPosition(account.position(c.symbol()), c.side(), c.quantity())) {
            return rejected(Reject.REDUCE_ONLY_REJECTED);
        }
        OrderBook book = books.get(c.symbol());
        if (c.timeInForce() == TimeInForce.FOK
                && book.availableQty(c.side(), c.price(), c.type(), c.quantity()) < c.quantity()) {
            return rejected(Reject.FOK_WOULD_NOT_FILL);
        }
        if (c.timeInForce() == TimeInForce.GTX && book.wouldCross(c.side(), c.price(), c.type())) {
            return rejected(Reject.GTX_WOULD_TAKE);
        }
        if (nextOrderId > MAX_SAFE_ID) {
            throw new IllegalStateException("order ids exhausted");
        }

        Order order = new Order(nextOrderId++, account.accountId, instrument, c.clientOrderId(), c.side(), c.type(),
                c.timeInForce(), c.positionSide(), c.reduceOnly(), c.type() == OrderType.MARKET ? 0 : c.price(),
                c.quantity(), timestamp);
        ordersById.put(order.orderId, order);
        account.latestByClientId.put(Account.clientKey(instrument.symbol(), order.clientOrderId), order);
        OrderView acknowledged = order.view();
        events.accept(new Event.Accepted(order.orderId, account.accountId, instrument.symbol(), order.side, order.price, order.origQty));

        book.match(order, timestamp, (maker, taker, qty, price) -> onMatch(maker, taker, qty, price));
        expireStaleReduceOnlyOrders(instrument, timestamp);

        if (order.remainingQty() > 0) {
            if (order.type == OrderType.LIMIT && (order.timeInForce == TimeInForce.GTC || order.timeInForce == TimeInForce.GTX)) {
                book.rest(order);
                account.opened(order);
            } else {
                order.close(OrderStatus.EXPIRED, timestamp);
                events.accept(new Event.Expired(order.orderId, order.remainingQty()));
            }
        }
        return new Result.OrderResult(acknowledged, order.view(), true);
    }

    private void onMatch(Order maker, Order taker, long qty, long price) {
        long tradeId = nextTradeId++;
        Account makerAccount = accounts.get(maker.accountId);
        Account takerAccount = accounts.get(taker.accountId);
        makerAccount.filled(maker, qty);
        takerAccount.filled(taker, qty);
        touchedAccounts.add(makerAccount);
        touchedAccounts.add(takerAccount);
        if (maker.remainingQty() == 0) {
            makerAccount.closed(maker);
        }
        events.accept(new Event.Traded(maker.orderId, tradeId, true, price, qty, maker.remainingQty()));
        events.accept(new Event.Traded(taker.orderId, tradeId, false, price, qty, taker.remainingQty()));
    }

    /**
     * A resting reduce-only order that could no longer reduce its account's position (the position
     * closed or flipped) expires, as on Binance futures, so it can never open a position.
     */
    private void expireStaleReduceOnlyOrders(Instrument instrument, long timestamp) {
        if (touchedAccounts.isEmpty()) return;
        for (Account account : touchedAccounts) {
            if (account.openReduceOnly == 0) continue;
            long position = account.position(instrument.symbol());
            List<Order> stale = new ArrayList<>();
            for (Order o : account.openOrders.values()) {
                if (o.reduceOnly && o.instrument == instrument && !reducesPosition(position, o.side, 1)) stale.add(o);
            }
            for (Order o : stale) {
                books.get(instrument.symbol()).remove(o);
                account.closed(o);
                o.close(OrderStatus.EXPIRED, timestamp);
                events.accept(new Event.Expired(o.orderId, o.remainingQty()));
            }
        }
        touchedAccounts.clear();
    }

    private static boolean reducesPosition(long position, Side side, long qty) {
        long reduction = side == Side.BUY ? -position : position;
        return reduction > 0 && qty <= reduction;
    }

    private Result cancel(Command.CancelOrder c, long timestamp) {
        if (!instruments.containsKey(c.symbol())) return rejected(Reject.UNKNOWN_SYMBOL);
        Account account = accounts.get(c.accountId());
        if (account == null) return rejected(Reject.UNKNOWN_ACCOUNT);
        Order order = c.orderId() >= 0 ? account.openOrders.get(c.orderId()) : account.openByClientId.get(c.origClientOrderId());
        if (order == null || !order.instrument.symbol().equals(c.symbol())) {
            return rejected(Reject.UNKNOWN_ORDER_ON_CANCEL);
        }
        cancelResting(account, order, timestamp);
        OrderView view = order.view();
        return new Result.OrderResult(view, view, true);
    }

    private void cancelResting(Account account, Order order, long timestamp) {
        books.get(order.instrument.symbol()).remove(order);
        account.closed(order);
        order.close(OrderStatus.CANCELED, timestamp);
        events.accept(new Event.Canceled(order.orderId, order.remainingQty()));
    }

    private Result cancelAll(Command.CancelAllOrders c, long timestamp) {
        if (!instruments.containsKey(c.symbol())) return rejected(Reject.UNKNOWN_SYMBOL);
        Account account = accounts.get(c.accountId());
        if (account == null) return rejected(Reject.UNKNOWN_ACCOUNT);
        List<Order> toCancel = new ArrayList<>();
        for (Order order : account.openOrders.values()) {
            if (order.instrument.symbol().equals(c.symbol())) toCancel.add(order);
        }
        List<OrderView> canceled = new ArrayList<>(toCancel.size());
        for (Order order : toCancel) {
            cancelResting(account, order, timestamp);
            canceled.add(order.view());
        }
        return new Result.OrdersCanceled(canceled);
    }

    private Result queryOrder(Command.QueryOrder c, long now) {
        if (!instruments.containsKey(c.symbol())) return rejected(Reject.UNKNOWN_SYMBOL);
        Account account = accounts.get(c.accountId());
        if (account == null) return rejected(Reject.UNKNOWN_ACCOUNT);
        Order order = find(account, c.symbol(), c.orderId(), c.origClientOrderId());
        if (order == null || forgotten(order, now)) return rejected(Reject.NO_SUCH_ORDER);
        return new Result.Orders(List.of(order.view()));
    }

    private Result queryOpenOrder(Command.QueryOpenOrder c) {
        if (!instruments.containsKey(c.symbol())) return rejected(Reject.UNKNOWN_SYMBOL);
        Account account = accounts.get(c.accountId());
        if (account == null) return rejected(Reject.UNKNOWN_ACCOUNT);
        Order order = c.orderId() >= 0 ? account.openOrders.get(c.orderId()) : account.openByClientId.get(c.origClientOrderId());
        if (order == null || !order.instrument.symbol().equals(c.symbol())) return rejected(Reject.NO_SUCH_ORDER);
        return new Result.Orders(List.of(order.view()));
    }

    private Result queryOpenOrders(Command.QueryOpenOrders c) {
        if (c.symbol() != null && !instruments.containsKey(c.symbol())) return rejected(Reject.UNKNOWN_SYMBOL);
        Account account = accounts.get(c.accountId());
        if (account == null) return rejected(Reject.UNKNOWN_ACCOUNT);
        List<OrderView> result = new ArrayList<>();
        for (Order order : account.openOrders.values()) {
            if (c.symbol() != null && !order.instrument.symbol().equals(c.symbol())) continue;
            if (c.pair() != null && !order.instrument.pair().equals(c.pair())) continue;
            result.add(order.view());
        }
        return new Result.Orders(result);
    }

    private Order find(Account account, String symbol, long orderId, String clientOrderId) {
        Order order = orderId >= 0 ? ordersById.get(orderId) : account.latestByClientId.get(Account.clientKey(symbol, clientOrderId));
        if (order == null || order.accountId != account.accountId || !order.instrument.symbol().equals(symbol)) {
            return null;
        }
        return order;
    }

    private static boolean forgotten(Order order, long now) {
        return (order.status == OrderStatus.CANCELED || order.status == OrderStatus.EXPIRED)
                && order.executedQty == 0
                && now - order.time > UNFILLED_CLOSED_ORDER_VISIBILITY_MS;
    }

    private static Result rejected(Reject reason) {
        return new Result.Rejected(reason);
    }
}
