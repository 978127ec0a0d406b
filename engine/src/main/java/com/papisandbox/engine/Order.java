package com.papisandbox.engine;

import java.math.BigDecimal;

/**
 * An order as the engine holds it. Mutated only on the engine thread; other threads see
 * {@link OrderView} snapshots. Resting orders are linked into their {@link PriceLevel} (intrusive
 * list), which makes a cancel O(1) within the level.
 */
public final class Order {
    final long orderId;
    final long accountId;
    final Instrument instrument;
    final String clientOrderId;
    final Side side;
    final OrderType type;
    final TimeInForce timeInForce;
    final PositionSide positionSide;
    final boolean reduceOnly;
    final long price;
    final long origQty;
    final long time;

    long executedQty;
    /** Filled notional in base coin, exact to 34 digits; rendered (8 dp) only at the edge. */
    BigDecimal cumBase = BigDecimal.ZERO;
    OrderStatus status = OrderStatus.NEW;
    long updateTime;

    PriceLevel level;
    Order prev;
    Order next;

    /** The account's open orders, oldest first (an intrusive list: no node objects, O(1) removal). */
    Order accountPrev;
    Order accountNext;

    /** Older and newer orders of the same account with the same client order id (any symbol). */
    Order olderWithClientId;
    Order newerWithClientId;

    Order(long orderId, long accountId, Instrument instrument, String clientOrderId, Side side, OrderType type,
          TimeInForce timeInForce, PositionSide positionSide, boolean reduceOnly, long price, long origQty, long time) {
        this.orderId = orderId;
        this.accountId = accountId;
        this.instrument = instrument;
        this.clientOrderId = clientOrderId;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.positionSide = positionSide;
        this.reduceOnly = reduceOnly;
        this.price = price;
        this.origQty = origQty;
        this.time = time;
        this.updateTime = time;
    }

    public long orderId() { return orderId; }
    public long accountId() { return accountId; }
    public Instrument instrument() { return instrument; }
    public String clientOrderId() { return clientOrderId; }
    public Side side() { return side; }
    public long price() { return price; }
    public long origQty() { return origQty; }
    public long executedQty() { return executedQty; }
    public OrderStatus status() { return status; }

    public long remainingQty() {
        return origQty - executedQty;
    }

    void fill(long qty, long fillPrice, long timestamp) {
        executedQty += qty;
        cumBase = cumBase.add(ContractMath.baseValue(instrument, qty, fillPrice));
        status = executedQty == origQty ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        updateTime = timestamp;
    }

    void close(OrderStatus finalStatus, long timestamp) {
        status = finalStatus;
        updateTime = timestamp;
    }

    public OrderView view() {
        return new OrderView(orderId, accountId, instrument, clientOrderId, side, type, timeInForce, positionSide,
                reduceOnly, price, origQty, executedQty, cumBase, status, time, updateTime);
    }

    @Override
    public String toString() {
        return "Order[" + orderId + " " + side + " " + origQty + "@" + price + " " + status + " exec=" + executedQty + "]";
    }
}
