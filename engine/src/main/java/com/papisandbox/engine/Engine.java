package com.papisandbox.engine;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * All trading state and the rules that change it. Not thread-safe by design: exactly one thread (the
 * engine thread) calls {@link #execute}, in sequence order, so the engine needs no locks and is
 * deterministic: the same commands with the same timestamps always produce the same state.
 */
public final class Engine {
    /** Cancelled or expired orders without fills are forgotten by queries after this long (spec §6.5). */
    public static final long UNFILLED_CLOSED_ORDER_VISIBILITY_MS = 3L * 24 * 60 * 60 * 1000;
    /** How many closed orders of each kind (with and without fills) the engine remembers at most. */
    public static final int DEFAULT_CLOSED_ORDER_CAP = 500_000;
    /** Order ids start here, so they look like exchange ids, and stay far below 2^53. */
    public static final long FIRST_ORDER_ID = 100_000_000L;
    private static final long MAX_SAFE_ID = (1L << 53) - 1;

    private final Map<String, Instrument> instruments = new LinkedHashMap<>();
    /** The instruments in order; a book's {@link OrderBook#index} is its position here. */
    private final List<Instrument> instrumentsByIndex = new ArrayList<>();
    private final Map<String, OrderBook> books = new HashMap<>();
    private final OrderIndex ordersById = new OrderIndex(FIRST_ORDER_ID);
    /** Accounts by id - 1 (ids are dense, from 1). */
    private final List<Account> accounts = new ArrayList<>();
    private final Map<String, Account> accountsByKey = new HashMap<>();
    /** Closed orders, oldest first, kept for queries until the 3-day rule or the cap drops them. */
    private final ArrayDeque<Order> closedUnfilled = new ArrayDeque<>();
    private final ArrayDeque<Order> closedFilled = new ArrayDeque<>();
    private final int closedOrderCap;
    /** What a full history trims to: up to 64 below the cap, so forgetting runs in batches (see forgetOldOrders). */
    private final int closedOrderTrimTo;
    /** Null when nobody listens: then no event is even allocated. */
    private final Consumer<Event> events;
    private final OrderBook.MatchListener onMatch = this::onMatch;
    /** Accounts whose position changed in the current command. */
    private final Set<Account> touchedAccounts = new LinkedHashSet<>();
    /** What modifies changed (Query.OrderAmendments); see {@link #modify}. */
    private final AmendmentLog amendments = new AmendmentLog(AmendmentLog.DEFAULT_CAP);
    /** Trade tapes, aggregated trades and klines per book (fed by onMatch); the house ladder; their queries. */
    private final MarketData marketData;
    private final HouseMarket house;
    private final MarketQueries marketQueries;

    private long nextOrderId = FIRST_ORDER_ID;
    private long nextTradeId = 1;
    private long nextAccountId = 1;

    /** @param events receives every event in order; null if nobody listens */
    public Engine(Collection<Instrument> instrumentList, Consumer<Event> events) {
        this(instrumentList, events, DEFAULT_CLOSED_ORDER_CAP);
    }

    public Engine(Collection<Instrument> instrumentList, Consumer<Event> events, int closedOrderCap) {
        for (Instrument instrument : instrumentList) {
            if (instruments.putIfAbsent(instrument.symbol(), instrument) != null) {
                throw new IllegalArgumentException("duplicate instrument " + instrument.symbol());
            }
            books.put(instrument.symbol(), new OrderBook(instrument, instrumentsByIndex.size()));
            instrumentsByIndex.add(instrument);
        }
        this.events = events;
        this.closedOrderCap = closedOrderCap;
        List<OrderBook> booksByIndex = instrumentsByIndex.stream().map(i -> books.get(i.symbol())).toList();
        this.marketData = new MarketData(instrumentsByIndex);
        this.house = new HouseMarket(this, booksByIndex);
        this.marketQueries = new MarketQueries(this, marketData, house);
        this.closedOrderTrimTo = closedOrderCap - Math.min(64, closedOrderCap / 8);
    }

    public Result execute(Command command, long timestamp) {
        if (command instanceof Command.CancelOrder c) return cancel(c, timestamp);
        if (command instanceof Command.PlaceOrder c) return place(c, timestamp);
        if (command instanceof Command.CancelAllOrders c) return cancelAll(c, timestamp);
        if (command instanceof Command.OpenAccount c) return openAccount(c);
        if (command instanceof Command.ModifyOrder c) return modify(c, timestamp);
        if (command instanceof Command.Requote c) return house.requote(c, timestamp);
        if (command instanceof Command.ConfigureHouse c) return house.configure(c, timestamp);
        throw new IllegalArgumentException("unknown command " + command);
    }

    /** Answers a query; {@code now} decides what history is still visible. Never changes state. */
    public Result query(Query query, long now) {
        if (query instanceof Query.Market q) return marketQueries.answer(q, now);
        if (query instanceof Query.OrderLookup q) return queryOrder(q, now);
        if (query instanceof Query.OpenOrderLookup q) return queryOpenOrder(q);
        if (query instanceof Query.OpenOrders q) return queryOpenOrders(q);
        if (query instanceof Query.Balances q) return queryBalances(q);
        if (query instanceof Query.OrderAmendments q) return queryAmendments(q, now);
        if (query instanceof Query.StateHash) return new Result.StateHash(EngineSnapshot.stateHash(this), orderCount());
        throw new IllegalArgumentException("unknown query " + query);
    }

    public Map<String, Instrument> instruments() {
        return instruments;
    }

    public OrderBook book(String symbol) {
        return books.get(symbol);
    }

    /**
     * The symbol's reference price in price units (the live market's index, which the mark price follows),
     * or 0 when no market has quoted it (the market is off) or the symbol is unknown.
     */
    public long referencePrice(String symbol) {
        OrderBook book = books.get(symbol);
        return book == null ? 0 : house.referencePrice(book);
    }

    public Collection<Account> accounts() {
        return Collections.unmodifiableList(accounts);
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
        Account account = account(accountId);
        return account == null ? List.of() : openViews(account, null, null);
    }

    Account account(long accountId) {
        return accountId >= 1 && accountId <= accounts.size() ? accounts.get((int) (accountId - 1)) : null;
    }

    private Result openAccount(Command.OpenAccount c) {
        Account existing = accountsByKey.get(c.apiKey());
        if (existing != null) {
            return new Result.AccountOpened(existing.accountId, false);
        }
        Account account = newAccount(nextAccountId++, c.apiKey(), c.credential(), c.balances());
        restoreAccount(account);
        return new Result.AccountOpened(account.accountId, true);
    }

    /** Accounts are made here only, so each knows the engine's instruments (its per-instrument arrays follow them). */
    Account newAccount(long accountId, String apiKey, String credential, Map<String, BigDecimal> balances) {
        return new Account(accountId, apiKey, credential, balances, Collections.unmodifiableList(instrumentsByIndex));
    }

    private Result place(Command.PlaceOrder c, long timestamp) {
        OrderBook book = books.get(c.symbol());
        if (book == null) return rejected(Reject.UNKNOWN_SYMBOL);
        Instrument instrument = book.instrument();
        Account account = account(c.accountId());
        if (account == null) return rejected(Reject.UNKNOWN_ACCOUNT);
        if (c.positionSide() != PositionSide.BOTH) return rejected(Reject.POSITION_SIDE_MISMATCH);
        Reject filterReject = OrderFilters.check(instrument, c.type(), c.price(), c.quantity());
        if (filterReject != null) return rejected(filterReject);
        Order sameClientId = account.latestWithClientId(c.clientOrderId());
        if (sameClientId != null && sameClientId.status.isOpen()) return rejected(Reject.DUPLICATE_CLIENT_ORDER_ID);
        if (c.type() == OrderType.LIMIT && account.openCount(book) >= instrument.maxNumOrders()) {
            return rejected(Reject.MAX_OPEN_ORDERS);
        }
        if (c.reduceOnly() && !reducesPosition(account.position(book), c.side(), c.quantity())) {
            return rejected(Reject.REDUCE_ONLY_REJECTED);
        }
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

        Order order = new Order(nextOrderId++, account.accountId, book, c.clientOrderId(), c.side(), c.type(),
                c.timeInForce(), c.positionSide(), c.reduceOnly(), c.type() == OrderType.MARKET ? 0 : c.price(),
                c.quantity(), timestamp);
        ordersById.put(order);
        account.placed(order);
        OrderSnapshot acknowledged = order.copy();
        if (events != null) {
            events.accept(new Event.Accepted(order.orderId, account.accountId, instrument.symbol(), order.side, order.price, order.origQty));
        }

        book.match(order, timestamp, onMatch);
        expireStaleReduceOnlyOrders(book, timestamp);

        if (order.remainingQty() > 0) {
            if (order.type == OrderType.LIMIT && (order.timeInForce == TimeInForce.GTC || order.timeInForce == TimeInForce.GTX)) {
                book.rest(order);
                account.opened(order);
            } else {
                order.close(OrderStatus.EXPIRED, timestamp);
                if (events != null) events.accept(new Event.Expired(order.orderId, order.remainingQty()));
                retire(order);
            }
        } else {
            retire(order);
        }
        forgetOldOrders(timestamp);
        // A resting order that did not trade is still what was acknowledged: one copy serves both.
        OrderView now = order.executedQty == 0 && order.status == OrderStatus.NEW ? acknowledged : order.view();
        return new Result.OrderResult(acknowledged, now, true);
    }

    private void onMatch(Order maker, Order taker, long qty, long price) {
        long tradeId = nextTradeId++;
        Account makerAccount = account(maker.accountId);
        Account takerAccount = account(taker.accountId);
        makerAccount.filled(maker, qty);
        takerAccount.filled(taker, qty);
        touchedAccounts.add(makerAccount);
        touchedAccounts.add(takerAccount);
        marketData.onTrade(maker.book, tradeId, price, qty, maker.side == Side.BUY, taker.orderId, taker.updateTime);
        if (maker.remainingQty() == 0) {
            makerAccount.closed(maker);
            retire(maker);
        }
        if (events != null) {
            events.accept(new Event.Traded(maker.orderId, tradeId, true, price, qty, maker.remainingQty()));
            events.accept(new Event.Traded(taker.orderId, tradeId, false, price, qty, taker.remainingQty()));
        }
    }

    /**
     * A resting reduce-only order that could no longer reduce its account's position (the position
     * closed or flipped) expires, as on Binance futures, so it can never open a position.
     */
    private void expireStaleReduceOnlyOrders(OrderBook book, long timestamp) {
        if (touchedAccounts.isEmpty()) return;
        for (Account account : touchedAccounts) {
            if (account.openReduceOnly == 0) continue;
            long position = account.position(book);
            List<Order> stale = new ArrayList<>();
            for (Order o = account.openHead; o != null; o = o.accountNext) {
                if (o.reduceOnly && o.book == book && !reducesPosition(position, o.side, 1)) stale.add(o);
            }
            for (Order o : stale) {
                book.remove(o, timestamp);
                account.closed(o);
                o.close(OrderStatus.EXPIRED, timestamp);
                if (events != null) events.accept(new Event.Expired(o.orderId, o.remainingQty()));
                retire(o);
            }
        }
        touchedAccounts.clear();
    }

    private static boolean reducesPosition(long position, Side side, long qty) {
        long reduction = side == Side.BUY ? -position : position;
        return reduction > 0 && qty <= reduction;
    }

    private Result cancel(Command.CancelOrder c, long timestamp) {
        OrderBook book = books.get(c.symbol());
        if (book == null) return rejected(Reject.UNKNOWN_SYMBOL);
        Account account = account(c.accountId());
        if (account == null) return rejected(Reject.UNKNOWN_ACCOUNT);
        Order order = openOrder(account, book, c.orderId(), c.origClientOrderId());
        if (order == null) return rejected(Reject.UNKNOWN_ORDER_ON_CANCEL);
        cancelResting(account, order, timestamp);
        forgetOldOrders(timestamp);
        return order.cancelResult;
    }

    /** The account's open order in that book with that id (orderId wins), or null. */
    private Order openOrder(Account account, OrderBook book, long orderId, String clientOrderId) {
        Order order = orderId >= 0 ? ordersById.get(orderId) : account.latestWithClientId(clientOrderId);
        if (order == null || order.accountId != account.accountId || !order.status.isOpen() || order.book != book) {
            return null;
        }
        return order;
    }

    private void cancelResting(Account account, Order order, long timestamp) {
        order.book.remove(order, timestamp);
        account.closed(order);
        order.close(OrderStatus.CANCELED, timestamp);
        if (events != null) events.accept(new Event.Canceled(order.orderId, order.remainingQty()));
        retire(order);
    }

    private Result cancelAll(Command.CancelAllOrders c, long timestamp) {
        OrderBook book = books.get(c.symbol());
        if (book == null) return rejected(Reject.UNKNOWN_SYMBOL);
        Account account = account(c.accountId());
        if (account == null) return rejected(Reject.UNKNOWN_ACCOUNT);
        List<Order> toCancel = new ArrayList<>();
        for (Order o = account.openHead; o != null; o = o.accountNext) {
            if (o.book == book) toCancel.add(o);
        }
        List<OrderView> canceled = new ArrayList<>(toCancel.size());
        for (Order order : toCancel) {
            cancelResting(account, order, timestamp);
            canceled.add(order);
        }
        if (!canceled.isEmpty()) forgetOldOrders(timestamp);
        return new Result.OrdersCanceled(canceled);
    }

    // Modify CM Order (papi-cm-next §2.10, docs/decisions.md "Modify").

    private Result modify(Command.ModifyOrder c, long timestamp) {
        OrderBook book = books.get(c.symbol());
        if (book == null) return rejected(Reject.UNKNOWN_SYMBOL);
        Account account = account(c.accountId());
        if (account == null) return rejected(Reject.UNKNOWN_ACCOUNT);
        Order order = openOrder(account, book, c.orderId(), c.origClientOrderId());
        if (order == null) return rejected(Reject.NO_SUCH_ORDER);
        // Only LIMIT orders rest today; the check stands for the order types that will.
        if (order.type != OrderType.LIMIT) return rejected(Reject.MODIFY_NOT_LIMIT);
        if (c.side() != order.side) return rejected(Reject.MODIFY_SIDE_MISMATCH);
        Reject filterReject = OrderFilters.check(book.instrument(), OrderType.LIMIT, c.price(), c.quantity());
        if (filterReject != null) return rejected(filterReject);
        if (c.price() == order.price && c.quantity() == order.origQty) return rejected(Reject.MODIFY_NOTHING_TO_CHANGE);
        if (amendments.count(order) >= AmendmentLog.MAX_PER_ORDER) return rejected(Reject.MODIFY_LIMIT_REACHED);
        if (c.quantity() <= order.executedQty) {
            // The doc: a partly filled order amended to no more than it executed is cancelled.
            cancelResting(account, order, timestamp);
            forgetOldOrders(timestamp);
            return order.cancelResult;
        }
        if (order.timeInForce == TimeInForce.GTX && book.wouldCross(order.side, c.price(), OrderType.LIMIT)) {
            // A post-only order cannot take: the amendment expires it, as a GTX new order would be.
            expireResting(account, order, timestamp);
            forgetOldOrders(timestamp);
            return order.cancelResult;
        }
        if (order.reduceOnly && !reducesPosition(account.position(book), order.side, c.quantity() - order.executedQty)) {
            return rejected(Reject.REDUCE_ONLY_REJECTED);
        }
        return amend(account, book, order, c, timestamp);
    }

    /** Re-queues the order at the back of its new price level (it loses time priority); it may take first. */
    private Result amend(Account account, OrderBook book, Order order, Command.ModifyOrder c, long timestamp) {
        long priceBefore = order.price;
        long origQtyBefore = order.origQty;
        book.remove(order, timestamp);
        order.price = c.price();
        order.origQty = c.quantity();
        order.updateTime = timestamp;
        Amendment amendment = amendments.record(order, timestamp, priceBefore, origQtyBefore);
        OrderSnapshot amended = order.copy();
        if (events != null) {
            events.accept(new Event.Amended(order.orderId, amendment.amendmentId(), order.price, order.origQty,
                    priceBefore, origQtyBefore));
        }
        book.match(order, timestamp, onMatch);
        if (order.remainingQty() > 0) {
            book.rest(order);
        } else {
            account.closed(order);
            retire(order);
        }
        // After resting: the amended order itself may now be a stale reduce-only order.
        expireStaleReduceOnlyOrders(book, timestamp);
        forgetOldOrders(timestamp);
        return new Result.OrderResult(amended, order.view(), true);
    }

    private void expireResting(Account account, Order order, long timestamp) {
        order.book.remove(order, timestamp);
        account.closed(order);
        order.close(OrderStatus.EXPIRED, timestamp);
        if (events != null) events.accept(new Event.Expired(order.orderId, order.remainingQty()));
        retire(order);
    }

    private Result queryAmendments(Query.OrderAmendments q, long now) {
        OrderBook book = books.get(q.symbol());
        if (book == null) return rejected(Reject.UNKNOWN_SYMBOL);
        Account account = account(q.accountId());
        if (account == null) return rejected(Reject.UNKNOWN_ACCOUNT);
        Order order = q.orderId() >= 0 ? ordersById.get(q.orderId()) : account.latestWithClientId(book, q.origClientOrderId());
        if (order == null || order.accountId != account.accountId || order.book != book || forgotten(order, now)) {
            return rejected(Reject.NO_SUCH_ORDER);
        }
        return new Result.Amendments(amendments.of(order, q.startTime(), q.endTime(), q.limit()));
    }

    AmendmentLog amendmentLog() {
        return amendments;
    }

    /** A closed order joins the history; the oldest history is forgotten by {@link #forgetOldOrders}. */
    private void retire(Order order) {
        if (house.owns(order)) {
            forget(order);
            return;
        }
        (order.executedQty == 0 ? closedUnfilled : closedFilled).addLast(order);
    }

    /**
     * Forgets closed orders that no query can return any more (no fills, closed over 3 days ago), and
     * the oldest closed orders beyond the cap, so memory stays bounded however long the sandbox runs.
     * A history over its cap is trimmed a batch below it: the orders it forgets are long cold, and
     * forgetting many back to back lets the CPU overlap their cache misses (cancels of a big book run
     * ~1.3x faster than forgetting one per cancel).
     */
    private void forgetOldOrders(long now) {
        trim(closedUnfilled);
        trim(closedFilled);
        while (!closedUnfilled.isEmpty() && now - closedUnfilled.peekFirst().updateTime > UNFILLED_CLOSED_ORDER_VISIBILITY_MS) {
            forget(closedUnfilled.pollFirst());
        }
    }

    private void trim(ArrayDeque<Order> history) {
        if (history.size() <= closedOrderCap) return;
        while (history.size() > closedOrderTrimTo) forget(history.pollFirst());
    }

    private void forget(Order order) {
        ordersById.remove(order.orderId);
        account(order.accountId).forget(order);
        amendments.forget(order);
    }

    private Result queryOrder(Query.OrderLookup c, long now) {
        OrderBook book = books.get(c.symbol());
        if (book == null) return rejected(Reject.UNKNOWN_SYMBOL);
        Account account = account(c.accountId());
        if (account == null) return rejected(Reject.UNKNOWN_ACCOUNT);
        Order order = c.orderId() >= 0 ? ordersById.get(c.orderId()) : account.latestWithClientId(book, c.origClientOrderId());
        if (order == null || order.accountId != account.accountId || order.book != book || forgotten(order, now)) {
            return rejected(Reject.NO_SUCH_ORDER);
        }
        return new Result.Orders(List.of(order.view()));
    }

    private Result queryOpenOrder(Query.OpenOrderLookup c) {
        OrderBook book = books.get(c.symbol());
        if (book == null) return rejected(Reject.UNKNOWN_SYMBOL);
        Account account = account(c.accountId());
        if (account == null) return rejected(Reject.UNKNOWN_ACCOUNT);
        Order order = openOrder(account, book, c.orderId(), c.origClientOrderId());
        if (order == null) return rejected(Reject.NO_SUCH_ORDER);
        return new Result.Orders(List.of(order.view()));
    }

    private Result queryBalances(Query.Balances c) {
        Account account = account(c.accountId());
        if (account == null) return rejected(Reject.UNKNOWN_ACCOUNT);
        return new Result.Balances(Collections.unmodifiableSortedMap(new TreeMap<>(account.balances)));
    }

    private Result queryOpenOrders(Query.OpenOrders c) {
        OrderBook book = c.symbol() == null ? null : books.get(c.symbol());
        if (c.symbol() != null && book == null) return rejected(Reject.UNKNOWN_SYMBOL);
        Account account = account(c.accountId());
        if (account == null) return rejected(Reject.UNKNOWN_ACCOUNT);
        return new Result.Orders(openViews(account, book, c.pair()));
    }

    /** The account's open orders, oldest first, of one book and/or pair when given. */
    private static List<OrderView> openViews(Account account, OrderBook book, String pair) {
        List<OrderView> result = new ArrayList<>();
        for (Order o = account.openHead; o != null; o = o.accountNext) {
            if (book != null && o.book != book) continue;
            if (pair != null && !o.book.instrument().pair().equals(pair)) continue;
            result.add(o.view());
        }
        return result;
    }

    private static boolean forgotten(Order order, long now) {
        return (order.status == OrderStatus.CANCELED || order.status == OrderStatus.EXPIRED)
                && order.executedQty == 0
                && now - order.time > UNFILLED_CLOSED_ORDER_VISIBILITY_MS;
    }

    /** Rejections carry no data: one immutable result per reason, so refusing allocates nothing. */
    private static final Result.Rejected[] REJECTED = new Result.Rejected[Reject.values().length];

    static {
        for (Reject r : Reject.values()) REJECTED[r.ordinal()] = new Result.Rejected(r);
    }

    private static Result rejected(Reject reason) {
        return REJECTED[reason.ordinal()];
    }

    // Snapshot support (EngineSnapshot): package-private access to the raw state.

    long nextOrderIdCounter() {
        return nextOrderId;
    }

    long nextTradeIdCounter() {
        return nextTradeId;
    }

    MarketData marketData() {
        return marketData;
    }

    HouseMarket house() {
        return house;
    }

    long nextAccountIdCounter() {
        return nextAccountId;
    }

    List<Order> ordersInIdOrder() {
        List<Order> orders = new ArrayList<>(ordersById.size());
        ordersById.forEach(orders::add);
        return orders;
    }

    ArrayDeque<Order> closedUnfilled() {
        return closedUnfilled;
    }

    ArrayDeque<Order> closedFilled() {
        return closedFilled;
    }

    Order order(long orderId) {
        return ordersById.get(orderId);
    }

    void restoreAccount(Account account) {
        if (account.accountId != accounts.size() + 1) {
            throw new IllegalArgumentException("account ids must be dense: expected " + (accounts.size() + 1) + ", got " + account.accountId);
        }
        accounts.add(account);
        accountsByKey.put(account.apiKey, account);
    }

    void restoreOrders(List<Order> orders) {
        for (Order o : orders) ordersById.put(o);
    }

    void restoreCounters(long orderId, long tradeId, long accountId) {
        nextOrderId = orderId;
        nextTradeId = tradeId;
        nextAccountId = accountId;
    }
}
