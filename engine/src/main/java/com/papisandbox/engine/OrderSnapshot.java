package com.papisandbox.engine;

import java.math.BigDecimal;

/** A copy of an order's state at one moment: what the engine hands out for orders that may still change. */
public record OrderSnapshot(
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
        long updateTime) implements OrderView {

    @Override
    public OrderSnapshot copy() {
        return this;
    }
}
