package com.papisandbox.engine;

/**
 * A conditional order as the engine holds it, and its trigger rule (papi-cm-next §2.12). Prices it compares are
 * in 1e-8 USD, the scale of the mark price, so the mark and the last trade price compare alike.
 */
final class Strategy {
    /** callbackRate is kept in tenths of a percent: 1 = 0.1 %, the smallest Binance takes. */
    static final int CALLBACK_RATE_ONE_PERCENT = 10;
    static final int PER_MILLE = 1000;

    final long strategyId;
    final long accountId;
    final OrderBook book;
    final String clientStrategyId;
    final StrategyType type;
    final Side side;
    final PositionSide positionSide;
    final TimeInForce timeInForce;
    final long quantity;
    final long price;
    final long stopPrice;
    final boolean reduceOnly;
    final WorkingType workingType;
    final boolean priceProtect;
    final int callbackRate;
    final long bookTime;

    /** Trailing only: set at placement, or at the first known price when none was sent and none was known. */
    long activationPrice;
    /** Trailing only: activated, and the lowest (BUY) or highest (SELL) working price since, in 1e-8 USD. */
    boolean activated;
    long extremeE8;

    StrategyStatus status = StrategyStatus.NEW;
    long updateTime;
    long orderId;
    /** The order it placed, while that order is open (TRIGGERED); its final status stays in orderStatus. */
    Order order;
    OrderStatus orderStatus;
    long triggerTime;

    Strategy(long strategyId, long accountId, OrderBook book, String clientStrategyId, StrategyType type, Side side,
             PositionSide positionSide, TimeInForce timeInForce, long quantity, long price, long stopPrice, boolean reduceOnly,
             WorkingType workingType, boolean priceProtect, long activationPrice, int callbackRate, long bookTime) {
        this.strategyId = strategyId;
        this.accountId = accountId;
        this.book = book;
        this.clientStrategyId = clientStrategyId;
        this.type = type;
        this.side = side;
        this.positionSide = positionSide;
        this.timeInForce = timeInForce;
        this.quantity = quantity;
        this.price = price;
        this.stopPrice = stopPrice;
        this.reduceOnly = reduceOnly;
        this.workingType = workingType;
        this.priceProtect = priceProtect;
        this.activationPrice = activationPrice;
        this.callbackRate = callbackRate;
        this.bookTime = bookTime;
        this.updateTime = bookTime;
    }

    Instrument instrument() {
        return book.instrument();
    }

    /** The price it watches now (1e-8 USD), or 0 when the symbol has none yet. */
    long workingPrice(MarketPrices prices) {
        int i = book.index;
        if (workingType == WorkingType.MARK_PRICE) return prices.mark[i];
        return prices.lastPrice[i] > 0 ? instrument().priceE8(prices.lastPrice[i]) : 0;
    }

    /** True if a STOP or TAKE_PROFIT's condition holds at {@code current}. */
    boolean conditionHolds(long current) {
        long stop = instrument().priceE8(stopPrice);
        boolean risingTriggers = type.stopLike() == (side == Side.BUY);
        return risingTriggers ? current >= stop : current <= stop;
    }

    /** True if a trailing stop's activation price lies where the price already is (BUY at or above, SELL at or below). */
    boolean activationPassed(long current) {
        long activation = instrument().priceE8(activationPrice);
        return side == Side.BUY ? activation >= current : activation <= current;
    }

    /**
     * Whether it triggers at the prices now. A trailing stop first follows the price (its extreme moves), so this
     * is called once per evaluation; calling it again at the same prices changes nothing.
     */
    boolean due(MarketPrices prices) {
        long current = workingPrice(prices);
        if (current <= 0) return false;
        if (type.trailing()) return trail(current);
        if (!conditionHolds(current)) return false;
        return !(priceProtect && protectionBlocks(prices));
    }

    private boolean trail(long current) {
        if (!activated) {
            boolean reached = activationPrice == 0
                    || (side == Side.BUY ? current <= instrument().priceE8(activationPrice) : current >= instrument().priceE8(activationPrice));
            if (!reached) return false;
            if (activationPrice == 0) activationPrice = toUnits(current, side == Side.SELL);
            activated = true;
            extremeE8 = current;
            return false;
        }
        extremeE8 = side == Side.BUY ? Math.min(extremeE8, current) : Math.max(extremeE8, current);
        long scaled = Math.multiplyExact(current, PER_MILLE);
        return side == Side.BUY ? scaled >= Math.multiplyExact(extremeE8, PER_MILLE + callbackRate)
                : scaled <= Math.multiplyExact(extremeE8, PER_MILLE - callbackRate);
    }

    /** priceProtect: no trigger while mark and last trade differ by more than the symbol's triggerProtect. */
    private boolean protectionBlocks(MarketPrices prices) {
        int i = book.index;
        long mark = prices.mark[i];
        long last = prices.lastPrice[i] > 0 ? instrument().priceE8(prices.lastPrice[i]) : 0;
        if (mark <= 0 || last <= 0) return false;
        return Math.multiplyExact(Math.abs(mark - last), Instrument.MULTIPLIER_ONE) > Math.multiplyExact(mark, instrument().triggerProtect());
    }

    /** The stop price shown: a trailing stop's current trigger price (from its extreme, else its activation price). */
    long shownStopPrice() {
        if (!type.trailing()) return stopPrice;
        long base = activated ? extremeE8 : instrument().priceE8(activationPrice);
        if (base == 0) return 0;
        int factor = side == Side.BUY ? PER_MILLE + callbackRate : PER_MILLE - callbackRate;
        long e8 = Math.multiplyExact(base, factor) / PER_MILLE;
        // a BUY triggers at or above it (round up), a SELL at or below it (round down)
        return toUnits(e8, side == Side.SELL);
    }

    private long toUnits(long e8, boolean down) {
        long scale = ContractMath.POW10[8 - instrument().pricePrecision()];
        return down ? e8 / scale : (e8 + scale - 1) / scale;
    }

    StrategyView view() {
        return new StrategyView(strategyId, accountId, instrument(), clientStrategyId, type, status, side, positionSide,
                timeInForce, quantity, price, shownStopPrice(), reduceOnly, workingType, priceProtect, activationPrice,
                callbackRate, bookTime, updateTime, orderId, order != null ? order.status : orderStatus, triggerTime);
    }
}
