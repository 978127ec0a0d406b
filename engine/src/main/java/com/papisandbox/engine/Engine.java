package com.papisandbox.engine;

import java.math.BigDecimal;
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
    public static final long UNFILLED_CLOSED_ORDER_VISIBILITY_MS = OrderMemory.UNFILLED_CLOSED_ORDER_VISIBILITY_MS;
    /** How many closed orders of each kind (with and without fills) the engine remembers at most. */
    public static final int DEFAULT_CLOSED_ORDER_CAP = 500_000;
    /** Order ids start here, so they look like exchange ids, and stay far below 2^53. */
    public static final long FIRST_ORDER_ID = 100_000_000L;
    private static final long MAX_SAFE_ID = (1L << 53) - 1;

    /**
     * The contracts trading now by symbol, in slot order: an immutable map replaced when a quarterly rolls,
     * so other threads (the edge, the live market) may read it at any time.
     */
    private volatile Map<String, Instrument> instruments;
    private volatile Map<String, Instrument> everListed;
    /** The instruments in slot order; a book's {@link OrderBook#index} is its position here. */
    private final List<Instrument> instrumentsByIndex = new ArrayList<>();
    private final List<OrderBook> booksByIndex = new ArrayList<>();
    private final Map<String, OrderBook> books = new HashMap<>();
    /** Everything ever listed; a delivered quarterly's slot goes to its successor. */
    private final Listings listings;
    /** Books of delivered contracts restored from a snapshot, for their closed orders (see bookOfListing). */
    private final Map<Integer, OrderBook> deliveredBooks = new HashMap<>();
    /** Accounts by id - 1 (ids are dense, from 1). */
    private final List<Account> accounts = new ArrayList<>();
    private final Map<String, Account> accountsByKey = new HashMap<>();
    /** Open orders by id, closed ones kept for queries until the 3-day rule or the cap drops them, client-id chains. */
    private final OrderMemory orders;
    /** Null when nobody listens: then no event is even allocated. */
    private Consumer<Event> events;
    private final OrderBook.MatchListener onMatch = this::onMatch;
    /** Accounts whose position changed in the current command. */
    private final Set<Account> touchedAccounts = new LinkedHashSet<>();
    /** What modifies changed (Query.OrderAmendments); see {@link #modify}. */
    private final AmendmentLog amendments = new AmendmentLog(AmendmentLog.DEFAULT_CAP);
    /** Trade tapes, aggregated trades and klines per book (fed by onMatch); the house ladder; their queries. */
    private final MarketData marketData;
    private final HouseMarket house;
    private final MarketQueries marketQueries;

    /** The margin coins of the instruments, in instrument order (BTC, ETH, …). */
    private final List<String> coins = new ArrayList<>();
    private final MarketPrices prices;
    private final Ledger ledger;
    private final Margin margin;
    private final AccountViews views;
    private final TimeEvents timeEvents;
    /** Conditional orders: the trigger book and its rules. */
    private final ConditionalOrders conditionals;
    private final StrategyDesk strategyDesk;
    /** The strategy whose order {@link #submit} is placing now, so it turns TRIGGERED just before the order's NEW. */
    private Strategy triggering;
    /** The timestamp of the command being executed (fills and history rows carry it). */
    private long now;
    /** Depth of {@link #execute} calls: the house market places and cancels through it while a requote runs. */
    private int nesting;
    /** Whether a mark or index price moved in the current command, so margins may have run out. */
    private boolean marksMoved;
    /**
     * Whether a last, mark or index price moved in the current command: a strategy can only come due when one did
     * (at unchanged prices the last evaluation still holds), so commands that move none skip the trigger scan.
     */
    private boolean pricesMoved;
    private final Liquidator liquidator;
    private final AdlRanking adlRanking;

    private long nextOrderId = FIRST_ORDER_ID;
    private long nextTradeId = 1;
    private long nextAccountId = 1;

    /** @param events receives every event in order; null if nobody listens */
    public Engine(Collection<Instrument> instrumentList, Consumer<Event> events) {
        this(instrumentList, events, DEFAULT_CLOSED_ORDER_CAP);
    }

    public Engine(Collection<Instrument> instrumentList, Consumer<Event> events, int closedOrderCap) {
        for (Instrument instrument : instrumentList) {
            if (books.containsKey(instrument.symbol())) throw new IllegalArgumentException("duplicate instrument " + instrument.symbol());
            OrderBook book = new OrderBook(instrument, instrumentsByIndex.size());
            books.put(instrument.symbol(), book);
            booksByIndex.add(book);
            instrumentsByIndex.add(instrument);
        }
        this.listings = new Listings(instrumentsByIndex);
        publishInstruments();
        for (Instrument instrument : instrumentsByIndex) {
            if (!coins.contains(instrument.marginAsset())) coins.add(instrument.marginAsset());
        }
        this.events = events;
        this.marketData = new MarketData(instrumentsByIndex);
        this.house = new HouseMarket(this, booksByIndex);
        this.marketQueries = new MarketQueries(this, marketData, house);
        this.orders = new OrderMemory(listings, this::account, amendments, closedOrderCap);
        this.prices = new MarketPrices(instrumentsByIndex.size());
        this.ledger = new Ledger(instrumentsByIndex, listings, coins, events);
        this.margin = new Margin(instrumentsByIndex, ledger.coinOf, coins.size(), prices);
        this.views = new AccountViews(instrumentsByIndex, listings, coins, prices, margin, orders::ofAccount);
        this.timeEvents = new TimeEvents(instrumentsByIndex);
        this.liquidator = new Liquidator(this, instrumentsByIndex, prices, margin);
        this.adlRanking = new AdlRanking(instrumentsByIndex, prices, margin);
        this.conditionals = new ConditionalOrders(instrumentsByIndex.size());
        this.strategyDesk = new StrategyDesk(this, conditionals, prices);
    }

    /**
     * Applies a command at {@code timestamp}. Funding and deliveries whose time the timestamp has passed are
     * settled first (time moves only with commands, so replay settles exactly the same); a command whose own
     * effect is nil still reports a state change then, so that it is journaled.
     */
    public Result execute(Command command, long timestamp) {
        if (command instanceof Command.ReplaceState) {
            throw new IllegalStateException("a state replacement is carried out by the engine thread and recovery, not the engine");
        }
        if (command instanceof Command.OpenAccount c) return openAccount(c);
        now = timestamp;
        // the house's own orders run through here inside its requotes: only the outermost command liquidates or
        // triggers, once the requote is complete
        if (nesting > 0) return dispatch(command, timestamp);
        boolean settled = settleDue(timestamp);
        Result result;
        boolean triggered;
        nesting++;
        try {
            result = dispatch(command, timestamp);
            // stops first: a stop-loss the move reached closes before the account is judged for liquidation
            triggered = (pricesMoved || settled) && runTriggers(timestamp);
            if (marksMoved || settled) {
                marksMoved = false;
                pricesMoved = false;
                liquidator.sweep(timestamp);
                // liquidation fills move the last price too
                triggered |= pricesMoved && runTriggers(timestamp);
            }
        } finally {
            nesting--;
            pricesMoved = false;
        }
        if ((settled || triggered) && !result.changedState()) {
            if (result instanceof Result.Rejected r) return REJECTED_AFTER_SETTLEMENT[r.reason().ordinal()];
            if (result instanceof Result.OrdersCanceled r) return new Result.OrdersCanceled(r.canceled(), true);
            if (result instanceof Result.StrategiesCanceled r) return new Result.StrategiesCanceled(r.canceled(), true);
            if (result instanceof Result.Done) return Result.Done.CHANGED;
            if (result instanceof Result.Requoted r) return new Result.Requoted(r.referencePrice(), r.placed(), r.canceled(), true);
            if (result instanceof Result.HouseConfigured) return new Result.HouseConfigured(true);
            throw new IllegalStateException("a settling command must report a state change: " + result);
        }
        return result;
    }

    private Result dispatch(Command command, long timestamp) {
        if (command instanceof Command.CancelOrder c) return cancel(c, timestamp);
        if (command instanceof Command.PlaceOrder c) return place(c, timestamp);
        if (command instanceof Command.CancelAllOrders c) return cancelAll(c, timestamp);
        if (command instanceof Command.ModifyOrder c) return modify(c, timestamp);
        if (command instanceof Command.Tick) return Result.Done.UNCHANGED;
        if (command instanceof Command.SetPrices c) return setPrices(c);
        if (command instanceof Command.SetFundingRate c) return setFundingRate(c);
        if (command instanceof Command.SetLeverage c) return setLeverage(c);
        if (command instanceof Command.SetPositionMode c) return setPositionMode(c);
        if (command instanceof Command.SetCommissionRates c) return setCommissionRates(c);
        if (command instanceof Command.Transfer c) return transfer(c, timestamp);
        if (command instanceof Command.Requote c) return house.requote(c, timestamp);
        if (command instanceof Command.ConfigureHouse c) return house.configure(c, timestamp);
        if (command instanceof Command.Print c) return house.print(c, timestamp);
        if (command instanceof Command.PlaceStrategy c) return strategyDesk.place(c, timestamp);
        if (command instanceof Command.CancelStrategy c) return strategyDesk.cancel(c, timestamp);
        if (command instanceof Command.CancelAllStrategies c) return strategyDesk.cancelAll(c, timestamp);
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
        if (query instanceof Query.OpenStrategyLookup || query instanceof Query.StrategyHistoryLookup
                || query instanceof Query.OpenStrategies || query instanceof Query.AllStrategies) {
            return strategyDesk.query(query, now);
        }
        if (query instanceof Query.StateHash) return new Result.StateHash(EngineSnapshot.stateHash(this), orderCount());
        Account account = account(accountIdOf(query));
        if (account == null) return rejected(Reject.UNKNOWN_ACCOUNT);
        if (query instanceof Query.AllOrders q) return views.allOrders(account, q, now, books);
        if (query instanceof Query.ForceOrders q) return views.forceOrders(account, q, now, books);
        if (query instanceof Query.AdlQuantile q) return adlQuantile(account, q);
        if (query instanceof Query.CmAccountDetail) return views.cmAccount(account);
        if (query instanceof Query.PositionRisk q) return views.positionRisk(account, q);
        if (query instanceof Query.Balance q) return views.balances(account, q.asset());
        if (query instanceof Query.PortfolioAccount) return views.portfolio(account);
        if (query instanceof Query.CommissionRate q) return views.commissionRate(account, books.get(q.symbol()));
        if (query instanceof Query.LeverageBrackets q) return views.brackets(q.symbol() == null ? null : books.get(q.symbol()), q.symbol() != null);
        if (query instanceof Query.PositionMode) return new Result.PositionMode(account.dualSide);
        if (query instanceof Query.Income q) return views.income(account, q, now, books);
        if (query instanceof Query.UserTrades q) return views.userTrades(account, q, now, books);
        throw new IllegalArgumentException("unknown query " + query);
    }

    private static long accountIdOf(Query query) {
        if (query instanceof Query.AllOrders q) return q.accountId();
        if (query instanceof Query.ForceOrders q) return q.accountId();
        if (query instanceof Query.AdlQuantile q) return q.accountId();
        if (query instanceof Query.CmAccountDetail q) return q.accountId();
        if (query instanceof Query.PositionRisk q) return q.accountId();
        if (query instanceof Query.Balance q) return q.accountId();
        if (query instanceof Query.PortfolioAccount q) return q.accountId();
        if (query instanceof Query.CommissionRate q) return q.accountId();
        if (query instanceof Query.LeverageBrackets q) return q.accountId();
        if (query instanceof Query.PositionMode q) return q.accountId();
        if (query instanceof Query.Income q) return q.accountId();
        if (query instanceof Query.UserTrades q) return q.accountId();
        throw new IllegalArgumentException("unknown query " + query);
    }

    /**
     * Sends every later event to {@code listener} (on the engine thread, during the command), or stops
     * events with null. Set after recovery, so a replay of the journal publishes nothing.
     */
    public void listen(Consumer<Event> listener) {
        this.events = listener;
        ledger.listen(listener);
    }

    /** The account of an order the engine remembers, or −1: lets a listener skip orders nobody follows cheaply. */
    public long accountOf(long orderId) {
        return orders.accountOf(orderId);
    }

    /** The timestamp of the command being executed (for listeners: the event's transaction time). */
    public long commandTime() {
        return now;
    }

    /** A copy of an order the engine remembers, or null: for listeners, which see the order as it is now. */
    public OrderView orderCopy(long orderId) {
        return orders.copy(orderId);
    }

    /** The account's position row on a symbol and side as positionRisk shows it, or null if either is unknown. */
    public LedgerViews.PositionView position(long accountId, String symbol, PositionSide side) {
        Account account = account(accountId);
        OrderBook book = books.get(symbol);
        return account == null || book == null ? null : views.position(account, book.index, side);
    }

    /** Realized PnL (coin units, before fees) of every fill on the account's position: ACCOUNT_UPDATE's {@code cr}. */
    public long accumulatedRealized(long accountId, String symbol, PositionSide side) {
        Account account = account(accountId);
        OrderBook book = books.get(symbol);
        return account == null || book == null ? 0 : account.positionRealized[Account.slot(book.index, side)];
    }

    /** The account's open orders' notional on one side of a symbol (coin units, at their prices): the stream's b/a. */
    public long openNotional(long accountId, String symbol, Side side) {
        Account account = account(accountId);
        OrderBook book = books.get(symbol);
        if (account == null || book == null) return 0;
        long base = 0;
        for (PositionSide ps : PositionSide.values()) base += account.openBase[Account.bucket(book.index, ps, side)];
        return Money.cutToCoin(base);
    }

    /** The contracts trading now, by symbol in slot order; immutable, safe to read from any thread. */
    public Map<String, Instrument> instruments() {
        return instruments;
    }

    /** Every contract ever listed, delivered ones included (history rows name them); any thread. */
    public Map<String, Instrument> everListed() {
        return everListed;
    }

    private void publishInstruments() {
        Map<String, Instrument> bySymbol = new LinkedHashMap<>();
        for (Instrument instrument : instrumentsByIndex) bySymbol.put(instrument.symbol(), instrument);
        Map<String, Instrument> all = new HashMap<>();
        for (int k = 0; k < listings.size(); k++) all.put(listings.get(k).symbol(), listings.get(k));
        everListed = Collections.unmodifiableMap(all);
        instruments = Collections.unmodifiableMap(bySymbol);
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

    /** The accounts in id order, for the engine's helpers (liquidation walks them on every mark move). */
    List<Account> accountList() {
        return accounts;
    }

    public Collection<Account> accounts() {
        return Collections.unmodifiableList(accounts);
    }

    public long nextOrderId() {
        return nextOrderId;
    }

    /** Number of orders the engine remembers (open and closed). */
    public int orderCount() {
        return orders.size();
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
        Account account = newAccount(nextAccountId++, c.apiKey(), c.credential());
        Map<String, Long> units = new java.util.TreeMap<>();
        c.balances().forEach((asset, amount) -> units.put(asset, Money.coinUnits(amount)));
        account.deposit(units);
        restoreAccount(account);
        return new Result.AccountOpened(account.accountId, true);
    }

    /** Accounts are made here only, so each knows the engine's instruments (its per-instrument arrays follow them). */
    Account newAccount(long accountId, String apiKey, String credential) {
        return new Account(accountId, apiKey, credential, Collections.unmodifiableList(instrumentsByIndex), Collections.unmodifiableList(coins));
    }

    private Result place(Command.PlaceOrder c, long timestamp) {
        OrderBook book = books.get(c.symbol());
        if (book == null) return rejected(Reject.UNKNOWN_SYMBOL);
        Instrument instrument = book.instrument();
        Account account = account(c.accountId());
        if (account == null) return rejected(Reject.UNKNOWN_ACCOUNT);
        if (prices.delivered[book.index]) return rejected(Reject.SYMBOL_CLOSED);
        if ((c.positionSide() == PositionSide.BOTH) == account.dualSide) return rejected(Reject.POSITION_SIDE_MISMATCH);
        if (c.reduceOnlySent() && account.dualSide) return rejected(Reject.REDUCE_ONLY_IN_HEDGE_MODE);
        Reject filterReject = OrderFilters.check(instrument, c.type(), c.price(), c.quantity());
        if (filterReject == null) filterReject = OrderFilters.checkMarkPrice(instrument, c.type(), c.side(), c.price(), prices.mark[book.index]);
        if (filterReject != null) return rejected(filterReject);
        if (orders.openWithClientId(account, c.clientOrderId()) != null) return rejected(Reject.DUPLICATE_CLIENT_ORDER_ID);
        if (c.type() == OrderType.LIMIT && account.openCount(book) + openStrategiesCounted(account, book) >= instrument.maxNumOrders()) {
            return rejected(Reject.MAX_OPEN_ORDERS);
        }
        Reject risk = OrderRisk.check(account, book, c, margin);
        if (risk != null) return rejected(risk);
        if (c.type() == OrderType.MARKET && book.bestPriceOrZero(c.side().opposite()) == 0) {
            return rejected(Reject.UNABLE_TO_FILL);
        }
        if (c.timeInForce() == TimeInForce.FOK
                && book.availableQty(c.side(), c.price(), c.type(), c.quantity()) < c.quantity()) {
            return rejected(Reject.FOK_WOULD_NOT_FILL);
        }
        if (c.timeInForce() == TimeInForce.GTX && book.wouldCross(c.side(), c.price(), c.type())) {
            return rejected(Reject.GTX_WOULD_TAKE);
        }
        return submit(account, book, c.clientOrderId(), c.side(), c.type(), c.timeInForce(), c.positionSide(), c.reduceOnly(),
                c.type() == OrderType.MARKET ? 0 : c.price(), c.quantity(), timestamp);
    }

    /** Enters an order that passed every check: it matches, then rests, expires or is done. */
    private Result submit(Account account, OrderBook book, String clientOrderId, Side side, OrderType type,
                          TimeInForce timeInForce, PositionSide positionSide, boolean reduceOnly, long price, long quantity,
                          long timestamp) {
        if (nextOrderId > MAX_SAFE_ID) {
            throw new IllegalStateException("order ids exhausted");
        }
        Instrument instrument = book.instrument();
        Order order = new Order(nextOrderId++, account.accountId, book, clientOrderId, side, type, timeInForce,
                positionSide, reduceOnly, price, quantity, timestamp);
        orders.placed(account, order);
        OrderSnapshot acknowledged = order.copy();
        if (triggering != null) {
            strategyDesk.triggered(triggering, order, timestamp);
            triggering = null;
        }
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

    /**
     * MAX_NUM_ORDERS counts normal and conditional orders (spec §11); a strategy placing its own order is not
     * counted twice. One emptiness check while the book has no strategies.
     */
    private int openStrategiesCounted(Account account, OrderBook book) {
        if (conditionals.open(book.index).isEmpty()) return 0;
        int open = conditionals.openCount(account.accountId, book);
        return triggering != null && triggering.accountId == account.accountId && triggering.book == book ? open - 1 : open;
    }

    private Result adlQuantile(Account account, Query.AdlQuantile q) {
        int only = -1;
        if (q.symbol() != null) {
            OrderBook book = books.get(q.symbol());
            if (book == null) return rejected(Reject.UNKNOWN_SYMBOL);
            only = book.index;
        }
        return new Result.AdlQuantiles(adlRanking.rows(account, only, accounts, a -> !isHouse(a)));
    }

    /** Whether the account is the house market's (never liquidated: it is funded beyond any margin). */
    boolean isHouse(Account account) {
        return house.ownsAccount(account.accountId);
    }

    /** A liquidation's first step: every open order of the account is cancelled, conditional ones too. */
    void cancelAllOpen(Account account, long timestamp) {
        strategyDesk.cancelAllOf(account, timestamp);
        List<Order> open = new ArrayList<>();
        for (Order o = account.openHead; o != null; o = o.accountNext) open.add(o);
        for (Order o : open) cancelResting(account, o, timestamp);
        if (!open.isEmpty()) forgetOldOrders(timestamp);
    }

    /**
     * A liquidation order (see {@link Liquidator}): IOC LIMIT, past the checks a liquidating account fails (margin,
     * -2023); {@code qty} never exceeds the position, so it cannot open one. Returns the quantity it filled.
     */
    long placeLiquidation(Account account, OrderBook book, Side side, PositionSide positionSide, long price, long qty, long timestamp) {
        String clientOrderId = Liquidator.clientOrderId(timestamp, nextOrderId);
        Result r = submit(account, book, clientOrderId, side, OrderType.LIMIT, TimeInForce.IOC, positionSide, false, price, qty, timestamp);
        return ((Result.OrderResult) r).order().executedQty();
    }

    private void onMatch(Order maker, Order taker, long qty, long price, long base, long makerRemainingBefore) {
        long tradeId = nextTradeId++;
        Account makerAccount = account(maker.accountId);
        Account takerAccount = account(taker.accountId);
        makerAccount.openFilled(maker, makerRemainingBefore);
        if (events != null) {
            events.accept(new Event.Traded(maker.orderId, tradeId, true, price, qty, maker.remainingQty()));
            events.accept(new Event.Traded(taker.orderId, tradeId, false, price, qty, taker.remainingQty()));
        }
        ledger.fill(makerAccount, maker, qty, price, base, true, tradeId, now);
        ledger.fill(takerAccount, taker, qty, price, base, false, tradeId, now);
        // a fill never starts a liquidation sweep (marks do, as Binance's liquidation follows its mark price), so
        // crossing orders pay nothing for it
        prices.lastPrice[maker.book.index] = price;
        pricesMoved = true;
        timeEvents.startFundingClock(now);
        touchedAccounts.add(makerAccount);
        touchedAccounts.add(takerAccount);
        marketData.onTrade(maker.book, tradeId, price, qty, maker.side == Side.BUY, taker.orderId, taker.updateTime);
        if (maker.remainingQty() == 0) {
            makerAccount.closed(maker);
            retire(maker);
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
                if (o.book != book || !o.onlyReduces()) continue;
                boolean canReduce = o.reduceOnly ? reducesPosition(position, o.side, 1) : account.position(book, o.positionSide) != 0;
                if (!canReduce) stale.add(o);
            }
            for (Order o : stale) closeResting(account, o, OrderStatus.EXPIRED, timestamp);
        }
        touchedAccounts.clear();
    }

    static boolean reducesPosition(long position, Side side, long qty) {
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
        Order order = orderId >= 0 ? orders.open(orderId) : orders.openWithClientId(account, clientOrderId);
        if (order == null || order.accountId != account.accountId || !order.status.isOpen() || order.book != book) {
            return null;
        }
        return order;
    }

    private void cancelResting(Account account, Order order, long timestamp) {
        closeResting(account, order, OrderStatus.CANCELED, timestamp);
    }

    /** Takes a resting order off its book and closes it as CANCELED or EXPIRED, with its event. */
    private void closeResting(Account account, Order order, OrderStatus status, long timestamp) {
        order.book.remove(order, timestamp);
        account.closed(order);
        order.close(status, timestamp);
        if (events != null) {
            events.accept(status == OrderStatus.CANCELED ? new Event.Canceled(order.orderId, order.remainingQty())
                    : new Event.Expired(order.orderId, order.remainingQty()));
        }
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
        if (filterReject == null) {
            filterReject = OrderFilters.checkMarkPrice(book.instrument(), OrderType.LIMIT, order.side, c.price(), prices.mark[book.index]);
        }
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
            closeResting(account, order, OrderStatus.EXPIRED, timestamp);
            forgetOldOrders(timestamp);
            return order.cancelResult;
        }
        if (order.reduceOnly && !reducesPosition(account.position(book), order.side, c.quantity() - order.executedQty)) {
            return rejected(Reject.REDUCE_ONLY_REJECTED);
        }
        Reject risk = OrderRisk.checkAmend(account, order, c.price(), c.quantity() - order.executedQty, margin);
        if (risk != null) return rejected(risk);
        return amend(account, book, order, c, timestamp);
    }

    /** Re-queues the order at the back of its new price level (it loses time priority); it may take first. */
    private Result amend(Account account, OrderBook book, Order order, Command.ModifyOrder c, long timestamp) {
        long priceBefore = order.price;
        long origQtyBefore = order.origQty;
        book.remove(order, timestamp);
        // its open-order margin is f(remainder, price): taken out before they change, put back when it rests
        account.unbook(order);
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
            account.rebook(order);
        } else {
            account.closed(order);
            retire(order);
        }
        // After resting: the amended order itself may now be a stale reduce-only order.
        expireStaleReduceOnlyOrders(book, timestamp);
        forgetOldOrders(timestamp);
        return new Result.OrderResult(amended, order.view(), true);
    }

    private Result queryAmendments(Query.OrderAmendments q, long now) {
        OrderBook book = books.get(q.symbol());
        if (book == null) return rejected(Reject.UNKNOWN_SYMBOL);
        Account account = account(q.accountId());
        if (account == null) return rejected(Reject.UNKNOWN_ACCOUNT);
        OrderView order = orders.visible(account, book, q.orderId(), q.origClientOrderId(), now);
        if (order == null) return rejected(Reject.NO_SUCH_ORDER);
        return new Result.Amendments(amendments.of(order.orderId(), q.startTime(), q.endTime(), q.limit()));
    }

    AmendmentLog amendmentLog() {
        return amendments;
    }

    /** A closed order joins the history (the house's are forgotten at once); old history goes in {@link #forgetOldOrders}. */
    private void retire(Order order) {
        if (conditionals.tracksOrders()) strategyDesk.orderClosed(order, now);
        orders.closed(order, !house.owns(order));
    }

    private void forgetOldOrders(long now) {
        orders.forgetOld(now);
    }

    private Result queryOrder(Query.OrderLookup c, long now) {
        OrderBook book = books.get(c.symbol());
        if (book == null) return rejected(Reject.UNKNOWN_SYMBOL);
        Account account = account(c.accountId());
        if (account == null) return rejected(Reject.UNKNOWN_ACCOUNT);
        OrderView order = orders.visible(account, book, c.orderId(), c.origClientOrderId(), now);
        if (order == null) return rejected(Reject.NO_SUCH_ORDER);
        return new Result.Orders(List.of(order));
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
        return new Result.Balances(Collections.unmodifiableSortedMap(new TreeMap<>(account.balances())));
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

    /**
     * Settles, in time order, every funding time and delivery that {@code timestamp} has passed. Returns
     * whether anything was due (then the state changed, even if nobody held a position).
     */
    private boolean settleDue(long timestamp) {
        if (!timeEvents.anythingDue(prices, timestamp)) return false;
        boolean any = false;
        while (true) {
            int delivery = timeEvents.dueDelivery(prices, timestamp);
            long deliveryTime = delivery < 0 ? Long.MAX_VALUE : instrumentsByIndex.get(delivery).deliveryDate();
            long funding = timeEvents.nextFunding > 0 && timeEvents.nextFunding <= timestamp ? timeEvents.nextFunding : Long.MAX_VALUE;
            if (funding == Long.MAX_VALUE && delivery < 0) return any;
            any = true;
            if (funding <= deliveryTime) {
                for (int i = 0; i < instrumentsByIndex.size(); i++) {
                    if (instrumentsByIndex.get(i).perpetual() && !prices.delivered[i]) {
                        // valued like margin: the mark, else the last trade (the market switched off)
                        long mark = prices.valuation(instrumentsByIndex.get(i), i);
                        ledger.fund(accounts, i, mark, prices.fundingRate[i], funding);
                        // a symbol that never had a price (market off, no trade) has no funding to show
                        if (mark > 0) marketData.onFunding(i, funding, prices.fundingRate[i], mark);
                    }
                }
                timeEvents.nextFunding = funding + TimeEvents.FUNDING_INTERVAL;
            } else {
                deliver(delivery, deliveryTime);
            }
        }
    }

    /** Delivery (spec-next §9.12): open orders cancelled, positions closed at the settlement price, trading stops. */
    private void deliver(int i, long time) {
        OrderBook book = books.get(instrumentsByIndex.get(i).symbol());
        for (Side side : Side.values()) {
            for (Order o : book.orders(side)) cancelResting(account(o.accountId), o, time);
        }
        strategyDesk.expireAll(book, time);
        long price = prices.settlement(book.instrument(), i);
        if (price > 0) ledger.deliver(accounts, i, price, time);
        prices.delivered[i] = true;
        forgetOldOrders(time);
        list(i, Quarterlies.successor(book.instrument(), latestDelivery(book.instrument().pair())));
    }

    private long latestDelivery(String pair) {
        long latest = 0;
        for (Instrument in : instrumentsByIndex) {
            if (!in.perpetual() && in.pair().equals(pair)) latest = Math.max(latest, in.deliveryDate());
        }
        return latest;
    }

    /**
     * Lists {@code successor} in the slot of the quarterly that just delivered (spec-next §5.2): a fresh book,
     * tape and funding history, no reference price until the market quotes it, and every account's settings
     * for the slot back to their defaults. The delivered contract's orders keep their old book, and history
     * rows their listing, so both still show the delivered symbol.
     */
    private void list(int slot, Instrument successor) {
        if (books.containsKey(successor.symbol())) throw new IllegalStateException(successor.symbol() + " is listed already");
        OrderBook old = booksByIndex.get(slot);
        OrderBook book = new OrderBook(successor, slot);
        books.remove(old.instrument().symbol());
        books.put(successor.symbol(), book);
        booksByIndex.set(slot, book);
        instrumentsByIndex.set(slot, successor);
        listings.list(slot, successor);
        prices.relist(slot);
        marketData.relist(slot, successor);
        house.relist(slot);
        for (Account a : accounts) a.relist(slot);
        timeEvents.deliveriesChanged();
        publishInstruments();
    }

    /** The live market's reference price (price units) becomes the symbol's mark and index price; whether either moved. */
    boolean followReference(OrderBook book, long referencePrice) {
        long e8 = book.instrument().priceE8(referencePrice);
        boolean moved = prices.mark[book.index] != e8 || prices.index[book.index] != e8;
        if (moved) {
            marksMoved = true;
            pricesMoved = true;
        }
        prices.mark[book.index] = e8;
        prices.index[book.index] = e8;
        return moved;
    }

    private Result setPrices(Command.SetPrices c) {
        OrderBook book = books.get(c.symbol());
        if (book == null) return rejected(Reject.UNKNOWN_SYMBOL);
        Instrument in = book.instrument();
        long min = in.priceE8(Math.max(1, in.minPrice()));
        long max = in.maxPrice() > 0 ? in.priceE8(in.maxPrice()) : Long.MAX_VALUE / Instrument.MULTIPLIER_ONE;
        if (c.markPrice() < min || c.markPrice() > max || c.indexPrice() < min || c.indexPrice() > max) {
            return rejected(Reject.INVALID_VALUE);
        }
        if (prices.mark[book.index] != c.markPrice() || prices.index[book.index] != c.indexPrice()) {
            marksMoved = true;
            pricesMoved = true;
        }
        prices.mark[book.index] = c.markPrice();
        prices.index[book.index] = c.indexPrice();
        return Result.Done.CHANGED;
    }

    private Result setFundingRate(Command.SetFundingRate c) {
        OrderBook book = books.get(c.symbol());
        if (book == null) return rejected(Reject.UNKNOWN_SYMBOL);
        // Binance clamps funding to a few tenths of a percent; 1 % per interval is beyond any real cap
        if (Math.abs(c.rate()) > Money.RATE_ONE / 100) return rejected(Reject.INVALID_VALUE);
        prices.fundingRate[book.index] = c.rate();
        return Result.Done.CHANGED;
    }

    private Result setLeverage(Command.SetLeverage c) {
        OrderBook book = books.get(c.symbol());
        if (book == null) return rejected(Reject.UNKNOWN_SYMBOL);
        Account account = account(c.accountId());
        if (account == null) return rejected(Reject.UNKNOWN_ACCOUNT);
        Instrument in = book.instrument();
        if (c.leverage() < 1 || c.leverage() > LeverageBrackets.maxLeverage(in)) return rejected(Reject.LEVERAGE_NOT_VALID);
        int i = book.index;
        long maxQty = LeverageBrackets.maxQty(in, c.leverage());
        for (PositionSide side : PositionSide.values()) {
            int slot = Account.slot(i, side);
            long exposure = margin.notionalBase(account, i, slot)
                    + Math.max(account.openBase[Account.bucket(i, side, Side.BUY)], account.openBase[Account.bucket(i, side, Side.SELL)]);
            if (maxQty < OrderRisk.MAX_EXPOSURE_BASE / Money.ONE_COIN / Money.BASE_PER_COIN_UNIT
                    && exposure > maxQty * Money.ONE_COIN * Money.BASE_PER_COIN_UNIT) {
                return rejected(Reject.MAX_POSITION_AT_LEVERAGE);
            }
        }
        int previous = account.leverage[i];
        account.leverage[i] = c.leverage();
        if (c.leverage() < previous) {
            margin.compute(account, -1, -1, 0, 0);
            if (!margin.sufficient(margin.coinOf(i))) {
                account.leverage[i] = previous;
                return rejected(Reject.MARGIN_INSUFFICIENT);
            }
        }
        if (events != null) events.accept(new Event.LeverageChanged(account.accountId, in.symbol(), c.leverage()));
        return new Result.LeverageSet(in.symbol(), c.leverage(), maxQty);
    }

    private Result setPositionMode(Command.SetPositionMode c) {
        Account account = account(c.accountId());
        if (account == null) return rejected(Reject.UNKNOWN_ACCOUNT);
        if (account.dualSide == c.dualSidePosition()) return rejected(Reject.POSITION_MODE_UNCHANGED);
        if (account.openTotal > 0 || conditionals.hasOpen(account.accountId)) return rejected(Reject.POSITION_MODE_OPEN_ORDERS);
        if (account.hasAnyPosition()) return rejected(Reject.POSITION_MODE_OPEN_POSITION);
        account.dualSide = c.dualSidePosition();
        if (events != null) events.accept(new Event.PositionModeChanged(account.accountId, account.dualSide));
        return Result.Done.CHANGED;
    }

    private Result setCommissionRates(Command.SetCommissionRates c) {
        Account account = account(c.accountId());
        if (account == null) return rejected(Reject.UNKNOWN_ACCOUNT);
        if (Math.abs(c.makerRate()) > Money.RATE_ONE || Math.abs(c.takerRate()) > Money.RATE_ONE) return rejected(Reject.INVALID_VALUE);
        account.makerRate = c.makerRate();
        account.takerRate = c.takerRate();
        return Result.Done.CHANGED;
    }

    private Result transfer(Command.Transfer c, long timestamp) {
        Account account = account(c.accountId());
        if (account == null) return rejected(Reject.UNKNOWN_ACCOUNT);
        int coin = coins.indexOf(c.asset());
        if (coin < 0) return rejected(Reject.UNKNOWN_ASSET);
        if (c.amount() == 0 || Math.abs(c.amount()) > Money.MAX_BALANCE
                || Math.abs(account.wallet[coin] + c.amount()) > Money.MAX_BALANCE) {
            return rejected(Reject.INVALID_VALUE);
        }
        if (c.amount() < 0) {
            // a withdrawal may not leave the account short of initial margin
            account.wallet[coin] += c.amount();
            margin.compute(account, -1, -1, 0, 0);
            boolean enough = account.wallet[coin] >= 0 && margin.sufficient(coin);
            account.wallet[coin] -= c.amount();
            if (!enough) return rejected(Reject.MARGIN_INSUFFICIENT);
        }
        ledger.transfer(account, coin, c.amount(), timestamp);
        return Result.Done.CHANGED;
    }

    /** Rejections carry no data: one immutable result per reason, so refusing allocates nothing. */
    private static final Result.Rejected[] REJECTED = new Result.Rejected[Reject.values().length];
    private static final Result.Rejected[] REJECTED_AFTER_SETTLEMENT = new Result.Rejected[Reject.values().length];

    static {
        for (Reject r : Reject.values()) {
            REJECTED[r.ordinal()] = new Result.Rejected(r);
            REJECTED_AFTER_SETTLEMENT[r.ordinal()] = new Result.Rejected(r, true);
        }
    }

    static Result rejected(Reject reason) {
        return REJECTED[reason.ordinal()];
    }

    /** Triggers what the prices now meet: one comparison while no strategy is open. */
    private boolean runTriggers(long timestamp) {
        return conditionals.openCount() > 0 && strategyDesk.runTriggers(timestamp);
    }

    /** Hands an event to the listener, if any (for the engine's helpers). */
    void emit(Event event) {
        if (events != null) events.accept(event);
    }

    /** Places a triggered strategy's order through the normal path; the strategy turns TRIGGERED if it is accepted. */
    Result placeForStrategy(Strategy strategy, Command.PlaceOrder order, long timestamp) {
        triggering = strategy;
        try {
            return place(order, timestamp);
        } finally {
            triggering = null;
        }
    }

    /** The strategy that placed an open order, or null: for listeners (the stream's st and si). */
    public StrategyView strategyOfOrder(long orderId) {
        return strategyDesk.strategyOfOrder(orderId);
    }

    // Snapshot support (EngineSnapshot): package-private access to the raw state.

    ConditionalOrders conditionals() {
        return conditionals;
    }

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

    /** Every remembered order in id order, closed ones rebuilt from their rows (snapshots). */
    List<Order> ordersInIdOrder() {
        return orders.inIdOrder(this::bookOfListing);
    }

    OrderMemory orderMemory() {
        return orders;
    }

    /** An open order, or null. */
    Order order(long orderId) {
        return orders.open(orderId);
    }

    /** Whether the engine still remembers an order, open or closed. */
    boolean remembers(long orderId) {
        return orders.remembers(orderId);
    }

    void restoreAccount(Account account) {
        if (account.accountId != accounts.size() + 1) {
            throw new IllegalArgumentException("account ids must be dense: expected " + (accounts.size() + 1) + ", got " + account.accountId);
        }
        accounts.add(account);
        accountsByKey.put(account.apiKey, account);
    }

    List<String> coins() {
        return coins;
    }

    MarketPrices prices() {
        return prices;
    }

    Ledger ledger() {
        return ledger;
    }

    TimeEvents timeEvents() {
        return timeEvents;
    }

    Listings listings() {
        return listings;
    }

    /**
     * The book of a listing: the slot's book while it trades, else a detached empty book of the delivered
     * contract, which its restored closed orders hang off so they still show its symbol.
     */
    OrderBook bookOfListing(int listing) {
        int slot = listings.slotOf(listing);
        if (listings.current(slot) == listing) return booksByIndex.get(slot);
        return deliveredBooks.computeIfAbsent(listing, k -> new OrderBook(listings.get(k), slot));
    }

    /** A listing read from a snapshot, before its accounts: the slot's state is read after it. */
    void restoreListing(int slot, Instrument instrument) {
        if (!accounts.isEmpty()) throw new IllegalStateException("listings are restored before accounts");
        list(slot, instrument);
    }

    List<Instrument> instrumentsByIndex() {
        return instrumentsByIndex;
    }

    /**
     * Per margin coin, in base units (1e-13): Σ wallets + Σ position costs + fee pool + rounding dust. Trades,
     * funding and deliveries never change it (spec-next §9.13); deposits and transfers do.
     */
    public long[] conservedCoin() {
        long[] total = new long[coins.size()];
        for (Account a : accounts) {
            for (int c = 0; c < total.length; c++) total[c] += a.wallet[c] * Money.BASE_PER_COIN_UNIT;
            for (int s = 0; s < a.positionCost.length; s++) total[ledger.coinOf[s / 3]] += a.positionCost[s];
        }
        for (int c = 0; c < total.length; c++) total[c] += ledger.feePool[c] * Money.BASE_PER_COIN_UNIT + ledger.dust[c];
        return total;
    }

    /** Commission collected per margin coin (coin units), net of funding rounding; by coin name. */
    public Map<String, Long> feePool() {
        Map<String, Long> pool = new LinkedHashMap<>();
        for (int c = 0; c < coins.size(); c++) pool.put(coins.get(c), ledger.feePool[c]);
        return pool;
    }

    void restoreCounters(long orderId, long tradeId, long accountId) {
        nextOrderId = orderId;
        nextTradeId = tradeId;
        nextAccountId = accountId;
    }
}
