package com.papisandbox.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of CM conditional orders (spec §6.9, papi-cm-next §2.12): placing, cancelling and looking them up,
 * and triggering them. A triggered strategy places its order through the engine's normal order path, so the order
 * meets every check and event a new order does; a refused order expires the strategy.
 */
final class StrategyDesk {
    /** allOrders' default limit (spec §6.9). */
    static final int DEFAULT_ALL_LIMIT = 500;

    private final Engine engine;
    private final ConditionalOrders strategies;
    private final MarketPrices prices;

    StrategyDesk(Engine engine, ConditionalOrders strategies, MarketPrices prices) {
        this.engine = engine;
        this.strategies = strategies;
        this.prices = prices;
    }

    Result place(Command.PlaceStrategy c, long timestamp) {
        OrderBook book = engine.book(c.symbol());
        if (book == null) return Engine.rejected(Reject.UNKNOWN_SYMBOL);
        Account account = engine.account(c.accountId());
        if (account == null) return Engine.rejected(Reject.UNKNOWN_ACCOUNT);
        Instrument in = book.instrument();
        if (prices.delivered[book.index]) return Engine.rejected(Reject.SYMBOL_CLOSED);
        if ((c.positionSide() == PositionSide.BOTH) == account.dualSide) return Engine.rejected(Reject.POSITION_SIDE_MISMATCH);
        if (c.reduceOnlySent() && account.dualSide) return Engine.rejected(Reject.REDUCE_ONLY_IN_HEDGE_MODE);
        Reject filter = OrderFilters.check(in, c.strategyType().orderType(), c.price(), c.quantity());
        if (filter == null) filter = c.strategyType().trailing() ? activationPriceCheck(in, c.activationPrice()) : stopPriceCheck(in, c.stopPrice());
        if (filter != null) return Engine.rejected(filter);
        Strategy same = strategies.latest(account.accountId, c.clientStrategyId());
        if (same != null && same.status == StrategyStatus.NEW) return Engine.rejected(Reject.DUPLICATE_CLIENT_ORDER_ID);
        // MAX_NUM_ORDERS counts normal and conditional orders together (spec §11), then MAX_NUM_ALGO_ORDERS (next §7.2)
        int algo = strategies.openCount(account.accountId, book);
        if (account.openCount(book) + algo >= in.maxNumOrders()) return Engine.rejected(Reject.MAX_OPEN_ORDERS);
        if (algo >= in.maxNumAlgoOrders()) return Engine.rejected(Reject.MAX_STOP_ORDERS);
        Strategy s = new Strategy(strategies.nextStrategyId, account.accountId, book, c.clientStrategyId(), c.strategyType(),
                c.side(), c.positionSide(), c.timeInForce(), c.quantity(), c.price(), c.stopPrice(), c.reduceOnly(),
                c.workingType(), c.priceProtect(), c.activationPrice(), c.callbackRate(), timestamp);
        long current = s.workingPrice(prices);
        if (current > 0) {
            boolean immediate = s.type.trailing() ? c.activationPrice() != 0 && s.activationPassed(current) : s.conditionHolds(current);
            if (immediate) return Engine.rejected(Reject.WOULD_IMMEDIATELY_TRIGGER);
        }
        strategies.nextStrategyId++;
        strategies.add(s);
        // a trailing stop without an activation price starts following the price at once
        if (s.type.trailing()) s.due(prices);
        engine.emit(new Event.StrategyUpdated(s.view()));
        return new Result.StrategyResult(s.view());
    }

    /** PRICE_FILTER for a stop price, with the stop price's own codes where Binance has them. */
    private static Reject stopPriceCheck(Instrument in, long stopPrice) {
        if (stopPrice <= 0) return Reject.STOP_PRICE_LESS_THAN_ZERO;
        if (in.maxPrice() > 0 && stopPrice > in.maxPrice()) return Reject.STOP_PRICE_GREATER_THAN_MAX_PRICE;
        if (in.minPrice() > 0 && stopPrice < in.minPrice()) return Reject.PRICE_LESS_THAN_MIN_PRICE;
        if (in.tickSize() > 0 && (stopPrice - in.minPrice()) % in.tickSize() != 0) return Reject.PRICE_NOT_MULTIPLE_OF_TICK;
        return null;
    }

