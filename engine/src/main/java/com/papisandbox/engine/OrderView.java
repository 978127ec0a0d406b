package com.papisandbox.engine;

import java.math.BigDecimal;

/**
 * An order as other threads may read it: never changes once handed out. An open order is copied into
 * an {@link OrderSnapshot}; a closed order never changes again, so the engine hands out the order
 * itself and answering for it allocates nothing.
 */
public interface OrderView {
    /** The client order id prefix of the sandbox's liquidation orders, Binance's (spec §8.1 {@code c}). */
    String LIQUIDATION_PREFIX = "autoclose-";

    long orderId();

    long accountId();

    Instrument instrument();

    String clientOrderId();

    Side side();

    OrderType type();

    TimeInForce timeInForce();

    PositionSide positionSide();

    boolean reduceOnly();

    long price();

    long origQty();

    long executedQty();

    BigDecimal cumBase();

    OrderStatus status();

    long time();

    long updateTime();

    /** The harmonic mean of the fill prices, rounded to the price precision; zero when unfilled. */
    default BigDecimal avgPrice() {
        return ContractMath.avgPrice(instrument(), executedQty(), cumBase());
    }

    /** The same order as a value, equal to any other copy of the same state (for comparisons and tests). */
    default OrderSnapshot copy() {
        return new OrderSnapshot(orderId(), accountId(), instrument(), clientOrderId(), side(), type(), timeInForce(),
                positionSide(), reduceOnly(), price(), origQty(), executedQty(), cumBase(), status(), time(), updateTime());
    }

    /** Whether the liquidation engine placed this order ({@code autoclose-…}). */
    default boolean liquidation() {
        return clientOrderId().startsWith(LIQUIDATION_PREFIX);
    }
}
