package com.papisandbox.engine;

/** The kinds of CM conditional (strategy) order (spec §6.9). */
public enum StrategyType {
    STOP, STOP_MARKET, TAKE_PROFIT, TAKE_PROFIT_MARKET, TRAILING_STOP_MARKET;

    /** STOP and TAKE_PROFIT place a LIMIT order at their price when they trigger; the others a MARKET order. */
    public OrderType orderType() {
        return this == STOP || this == TAKE_PROFIT ? OrderType.LIMIT : OrderType.MARKET;
    }

    public boolean trailing() {
        return this == TRAILING_STOP_MARKET;
    }

    /** STOP(_MARKET) buys when the price rises to the stop price; TAKE_PROFIT(_MARKET) when it falls to it. */
    boolean stopLike() {
        return this == STOP || this == STOP_MARKET;
    }
}