    /** 0 = not sent; otherwise it must pass PRICE_FILTER. */
    private static Reject activationPriceCheck(Instrument in, long activationPrice) {
        if (activationPrice == 0) return null;
        return stopPriceCheck(in, activationPrice) == null ? null : Reject.INVALID_ACTIVATION_PRICE;
    }

    Result cancel(Command.CancelStrategy c, long timestamp) {
        OrderBook book = engine.book(c.symbol());
        if (book == null) return Engine.rejected(Reject.UNKNOWN_SYMBOL);
        Account account = engine.account(c.accountId());
        if (account == null) return Engine.rejected(Reject.UNKNOWN_ACCOUNT);
        Strategy s = find(account, book, c.strategyId(), c.clientStrategyId());
        if (s == null || s.status != StrategyStatus.NEW) return Engine.rejected(Reject.UNKNOWN_ORDER_ON_CANCEL);
        close(s, StrategyStatus.CANCELED, timestamp);
        return new Result.StrategyResult(s.view());
    }

    Result cancelAll(Command.CancelAllStrategies c, long timestamp) {
        OrderBook book = engine.book(c.symbol());
        if (book == null) return Engine.rejected(Reject.UNKNOWN_SYMBOL);
        Account account = engine.account(c.accountId());
        if (account == null) return Engine.rejected(Reject.UNKNOWN_ACCOUNT);
        List<StrategyView> canceled = new ArrayList<>();
        for (Strategy s : strategies.openOf(account.accountId, book)) {
            close(s, StrategyStatus.CANCELED, timestamp);
            canceled.add(s.view());
        }
        return new Result.StrategiesCanceled(canceled);
    }

    /** Every open strategy of the account, on every symbol (a liquidation cancels them with the orders). */
    void cancelAllOf(Account account, long timestamp) {
        for (Strategy s : strategies.openOf(account.accountId, null)) close(s, StrategyStatus.CANCELED, timestamp);
    }

    private void close(Strategy s, StrategyStatus status, long timestamp) {
        strategies.close(s, status, timestamp);
        engine.emit(new Event.StrategyUpdated(s.view()));
    }

    /** A delivered contract's open strategies expire with it. */
    void expireAll(OrderBook book, long timestamp) {
        for (Strategy s : List.copyOf(strategies.open(book.index))) close(s, StrategyStatus.EXPIRED, timestamp);
    }

    /**
     * Triggers every open strategy whose condition holds at the prices now, one at a time in book and id order, and
     * looks again after each (its order may move the last price). Returns whether any triggered.
     */
    boolean runTriggers(long timestamp) {
        boolean any = false;
        for (Strategy due = nextDue(); due != null; due = nextDue()) {
            fire(due, timestamp);
            any = true;
        }
        return any;
    }

    private Strategy nextDue() {
        if (strategies.openCount() == 0) return null;
        for (int i = 0; i < strategies.books(); i++) {
            for (Strategy s : strategies.open(i)) {
                if (s.due(prices)) return s;
            }
        }
        return null;
    }

    private void fire(Strategy s, long timestamp) {
        boolean limit = s.type.orderType() == OrderType.LIMIT;
        Command.PlaceOrder order = new Command.PlaceOrder(s.accountId, s.instrument().symbol(), s.side, s.type.orderType(),
                limit ? s.timeInForce : null, s.positionSide, s.reduceOnly, s.reduceOnly, limit ? s.price : 0, s.quantity,
                "strategy_" + s.strategyId);
        engine.placeForStrategy(s, order, timestamp);
        // the order was refused (margin, reduce-only with nothing to reduce, an empty book): no order, the strategy expires
        if (s.status == StrategyStatus.NEW) close(s, StrategyStatus.EXPIRED, timestamp);
    }

    /** Called by the engine's place path just before the strategy's order is accepted (so TRIGGERED comes first). */
    void triggered(Strategy s, Order order, long timestamp) {
        strategies.triggered(s, order, timestamp);
        engine.emit(new Event.StrategyUpdated(s.view()));
    }

    /** An order closed: if a strategy placed it, the strategy is FINISHED. */
    void orderClosed(Order order, long timestamp) {
        Strategy s = strategies.orderFinal(order, timestamp);
        if (s != null) engine.emit(new Event.StrategyUpdated(s.view()));
    }

