package com.papisandbox.engine;

import java.math.BigDecimal;

/** An immutable snapshot of an order, safe to hand to other threads. */
public record OrderView(
        long orderId,
        long accountId,
        Instrument instrument,
        String clientOrderId,
        Side side,
        OrderType type,
        TimeInForce timeInForce,
        PositionSide positionSide,
        boolean reduceOnly,
        long price,
        long origQty,
        long executedQty,
        BigDecimal cumBase,
        OrderStatus status,
        long time,
        long updateTime) {

    /** The harmonic mean of the fill prices, rounded to the price precision; zero when unfilled. */
    public BigDecimal avgPrice() {
        return ContractMath.avgPrice(instrument, executedQty, cumBase);
    }
}
