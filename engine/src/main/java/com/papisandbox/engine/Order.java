package com.papisandbox.engine;

import java.math.BigDecimal;

/**
 * An open order as the engine holds it. Mutated only on the engine thread while open (fills, and a modify's
 * new price and quantity); other threads see {@link OrderSnapshot} copies of open orders, and the order itself
 * once it closed, which never changes again: the engine then keeps a row of {@link ClosedOrders} instead and
 * drops the object. Resting orders are linked into their {@link PriceLevel} (intrusive list), which makes a
 * cancel O(1) within the level.
 */
public final class Order implements OrderView {
    final long orderId;
    final long accountId;
    /** Its instrument's book (the instrument is the book's). */
    final OrderBook book;
    final String clientOrderId;
    final Side side;
    final OrderType type;
    final TimeInForce timeInForce;
    final PositionSide positionSide;
    final boolean reduceOnly;
    /** A hedge-mode order that closes its side (SELL LONG, BUY SHORT): it may only reduce, like reduce-only. */
    final boolean closing;
    /** Changed only by a modify, while the order is open and out of its book (see Engine#modify). */
    long price;
    long origQty;
    final long time;

    long executedQty;
    /** Filled notional in base units (1e-13 coin): each fill's base cut to 13 dp, as Binance averages prices. */
    long cumBase;
    OrderStatus status = OrderStatus.NEW;
    long updateTime;

    PriceLevel level;
    Order prev;
    Order next;

    /** The account's open orders, oldest first (an intrusive list: no node objects, O(1) removal). */
    Order accountPrev;
    Order accountNext;

    /**
     * Ids of the older and newer orders of the same account with the same client order id (any symbol), 0 for
     * none: ids, not references, as the older ones are rows of {@link ClosedOrders}.
     */
    long olderWithClientId;
    long newerWithClientId;

    /** The base (1e-13 coin) of the remainder this order holds in its account's open-order margin, while booked. */
    long bookedBase;

    /** True once modified: only then does {@link AmendmentLog} hold a history for it (fits in padding). */
    boolean amended;

    /**
     * The answer to cancelling this order (the closed order is its own view): made with the order, so
     * that a cancel allocates nothing.
     */
    final Result.OrderResult cancelResult = new Result.OrderResult(this, this, true);

    Order(long orderId, long accountId, OrderBook book, String clientOrderId, Side side, OrderType type,
          TimeInForce timeInForce, PositionSide positionSide, boolean reduceOnly, long price, long origQty, long time) {
        this.orderId = orderId;
        this.accountId = accountId;
        this.book = book;
        this.clientOrderId = clientOrderId;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.positionSide = positionSide;
        this.reduceOnly = reduceOnly;
        this.closing = (positionSide == PositionSide.LONG && side == Side.SELL) || (positionSide == PositionSide.SHORT && side == Side.BUY);
        this.price = price;
        this.origQty = origQty;
        this.time = time;
        this.updateTime = time;
    }

    @Override public long orderId() { return orderId; }
    @Override public long accountId() { return accountId; }
    @Override public Instrument instrument() { return book.instrument(); }
    @Override public String clientOrderId() { return clientOrderId; }
    @Override public Side side() { return side; }
    @Override public OrderType type() { return type; }
    @Override public TimeInForce timeInForce() { return timeInForce; }
    @Override public PositionSide positionSide() { return positionSide; }
    @Override public boolean reduceOnly() { return reduceOnly; }
    @Override public long price() { return price; }
    @Override public long origQty() { return origQty; }
    @Override public long executedQty() { return executedQty; }
    @Override public BigDecimal cumBase() { return cumBase == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(cumBase, Money.BASE_SCALE); }
    @Override public OrderStatus status() { return status; }
    @Override public long time() { return time; }
    @Override public long updateTime() { return updateTime; }

    public long remainingQty() {
        return origQty - executedQty;
    }

    /** Only reduces a position: reduce-only, or closing its side in hedge mode. */
    boolean onlyReduces() {
        return reduceOnly || closing;
    }

    void fill(long qty, long fillBase, long timestamp) {
        executedQty += qty;
        cumBase = Math.addExact(cumBase, fillBase);
        status = executedQty == origQty ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        updateTime = timestamp;
    }

    void close(OrderStatus finalStatus, long timestamp) {
        status = finalStatus;
        updateTime = timestamp;
    }

    /** What other threads may see of this order now: a copy while it is open, the order itself once closed. */
    public OrderView view() {
        return status.isOpen() ? copy() : this;
    }

    @Override
    public String toString() {
        return "Order[" + orderId + " " + side + " " + origQty + "@" + price + " " + status + " exec=" + executedQty + "]";
    }
}
