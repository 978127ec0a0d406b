package com.papisandbox.engine;

/** What happened to orders, in the order it happened. Prices and quantities are in instrument units. */
public sealed interface Event {
    long orderId();

    record Accepted(long orderId, long accountId, String symbol, Side side, long price, long qty) implements Event {
    }

    record Traded(long orderId, long tradeId, boolean maker, long price, long qty, long remainingQty) implements Event {
    }

    record Canceled(long orderId, long remainingQty) implements Event {
    }

    record Expired(long orderId, long remainingQty) implements Event {
    }

    /** A modify changed the order's price and/or quantity (before any trade it then makes). */
    record Amended(long orderId, long amendmentId, long price, long origQty, long priceBefore, long origQtyBefore)
            implements Event {
    }
}
