package com.papisandbox.engine;

/**
 * A conditional (strategy) order as other threads may read it: an immutable copy. Prices are in instrument units
 * ({@code stopPrice} of a trailing stop is its current trigger price; {@code activationPrice} 0 = none yet),
 * {@code callbackRate} in tenths of a percent. {@code orderId} is 0 and {@code orderStatus} null until it triggers.
 */
public record StrategyView(long strategyId, long accountId, Instrument instrument, String clientStrategyId, StrategyType type,
                           StrategyStatus status, Side side, PositionSide positionSide, TimeInForce timeInForce, long quantity,
                           long price, long stopPrice, boolean reduceOnly, WorkingType workingType, boolean priceProtect,
                           long activationPrice, int callbackRate, long bookTime, long updateTime, long orderId,
                           OrderStatus orderStatus, long triggerTime) {

    /** The type of the order it places (or placed) when it triggers. */
    public OrderType orderType() {
        return type.orderType();
    }
}