    /** The account's strategy in that book with that id (strategyId wins), or null. */
    private Strategy find(Account account, OrderBook book, long strategyId, String clientStrategyId) {
        Strategy s = strategyId >= 0 ? strategies.byId(strategyId) : strategies.latest(account.accountId, clientStrategyId);
        if (s == null || s.accountId != account.accountId || s.book != book) return null;
        return s;
    }

    Result query(Query q, long now) {
        if (q instanceof Query.OpenStrategyLookup l) return lookup(l.accountId(), l.symbol(), l.strategyId(), l.clientStrategyId(), true, now);
        if (q instanceof Query.StrategyHistoryLookup l) return lookup(l.accountId(), l.symbol(), l.strategyId(), l.clientStrategyId(), false, now);
        if (q instanceof Query.OpenStrategies o) return openStrategies(o);
        if (q instanceof Query.AllStrategies a) return allStrategies(a, now);
        throw new IllegalArgumentException("not a strategy query " + q);
    }

    private Result lookup(long accountId, String symbol, long strategyId, String clientStrategyId, boolean open, long now) {
        OrderBook book = engine.book(symbol);
        if (book == null) return Engine.rejected(Reject.UNKNOWN_SYMBOL);
        Account account = engine.account(accountId);
        if (account == null) return Engine.rejected(Reject.UNKNOWN_ACCOUNT);
        Strategy s = find(account, book, strategyId, clientStrategyId);
        // openOrder shows NEW strategies only; orderHistory every other one the 7-day rule still shows
        if (s == null || (s.status == StrategyStatus.NEW) != open || ConditionalOrders.forgotten(s, now)) {
            return Engine.rejected(Reject.NO_SUCH_ORDER);
        }
        return new Result.Strategies(List.of(s.view()));
    }

    private Result openStrategies(Query.OpenStrategies q) {
        OrderBook book = q.symbol() == null ? null : engine.book(q.symbol());
        if (q.symbol() != null && book == null) return Engine.rejected(Reject.UNKNOWN_SYMBOL);
        Account account = engine.account(q.accountId());
        if (account == null) return Engine.rejected(Reject.UNKNOWN_ACCOUNT);
        List<StrategyView> out = new ArrayList<>();
        for (Strategy s : strategies.openOf(account.accountId, book)) out.add(s.view());
        return new Result.Strategies(out);
    }

    private Result allStrategies(Query.AllStrategies q, long now) {
        OrderBook book = q.symbol() == null ? null : engine.book(q.symbol());
        if (q.symbol() != null && book == null) return Engine.rejected(Reject.UNKNOWN_SYMBOL);
        Account account = engine.account(q.accountId());
        if (account == null) return Engine.rejected(Reject.UNKNOWN_ACCOUNT);
        long week = ConditionalOrders.CLOSED_VISIBILITY_MS;
        long start = q.startTime();
        long end = q.endTime();
        if (start >= 0 && end < 0) end = start + week;
        else if (start < 0 && end >= 0) start = end - week;
        else if (start < 0 && q.strategyId() < 0) {
            start = now - week;
            end = now;
        }
        boolean bounded = start >= 0 || end >= 0;
        int limit = q.limit() <= 0 ? DEFAULT_ALL_LIMIT : q.limit();
        ArrayDeque<StrategyView> out = new ArrayDeque<>();
        for (Strategy s : strategies.all()) {
            if (s.accountId != account.accountId || (book != null && s.book != book) || s.strategyId < q.strategyId()) continue;
            if (bounded && (s.bookTime < start || s.bookTime > end)) continue;
            if (ConditionalOrders.forgotten(s, now)) continue;
            // from a strategyId: the first `limit` from it; otherwise the newest `limit`
            if (out.size() == limit) {
                if (q.strategyId() >= 0) break;
                out.pollFirst();
            }
            out.addLast(s.view());
        }
        return new Result.Strategies(List.copyOf(out));
    }

    /** The strategy of an open order it placed, or null (the stream's st and si). */
    StrategyView strategyOfOrder(long orderId) {
        Strategy s = strategies.ofOrder(orderId);
        return s == null ? null : s.view();
    }
}
